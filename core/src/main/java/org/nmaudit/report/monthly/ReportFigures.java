package org.nmaudit.report.monthly;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;
import org.nmaudit.report.ReportException;

/**
 * What report.html and findings.xlsx show beside the findings themselves, worked out from the inputs:
 * tallies per severity, rule and month, the top claim lines, the rejects by reason and, with a previous
 * report, what changed. Everything here is bounded by the number of rules, months, physicians and reject
 * reasons (and {@link #TOP_LINES}), not by the number of findings.
 *
 * @param comparison null without --previous
 * @param comparisonProblem why the previous report could not be compared (null when it could, or without one)
 */
public record ReportFigures(
        AuditReportInputs inputs,
        FindingTally findings,
        List<TopLines.TopLine> topLines,
        List<MonthTally> trend,
        List<RejectGroup> rejects,
        String rulesFolderSha256,
        PreviousReportComparison comparison,
        String comparisonProblem) {

    public static final int TOP_LINES = 20;

    /**
     * Iterates the reported findings twice (tallies and the top lines' first pass; their second pass and
     * the comparison) and every line finding once (the trend, and the comparison in a period audit).
     */
    public static ReportFigures of(AuditReportInputs inputs) {
        FindingTally tally = new FindingTally();
        TopLines top = new TopLines(TOP_LINES);
        for (Finding f : inputs.findings()) {
            tally.add(f);
            top.offer(f);
        }
        PreviousReportComparison.Builder comparison = null;
        String problem = null;
        if (inputs.previousReport() != null) {
            try {
                comparison = PreviousReportComparison.start(inputs.previousReport(), inputs);
            } catch (ReportException e) {
                problem = e.getMessage();
            }
        }
        for (Finding f : inputs.findings()) {
            top.collect(f);
            if (comparison != null) {
                comparison.reported(f);
            }
        }
        MonthlyTrend trend = new MonthlyTrend(YearMonth.from(inputs.reportEnd()), inputs.period());
        for (Finding f : inputs.allLineFindings()) {
            trend.add(f);
            if (comparison != null) {
                comparison.found(f);
            }
        }
        return new ReportFigures(inputs, tally, top.lines(), trend.months(), RejectSummary.of(inputs.rejects()),
                RulesFolderHash.of(inputs.run().ruleFiles()), comparison == null ? null : comparison.finish(),
                problem);
    }

    /** True when NM-RATIO flagged the physician. */
    public boolean flagged(ProviderRatio r) {
        return findings.flaggedPhysicians().contains(r.getNpi());
    }

    public Set<String> flaggedPhysicians() {
        return findings.flaggedPhysicians();
    }

    /** Rejects (problems) over all files; rows rejected are in the run record's file summaries. */
    public long rowsRejected() {
        return inputs.run().inputFiles().stream().mapToLong(f -> f.rowsRejected()).sum();
    }
}
