package org.nmaudit.input;

/**
 * A claims.csv row as its cells read, whether it loaded or not: the claim a rejected row belongs to, which
 * a scrub rejects whole (scrubbing.md), and what the claim's lines billed.
 *
 * @param claimId the trimmed claim_id cell, "" when blank (the row then belongs to no claim)
 * @param patientId the trimmed patient_id cell, "" when blank
 * @param billedAmount the trimmed billed_amount cell, "" when blank
 */
public record ClaimRow(String file, long line, String claimId, String patientId, String billedAmount,
        boolean loaded) {

    /** The billed amount when the cell holds a valid amount (data-format.md), else empty. */
    public java.util.Optional<java.math.BigDecimal> billed() {
        if (billedAmount.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(CellFormats.amount(billedAmount));
        } catch (InvalidCell e) {
            return java.util.Optional.empty();
        }
    }
}
