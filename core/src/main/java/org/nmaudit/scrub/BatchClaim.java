package org.nmaudit.scrub;

import java.math.BigDecimal;
import java.util.List;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.input.Reject;

/**
 * One claim of a scrub batch: its loaded lines, or the rejects that make it REJECTED.
 *
 * @param patientId the patient_id cell of the claim's first row in the batch
 * @param billed the sum of its lines' billed amounts that parse, or null when none does
 * @param rejected a row of the claim was rejected: the claim is REJECTED, none of its lines evaluated
 * @param rejects the rejects of its rows, as far as they name the row's position (an X12 reject may name the
 *     segment of the cell at fault instead)
 */
public record BatchClaim(String claimId, String patientId, List<ClaimLine> lines, BigDecimal billed,
        boolean rejected, List<Reject> rejects) {
}
