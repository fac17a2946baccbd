package org.nmaudit.scrub;

import java.math.BigDecimal;
import java.util.List;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Severity;

/**
 * A claim of the batch with its verdict and its findings (in findings.csv order): a row of scrub.csv.
 *
 * @param highest the most severe finding's severity, or null without findings
 */
public record ClaimVerdict(BatchClaim claim, Verdict verdict, List<Finding> findings, Severity highest) {

    public String claimId() {
        return claim.claimId();
    }

    public BigDecimal billed() {
        return claim.billed();
    }

    /** The message of its first finding, or null. */
    public String firstMessage() {
        return findings.isEmpty() ? null : findings.get(0).message();
    }
}
