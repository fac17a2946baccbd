package org.nmaudit.scrub;

import java.util.ArrayList;
import java.util.List;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.history.HistoryException;

/**
 * Recording after a scrub (scrubbing.md, "Recording"): the claims that may go out (PASS, REVIEW) and the
 * batch's documentation rows, written in one transaction; HOLD and REJECTED claims never. The same for
 * {@code nmaudit scrub --record} and a request with {@code "record": true}.
 *
 * @param claims the claims recorded
 * @param documentationRows the batch's documentation rows handed to the history (rows identical to stored ones
 *     are not stored twice)
 */
public record Recording(int claims, int documentationRows) {

    /** Records what may be recorded of a scrub's result, all or nothing. */
    public static Recording record(History history, ScrubBatch batch, ScrubResult result, String source)
            throws HistoryException {
        List<ClaimLine> lines = new ArrayList<>();
        int claims = 0;
        for (ClaimVerdict v : result.verdicts()) {
            if (v.verdict() == Verdict.PASS || v.verdict() == Verdict.REVIEW) {
                lines.addAll(v.claim().lines());
                claims++;
            }
        }
        history.record(lines, batch.documentation(), source);
        return new Recording(claims, batch.documentation().size());
    }

    /** Whether anything was written. */
    public boolean wroteAnything() {
        return claims > 0 || documentationRows > 0;
    }
}
