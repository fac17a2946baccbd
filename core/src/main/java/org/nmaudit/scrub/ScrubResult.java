package org.nmaudit.scrub;

import java.time.LocalDate;
import java.util.List;
import org.nmaudit.findings.FindingSet;

/**
 * A scrub's decision: each claim's verdict, in the batch's order, and the scrub findings (the line findings
 * on the batch's claims) in report order.
 */
public record ScrubResult(LocalDate asOf, String asOfSource, List<ClaimVerdict> verdicts, FindingSet findings) {

    public boolean anyHeld() {
        return verdicts.stream().anyMatch(v -> v.verdict() == Verdict.HOLD);
    }

    public long count(Verdict verdict) {
        return verdicts.stream().filter(v -> v.verdict() == verdict).count();
    }
}
