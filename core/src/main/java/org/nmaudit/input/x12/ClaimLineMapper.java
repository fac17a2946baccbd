package org.nmaudit.input.x12;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nmaudit.input.ClaimLineCells;

/**
 * The mapping of x12-input.md §2-§3: one 837 service line and its claim become the claims.csv cells
 * of that line, each with the loop and element it came from, plus the problems only X12 has (an ICD-9
 * qualifier, a diagnosis pointer out of range, a procedure qualifier other than HC). The cell formats
 * themselves are checked by {@link org.nmaudit.input.ClaimLineValidator}, exactly as for claims.csv.
 */
final class ClaimLineMapper {
    private static final Map<String, String> PROCEDURE_QUALIFIERS = Map.of(
            "ER", "jurisdiction-specific procedure code", "IV", "Home Infusion EDI Coalition (HIEC) code",
            "WK", "Advanced Billing Concepts (ABC) code", "HP", "Health Insurance Prospective Payment System"
                    + " (HIPPS) code", "N4", "National Drug Code");

    private final String file;
    private final X12Warnings warnings;
    private final long[] patientSources = new long[3];
    private final long[] renderingSources = new long[3];
    private final DateCells dateCells = new DateCells();

    ClaimLineMapper(String file, X12Warnings warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /** The warnings that concern a whole claim, once per claim. */
    void claimRead(Claim837 c) {
        patientId(c, true);
        String sequence = c.payerSequence.text();
        if (c.hasPayer && !sequence.isEmpty() && !sequence.equals("P")) {
            warnings.add(file, "claim sent to a secondary or tertiary payer", file + " segment " + c.clmSegment
                    + ": claim " + c.id() + " is sent to a payer other than the primary (2000B SBR-01 " + sequence
                    + "); payer_type is that payer's");
        }
        if (!c.referral.blank()) {
            warnings.add(file, "referral number", file + " segment " + c.referral.segment() + ": claim " + c.id()
                    + " carries referral number " + c.referral.text() + " (2300 REF*9F); a referral is not a"
                    + " prior authorization and is not loaded as prior_auth_number");
        }
        if (c.priorAuthorizations > 1) {
            warnings.add(file, "several claim prior authorizations", file + " segment "
                    + c.priorAuthorization.segment() + ": claim " + c.id() + " has " + c.priorAuthorizations
                    + " REF*G1 prior authorizations; the first, " + c.priorAuthorization.text() + ", is loaded");
        }
        if (c.renderingProviders > 1) {
            warnings.add(file, "several 2310B rendering providers", file + " segment " + c.renderingNpi.segment()
                    + ": claim " + c.id() + " names " + c.renderingProviders + " rendering providers (2310B NM1*82);"
                    + " the first is used");
        }
        checkTotal(c);
    }

    /** The claims.csv cells of one line; {@code paid} is the paid_amount from the 835s, or null. */
    ClaimLineCells cells(Claim837 c, ServiceLine837 l, BigDecimal paid) {
        ClaimLineCells cells = new ClaimLineCells(file, l.lxSegment, "segment");
        set(cells, "claim_id", c.claimId);
        for (Element u : c.unreadable) {
            cells.problem("", u.text(), u.segment(), u.source() + " segment " + u.segment() + ": '" + u.text()
                    + "' could not be read (a segment starts with a tag of 2-3 letters or digits), so the lines of"
                    + " claim " + c.id() + " are not loaded");
        }
        set(cells, "line_number", l.lineNumber);
        set(cells, "patient_id", patientId(c, false));
        payerType(cells, c);
        set(cells, "rendering_npi", renderingNpi(c, l));
        serviceDate(cells, c, l);
        procedure(cells, c, l);
        units(cells, c, l);
        if (!c.unreadable.isEmpty()) {
            // The diagnoses may be in the segment that could not be read: the line is rejected for that alone.
            if (c.professional()) {
                set(cells, "place_of_service", l.placeOfService.blank() ? c.facilityCode : l.placeOfService);
            } else {
                billType(cells, c);
            }
        } else if (c.professional()) {
            professionalDiagnoses(cells, c, l);
            set(cells, "place_of_service", l.placeOfService.blank() ? c.facilityCode : l.placeOfService);
        } else {
            institutionalDiagnoses(cells, c, l);
            billType(cells, c);
        }
        priorAuthorization(cells, c, l);
        cells.cell("billed_amount", X12Values.decimalCell(l.charge.text()), l.charge.segment(), l.charge);
        if (paid != null) {
            cells.cell("paid_amount", paid.toPlainString(), l.lxSegment, "835 2110 SVC-03");
        }
        return cells;
    }

    /** One line per file for the run summary: where patient_id and (837P) rendering_npi came from. */
    List<String> sourceSummary() {
        List<String> out = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        String[] patientNames = {"2300 REF*EA (medical record number)", "2010BA NM1-09 (member id)",
            "the dependent key <member id>:<last name>:<first name>:<birth date>"};
        for (int i = 0; i < patientSources.length; i++) {
            if (patientSources[i] > 0) {
                patients.add("from " + patientNames[i] + " on " + count(patientSources[i], "claim"));
            }
        }
        if (!patients.isEmpty()) {
            out.add(file + ": patient_id " + String.join(", ", patients) + (patientSources[1] + patientSources[2] > 0
                    ? "; documentation files keyed by medical record number do not join to member ids" : ""));
        }
        List<String> rendering = new ArrayList<>();
        String[] renderingNames = {"2420A", "2310B", "2010AA"};
        for (int i = 0; i < renderingSources.length; i++) {
            if (renderingSources[i] > 0) {
                rendering.add("rendering_npi_source=" + renderingNames[i] + " on " + count(renderingSources[i], "line"));
            }
        }
        if (!rendering.isEmpty()) {
            out.add(file + ": " + String.join(", ", rendering) + (renderingSources[2] > 0 ? " (2010AA is the billing"
                    + " provider's NPI, which the TR3 intends when the billing provider rendered the service)" : ""));
        }
        return out;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void set(ClaimLineCells cells, String column, Element e) {
        cells.cell(column, e.text(), e.segment(), e);
    }

    /** patient_id in the order of §3: REF*EA, else the member id, else the dependent key. */
    private Element patientId(Claim837 c, boolean count) {
        int source;
        Element id;
        if (!c.medicalRecordNumber.blank()) {
            source = 0;
            id = c.medicalRecordNumber;
        } else if (!c.dependent) {
            source = 1;
            id = c.memberId.blank() ? new Element("", c.clmSegment, "2010BA NM1-09") : c.memberId;
        } else {
            source = 2;
            String key = c.memberId.text() + ":" + c.patientLastName.text() + ":" + c.patientFirstName.text() + ":"
                    + c.patientBirthDate.text();
            id = new Element(key, c.patientSegment, "2010CA NM1");
        }
        if (count) {
            patientSources[source]++;
        }
        return id;
    }

    private static void payerType(ClaimLineCells cells, Claim837 c) {
        if (!c.hasPayer) {
            cells.cell("payer_type", "", c.clmSegment, "2000B SBR-09");
            return;
        }
        String code = c.filingIndicator.text();
        String payer = PayerCodes.payerType(code);
        if (payer == null) {
            cells.problem("payer_type", code, c.filingIndicator.segment(), c.filingIndicator.source()
                    + ": claim filing indicator " + code + " is not a code of the 837 (" + PayerCodes.KNOWN + ")");
        } else {
            cells.cell("payer_type", payer, c.filingIndicator.segment(), c.filingIndicator);
        }
    }

    /** 837P: 2420A, else 2310B, else the billing provider 2010AA. 837I: the billing provider. */
    private Element renderingNpi(Claim837 c, ServiceLine837 l) {
        if (!c.professional()) {
            return c.billingNpi;
        }
        if (l.renderingProviders > 1) {
            warnings.add(file, "several 2420A rendering providers", file + " segment " + l.renderingNpi.segment()
                    + ": claim " + c.id() + " line " + l.lineNumber.text() + " names " + l.renderingProviders
                    + " rendering providers (2420A NM1*82); the first is used");
        }
        if (!l.renderingNpi.blank()) {
            renderingSources[0]++;
            return l.renderingNpi;
        }
        if (!c.renderingNpi.blank()) {
            renderingSources[1]++;
            return c.renderingNpi;
        }
        renderingSources[2]++;
        return c.billingNpi;
    }

    private void serviceDate(ClaimLineCells cells, Claim837 c, ServiceLine837 l) {
        Element source = l.date;
        String format = l.dateFormat.text();
        if (l.date.blank() && !c.professional()) {
            source = c.statementDates;
            format = c.statementFormat;
        }
        if (source.blank()) {
            cells.cell("service_date", "", l.lxSegment, c.professional() ? "2400 DTP*472" : "2400 DTP*472 / 2300 DTP*434");
            return;
        }
        DateCells.Read read = dateCells.read(format, source.text());
        X12Values.Dates dates = read.dates();
        if (!dates.ok()) {
            cells.problem("service_date", source.text(), source.segment(), source.source() + ": " + dates.problem());
            return;
        }
        if (dates.warning() != null) {
            warnings.add(file, "date ranges", file + " segment " + source.segment() + ": claim " + c.id() + " line "
                    + l.lineNumber.text() + ": " + dates.warning());
        }
        if (!c.professional() && source == l.date && outsideStatement(c, dates)) {
            warnings.add(file, "line dates outside the statement period", file + " segment " + source.segment()
                    + ": claim " + c.id() + " line " + l.lineNumber.text() + " is dated " + dates.from()
                    + ", outside the statement period " + c.statementDates.text() + " (2300 DTP*434)");
        }
        cells.cell("service_date", read.fromText(), source.segment(), source);
    }

    /** An 837I line date outside the claim's statement period (2300 DTP*434), when that period is readable. */
    private static boolean outsideStatement(Claim837 c, X12Values.Dates line) {
        X12Values.Dates statement = X12Values.dates(c.statementFormat, c.statementDates.text());
        return statement.ok() && statement.from() != null
                && (line.from().isBefore(statement.from()) || line.from().isAfter(statement.to()));
    }

    private static void procedure(ClaimLineCells cells, Claim837 c, ServiceLine837 l) {
        String tag = c.professional() ? "SV1" : "SV2";
        if (!l.hasService) {
            cells.problem("cpt_code", "", l.lxSegment, "2400 LX-01: line " + l.lineNumber.text() + " has no " + tag
                    + " service segment");
            return;
        }
        if (l.procedure.blank() && !l.revenueCode.blank()) {
            cells.problem("cpt_code", l.revenueCode.text(), l.serviceSegment, "2400 SV2-02: 837I line "
                    + l.lineNumber.text() + ": revenue code " + l.revenueCode.text() + " without HCPCS (SV202)");
            return;
        }
        String qualifier = l.qualifier.text();
        if (!qualifier.equals("HC") && !(qualifier.isEmpty() && l.procedure.blank())) {
            String name = PROCEDURE_QUALIFIERS.get(qualifier);
            cells.problem("cpt_code", l.procedure.text(), l.serviceSegment, l.qualifier.source()
                    + ": procedure code qualifier " + qualifier + (name == null ? "" : " (" + name + ")")
                    + " is not HC; only HCPCS and CPT codes are read");
            return;
        }
        cells.cell("cpt_code", l.procedure.text(), l.serviceSegment, l.procedure);
        cells.cell("modifiers", String.join(";", l.modifiers), l.serviceSegment, l.modifierSource);
    }

    private void units(ClaimLineCells cells, Claim837 c, ServiceLine837 l) {
        String basis = l.unitBasis.text();
        String quantity = X12Values.decimalCell(l.quantity.text());
        if (basis.isEmpty() || basis.equals("UN") || (!c.professional() && basis.equals("DA"))) {
            cells.cell("units", quantity, l.quantity.segment(), l.quantity);
        } else if (basis.equals("MJ") && c.professional()) {
            warnings.add(file, "minutes (MJ) not loaded as units", file + " segment " + l.serviceSegment + ": "
                    + l.quantity.source() + ": " + quantity + " minutes (MJ) not loaded as units (claim " + c.id()
                    + " line " + l.lineNumber.text() + "); units default to 1");
        } else {
            cells.problem("units", basis, l.unitBasis.segment(), l.unitBasis.source() + ": unit basis " + basis
                    + " is not " + (c.professional() ? "UN (units) or MJ (minutes)" : "UN (units) or DA (days)"));
        }
    }

    private void professionalDiagnoses(ClaimLineCells cells, Claim837 c, ServiceLine837 l) {
        List<Diagnosis> list = new ArrayList<>();
        for (Diagnosis d : c.diagnoses) {
            if (Diagnosis.PROFESSIONAL_LIST.contains(d.qualifier())) {
                list.add(d);
            }
        }
        List<Diagnosis> picked = new ArrayList<>();
        boolean problem = false;
        if (l.pointers.isEmpty()) {
            picked.addAll(list);
            if (!list.isEmpty() && l.hasService) {
                warnings.add(file, "missing diagnosis pointers", file + " segment " + l.serviceSegment + ": "
                        + l.pointerSource + ": claim " + c.id() + " line " + l.lineNumber.text()
                        + " has no diagnosis pointer; all " + list.size() + " diagnosis codes of the claim are loaded");
            }
        }
        for (String pointer : l.pointers) {
            Integer n = X12Values.digits(pointer) && pointer.length() <= 2 ? Integer.valueOf(pointer) : null;
            if (n == null) {
                cells.problem("diagnosis_codes", pointer, l.serviceSegment, l.pointerSource + ": diagnosis pointer "
                        + pointer + " is not a number from 1 to 12");
                problem = true;
            } else if (n < 1 || n > list.size()) {
                cells.problem("diagnosis_codes", pointer, l.serviceSegment, l.pointerSource + ": diagnosis pointer "
                        + n + " but the claim has " + list.size() + " diagnosis code" + (list.size() == 1 ? "" : "s"));
                problem = true;
            } else {
                picked.add(list.get(n - 1));
            }
        }
        if (icd9(cells, picked) || problem) {
            return;
        }
        cells.cell("diagnosis_codes", codes(picked), l.serviceSegment, l.pointerSource);
    }

    private static void institutionalDiagnoses(ClaimLineCells cells, Claim837 c, ServiceLine837 l) {
        if (icd9(cells, c.diagnoses)) {
            return;
        }
        List<Diagnosis> ordered = new ArrayList<>();
        c.diagnoses.stream().filter(d -> d.qualifier().equals("ABK")).forEach(ordered::add);
        c.diagnoses.stream().filter(d -> d.qualifier().equals("ABF")).forEach(ordered::add);
        long segment = ordered.isEmpty() ? l.lxSegment : ordered.get(0).segment();
        cells.cell("diagnosis_codes", codes(ordered), segment, "2300 HI");
    }

    /** Rejects with the first ICD-9 code among {@code diagnoses}; true when there was one. */
    private static boolean icd9(ClaimLineCells cells, List<Diagnosis> diagnoses) {
        for (Diagnosis d : diagnoses) {
            if (d.icd9()) {
                cells.problem("diagnosis_codes", d.text(), d.segment(), d.source() + ": ICD-9 qualifier "
                        + d.qualifier() + "; ICD-10 ABK/ABF expected");
                return true;
            }
        }
        return false;
    }

    private static String codes(List<Diagnosis> diagnoses) {
        StringBuilder b = new StringBuilder();
        for (Diagnosis d : diagnoses) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(d.code());
        }
        return b.toString();
    }

    /** bill_type = CLM05-1 (facility type code, a leading 0 of three characters dropped) + CLM05-3. */
    private static void billType(ClaimLineCells cells, Claim837 c) {
        String facility = c.facilityCode.text();
        if (facility.isEmpty()) {
            cells.problem("bill_type", "", c.clmSegment, c.facilityCode.source() + ": the facility type code is"
                    + " blank; an 837I line needs it for its bill_type");
            return;
        }
        if (facility.length() == 3 && facility.charAt(0) == '0') {
            facility = facility.substring(1);
        }
        cells.cell("bill_type", facility + c.frequency.text(), c.clmSegment, "2300 CLM-05");
    }

    private void priorAuthorization(ClaimLineCells cells, Claim837 c, ServiceLine837 l) {
        if (c.professional()) {
            if (l.priorAuthorizations > 1) {
                warnings.add(file, "several line prior authorizations", file + " segment "
                        + l.priorAuthorization.segment() + ": claim " + c.id() + " line " + l.lineNumber.text()
                        + " has " + l.priorAuthorizations + " REF*G1 prior authorizations; the first, "
                        + l.priorAuthorization.text() + ", is loaded");
            }
            if (!l.referral.blank()) {
                warnings.add(file, "referral number", file + " segment " + l.referral.segment() + ": claim " + c.id()
                        + " line " + l.lineNumber.text() + " carries referral number " + l.referral.text()
                        + " (2400 REF*9F); a referral is not a prior authorization and is not loaded as"
                        + " prior_auth_number");
            }
            if (!l.priorAuthorization.blank()) {
                set(cells, "prior_auth_number", l.priorAuthorization);
                return;
            }
        }
        set(cells, "prior_auth_number", c.priorAuthorization);
    }

    /** CLM02 is the sum of the line charges; a claim whose lines do not add up is worth a look. */
    private void checkTotal(Claim837 c) {
        DecimalSum total = new DecimalSum();
        if (!total.add(c.totalCharge.text()) || c.lines.isEmpty()) {
            return;
        }
        DecimalSum sum = new DecimalSum();
        for (ServiceLine837 l : c.lines) {
            if (!sum.add(l.charge.text())) {
                return;
            }
        }
        if (!sum.sameValue(total)) {
            warnings.add(file, "claim total differs from its lines", file + " segment " + c.clmSegment + ": claim "
                    + c.id() + " total charge " + c.totalCharge.text() + " (CLM02) differs from the sum of its line"
                    + " charges, " + sum.value().toPlainString());
        }
    }
}
