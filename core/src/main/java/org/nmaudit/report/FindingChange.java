package org.nmaudit.report;

/**
 * One finding of two reports and what became of it.
 *
 * @param before the old report's row, null when {@code NEW}
 * @param after the new report's row, null when {@code ABSENT}
 */
public record FindingChange(ChangeStatus status, ReportedFinding before, ReportedFinding after) {

    /** Compares the two rows of one finding id (either may be null, not both). */
    public static FindingChange of(ReportedFinding before, ReportedFinding after) {
        if (before == null) {
            return new FindingChange(ChangeStatus.NEW, null, after);
        }
        if (after == null) {
            return new FindingChange(ChangeStatus.ABSENT, before, null);
        }
        boolean same = before.severity().equals(after.severity()) && before.message().equals(after.message());
        return new FindingChange(same ? ChangeStatus.UNCHANGED : ChangeStatus.UPDATED, before, after);
    }

    /** The row that describes the subject: the new one, or the old one of an absent finding. */
    public ReportedFinding latest() {
        return after != null ? after : before;
    }

    public String findingId() {
        return latest().findingId();
    }

    public String ruleId() {
        return latest().ruleId();
    }
}
