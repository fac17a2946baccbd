package org.nmaudit.report.monthly;

/**
 * One rule's findings compared with the previous report.
 *
 * @param added in this report, not in the previous one
 * @param gone in the previous report and no longer found by this run
 * @param updated in both, with another severity or message
 * @param unchanged in both, the same
 * @param outsidePeriod in the previous report and still found by this run on a line before this period
 *     (a period audit reports only its own months, so these are not in this report, but not gone either)
 */
public record ChangeCounts(String ruleId, int added, int gone, int updated, int unchanged, int outsidePeriod) {

    ChangeCounts plus(ChangeCounts o) {
        return new ChangeCounts(ruleId, added + o.added, gone + o.gone, updated + o.updated,
                unchanged + o.unchanged, outsidePeriod + o.outsidePeriod);
    }
}
