package org.nmaudit.audit;

import java.time.LocalDate;
import org.nmaudit.facts.ClaimLine;

/**
 * Loaded claim lines dated after the day of the run. Valid rows, but suspicious: a typo such as 2095 moves
 * the default as-of date and turns every pending trial into a failed one (data-format.md), so the run
 * warns, naming how many and the first.
 */
public final class FutureServiceDates {
    private final LocalDate runDate;
    private final int runDay;
    private long count;
    private ClaimLine first;

    public FutureServiceDates(LocalDate runDate) {
        this.runDate = runDate;
        this.runDay = (int) runDate.toEpochDay();
    }

    public void check(ClaimLine line) {
        if (line.getServiceDay() > runDay) {
            count++;
            if (first == null) {
                first = line;
            }
        }
    }

    public long count() {
        return count;
    }

    /** The warning, or null when no line is dated after the run. */
    public String warning() {
        if (count == 0) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%,d claim line%s dated after today (%s), the first on claims.csv"
                + " line %d: claim %s line %d, service_date %s; check for a mistyped year. Without --as-of the"
                + " as-of date is the latest service_date, so such a date makes pending trials look failed",
                count, count == 1 ? " is" : "s are", runDate, first.getSourceLine(), first.getClaimId(),
                first.getLineNumber(), first.getServiceDate());
    }
}
