package org.nmaudit.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One loaded row of claims.csv. Immutable; identity is (claim_id, line_number), which the reader
 * keeps unique. Dates are also held as epoch days so rules join and subtract them as plain ints.
 */
public final class ClaimLine implements PatientFact {
    private static final long serialVersionUID = 1L;

    private static final Set<String> FACILITY_PLACES = Set.of("19", "21", "22", "23", "24");
    private static final String CLAIMS_CSV = "claims.csv";

    private final String claimId;
    private final int lineNumber;
    private final String patientId;
    private final PayerType payerType;
    private final String renderingNpi;
    private final LocalDate serviceDate;
    private final int serviceDay;
    private final String cptCode;
    private final List<String> modifiers;
    private final String modifierSet;
    private final BigDecimal units;
    private final List<String> diagnosisCodes;
    private final String placeOfService;
    private final String billType;
    private final String priorAuthNumber;
    /*
     * The amounts as unscaled value and scale rather than BigDecimal objects: an audit holds every claim line
     * from the read to the patient pass, and two BigDecimals a line were a fifth of the objects the collector
     * copied while reading (1.9 million on 1M lines). The getters give back equal BigDecimals, same scale.
     */
    private final long billedUnscaled;
    private final int billedScale;
    /** The amount when its unscaled value does not fit in a long (rare), else null. */
    private final BigDecimal billedWide;
    private final long paidUnscaled;
    private final int paidScale;
    private final BigDecimal paidWide;
    private final long sourceLine;
    private final String sourceFile;

    /** A line read from claims.csv. */
    public ClaimLine(String claimId, int lineNumber, String patientId, PayerType payerType, String renderingNpi,
            LocalDate serviceDate, String cptCode, List<String> modifiers, BigDecimal units,
            List<String> diagnosisCodes, String placeOfService, String billType, String priorAuthNumber,
            BigDecimal billedAmount, BigDecimal paidAmount, long sourceLine) {
        this(claimId, lineNumber, patientId, payerType, renderingNpi, serviceDate, cptCode, modifiers, units,
                diagnosisCodes, placeOfService, billType, priorAuthNumber, billedAmount, paidAmount, sourceLine,
                CLAIMS_CSV);
    }

    /**
     * @param sourceLine the physical line of claims.csv, or the segment position in an X12 file
     * @param sourceFile claims.csv, or the X12 file the line was read from
     */
    public ClaimLine(String claimId, int lineNumber, String patientId, PayerType payerType, String renderingNpi,
            LocalDate serviceDate, String cptCode, List<String> modifiers, BigDecimal units,
            List<String> diagnosisCodes, String placeOfService, String billType, String priorAuthNumber,
            BigDecimal billedAmount, BigDecimal paidAmount, long sourceLine, String sourceFile) {
        this.claimId = claimId;
        this.lineNumber = lineNumber;
        this.patientId = patientId;
        this.payerType = payerType;
        this.renderingNpi = renderingNpi;
        this.serviceDate = serviceDate;
        this.serviceDay = (int) serviceDate.toEpochDay();
        this.cptCode = cptCode;
        this.modifiers = List.copyOf(modifiers);
        this.modifierSet = modifiers.isEmpty() ? "" : String.join(";", new TreeSet<>(modifiers));
        this.units = units;
        this.diagnosisCodes = List.copyOf(diagnosisCodes);
        this.placeOfService = placeOfService;
        this.billType = billType;
        this.priorAuthNumber = priorAuthNumber;
        this.billedUnscaled = CompactAmount.unscaled(billedAmount);
        this.billedScale = CompactAmount.scale(billedAmount);
        this.billedWide = CompactAmount.wide(billedAmount);
        this.paidUnscaled = CompactAmount.unscaled(paidAmount);
        this.paidScale = CompactAmount.scale(paidAmount);
        this.paidWide = CompactAmount.wide(paidAmount);
        this.sourceLine = sourceLine;
        this.sourceFile = CLAIMS_CSV.equals(sourceFile) ? CLAIMS_CSV : sourceFile;
    }

    public String getClaimId() {
        return claimId;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public String getPatientId() {
        return patientId;
    }

    @Override
    public int recordDay() {
        return serviceDay;
    }

    public PayerType getPayerType() {
        return payerType;
    }

    public String getRenderingNpi() {
        return renderingNpi;
    }

    public LocalDate getServiceDate() {
        return serviceDate;
    }

    public int getServiceDay() {
        return serviceDay;
    }

    public String getCptCode() {
        return cptCode;
    }

    public List<String> getModifiers() {
        return modifiers;
    }

    public BigDecimal getUnits() {
        return units;
    }

    /** The modifiers as a set, written in sorted order ("25;59"): equal sets give equal text. */
    public String getModifierSet() {
        return modifierSet;
    }

    /** Exactly one unit (1 and 1.0 alike). */
    public boolean isSingleUnit() {
        return units.compareTo(BigDecimal.ONE) == 0;
    }

    public boolean unitsAbove(BigDecimal max) {
        return units.compareTo(max) > 0;
    }

    public List<String> getDiagnosisCodes() {
        return diagnosisCodes;
    }

    /** Blank in the file means "not known": null here. */
    public String getPlaceOfService() {
        return placeOfService;
    }

    /** Three digits (a 4-digit value has lost its leading 0), or null on a professional line. */
    public String getBillType() {
        return billType;
    }

    public String getPriorAuthNumber() {
        return priorAuthNumber;
    }

    public BigDecimal getBilledAmount() {
        return CompactAmount.of(billedUnscaled, billedScale, billedWide);
    }

    public BigDecimal getPaidAmount() {
        return CompactAmount.of(paidUnscaled, paidScale, paidWide);
    }

    /** The 1-based physical line in claims.csv where the row starts (the segment position in an X12 file). */
    public long getSourceLine() {
        return sourceLine;
    }

    /** claims.csv, or the X12 file the line was read from. */
    public String getSourceFile() {
        return sourceFile;
    }

    /** A line without a bill_type: the physician's (or other professional's) claim. */
    public boolean isProfessional() {
        return billType == null;
    }

    /** A line with a bill_type: a hospital's or facility's claim. */
    public boolean isInstitutional() {
        return billType != null;
    }

    /** paid_amount, or billed_amount while unpaid, or null when neither is known. */
    public BigDecimal getAmountAtRisk() {
        BigDecimal paid = getPaidAmount();
        return paid != null ? paid : getBilledAmount();
    }

    /** Paid, and paid less than {@code amount}. */
    public boolean paidBelow(BigDecimal amount) {
        BigDecimal paid = getPaidAmount();
        return paid != null && paid.compareTo(amount) < 0;
    }

    /**
     * The fee-schedule setting of the line: {@code FACILITY} for an institutional line or a facility
     * place of service (19, 21, 22, 23, 24), else {@code NON_FACILITY}.
     */
    public String getFeeSetting() {
        return isInstitutional() || placeOfService != null && FACILITY_PLACES.contains(placeOfService) ? "FACILITY" : "NON_FACILITY";
    }

    /** The fee-schedule component: {@code FACILITY_FEE} for an institutional line, else {@code PROFESSIONAL}. */
    public String getFeeComponent() {
        return isInstitutional() ? "FACILITY_FEE" : "PROFESSIONAL";
    }

    /** "professional" or "institutional", as messages say it. */
    public String getClaimType() {
        return isProfessional() ? "professional" : "institutional";
    }

    /**
     * Whether this line's claim sorts before the other line's claim (claim_id as text): for lines on
     * different claims, the order by claim_id then line_number.
     */
    public boolean onEarlierClaimThan(ClaimLine other) {
        return claimId.compareTo(other.claimId) < 0;
    }

    public boolean hasDiagnosis(String code) {
        return diagnosisCodes.contains(code);
    }

    public boolean hasDiagnosisStartingWith(String prefix) {
        for (String dx : diagnosisCodes) {
            if (dx.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasModifier(String modifier) {
        return modifiers.contains(modifier);
    }

    /**
     * The order core-rules.md uses wherever lines are ranked: service date, then claim_id as text,
     * then line_number as an integer.
     */
    public boolean precedes(ClaimLine other) {
        if (serviceDay != other.serviceDay) {
            return serviceDay < other.serviceDay;
        }
        int byClaim = claimId.compareTo(other.claimId);
        if (byClaim != 0) {
            return byClaim < 0;
        }
        return lineNumber < other.lineNumber;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claim_id", claimId);
        m.put("line_number", lineNumber);
        m.put("patient_id", patientId);
        m.put("service_date", serviceDate.toString());
        m.put("cpt_code", cptCode);
        m.put("rendering_npi", renderingNpi);
        m.put("claim_type", getClaimType());
        m.put("payer_type", payerType.name());
        if (billType != null) {
            m.put("bill_type", billType);
        }
        if (placeOfService != null) {
            m.put("place_of_service", placeOfService);
        }
        m.put("units", units.toPlainString());
        if (!modifiers.isEmpty()) {
            m.put("modifiers", String.join(";", modifiers));
        }
        if (!diagnosisCodes.isEmpty()) {
            m.put("diagnosis_codes", String.join(";", diagnosisCodes));
        }
        if (priorAuthNumber != null) {
            m.put("prior_auth_number", priorAuthNumber);
        }
        BigDecimal billed = getBilledAmount();
        if (billed != null) {
            m.put("billed_amount", billed.toPlainString());
        }
        BigDecimal paid = getPaidAmount();
        if (paid != null) {
            m.put("paid_amount", paid.toPlainString());
        }
        m.put("source_line", sourceLine);
        if (!CLAIMS_CSV.equals(sourceFile)) {
            m.put("source_file", sourceFile); // claims.csv lines keep the evidence they always had
        }
        return m;
    }

    @Override
    public String toString() {
        return "claim " + claimId + " line " + lineNumber + " (" + cptCode + " on " + serviceDate + ")";
    }
}
