package org.nmaudit.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a claim's lines as claims.csv rows (data-format.md column order), the way the source system spells them. */
final class ClaimRows {
    static final String[] HEADER = {
        "claim_id", "line_number", "patient_id", "payer_type", "rendering_npi", "service_date", "cpt_code",
        "modifiers", "units", "diagnosis_codes", "place_of_service", "bill_type", "prior_auth_number",
        "billed_amount", "paid_amount"};
    static final int CLAIM_ID = 0;
    static final int LINE_NUMBER = 1;
    static final int PAYER_TYPE = 3;
    static final int RENDERING_NPI = 4;
    static final int SERVICE_DATE = 5;
    static final int CPT_CODE = 6;
    static final int MODIFIERS = 7;
    static final int BILLED_AMOUNT = 13;

    private ClaimRows() {
    }

    static List<String[]> of(Claim claim, String claimId, String patientId) {
        List<String[]> rows = new ArrayList<>(claim.lines.size());
        String date = claim.date.toString();
        int lineNumber = 0;
        for (ClaimLine line : claim.lines) {
            lineNumber++;
            String cpt = claim.lowerCaseHcpcs && Character.isLetter(line.cpt.charAt(0))
                    ? line.cpt.toLowerCase(Locale.ROOT)
                    : line.cpt;
            rows.add(new String[] {
                claimId,
                Integer.toString(lineNumber),
                patientId,
                claim.payerText,
                claim.renderingNpi,
                date,
                cpt,
                String.join(";", line.modifiers),
                claim.unitsBlankWhenOne && line.units == 1 ? "" : Integer.toString(line.units),
                diagnoses(line.diagnoses, claim.dxWithoutDot),
                claim.placeOfService,
                claim.billType,
                claim.priorAuth,
                amount(line.billedCents, claim.dollarAmounts),
                line.paidCents == null ? "" : amount(line.paidCents, claim.dollarAmounts)});
        }
        return rows;
    }

    private static String diagnoses(List<String> codes, boolean withoutDot) {
        String joined = String.join(";", codes);
        return withoutDot ? joined.replace(".", "") : joined;
    }

    /** "407.00", or as some billing systems export it, "$29,617.00". */
    static String amount(long cents, boolean dollarStyle) {
        String whole = dollarStyle ? String.format(Locale.ROOT, "%,d", cents / 100) : Long.toString(cents / 100);
        long fraction = cents % 100;
        return (dollarStyle ? "$" : "") + whole + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
