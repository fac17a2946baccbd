package org.nmaudit.report.monthly;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nmaudit.findings.Finding;
import org.nmaudit.report.ChangeStatus;
import org.nmaudit.report.FindingChange;
import org.nmaudit.report.ReportException;
import org.nmaudit.report.ReportFolder;
import org.nmaudit.report.ReportedFinding;
import org.nmaudit.report.ReportedFindings;
import org.nmaudit.report.ReportedRun;
import org.nmaudit.report.RunComparison;
import org.nmaudit.report.RunRecordAsReported;

/**
 * What changed since the previous report (--previous): the previous folder is read as {@code nmaudit diff}
 * reads it ({@link ReportFolder}) and each finding labelled as diff labels it ({@link FindingChange}), by
 * finding_id. This run's findings are streamed, not held: memory is the previous report's findings.
 *
 * <p>One difference from diff, for period audits: a finding of the previous report that is not in this
 * report but is still found by this run, on a line before this period, is counted as outside the period,
 * not as gone. A month's report does not repeat last month's line findings, and they are not resolved.
 */
public final class PreviousReportComparison {
    /** How many new and gone findings the report lists (the largest amounts first). */
    public static final int LISTED = 20;

    private static final Comparator<ReportedFinding> MOST_MONEY_FIRST = Comparator
            .comparing((ReportedFinding f) -> amount(f), Comparator.reverseOrder())
            .thenComparing(ReportedFinding::ruleId)
            .thenComparing(ReportedFinding::claimId)
            .thenComparing(ReportedFinding::lineNumberValue)
            .thenComparing(ReportedFinding::findingId);

    private final Path folder;
    private final ReportedRun previousRun;
    private final int previousFindings;
    private final List<ChangeCounts> byRule;
    private final ChangeCounts totals;
    private final BigDecimal addedAmount;
    private final BigDecimal goneAmount;
    private final List<ReportedFinding> added;
    private final List<ReportedFinding> gone;
    private final List<String> runNotes;

    private PreviousReportComparison(Path folder, ReportedRun previousRun, int previousFindings,
            List<ChangeCounts> byRule, BigDecimal addedAmount, BigDecimal goneAmount, List<ReportedFinding> added,
            List<ReportedFinding> gone, List<String> runNotes) {
        this.folder = folder;
        this.previousRun = previousRun;
        this.previousFindings = previousFindings;
        this.byRule = List.copyOf(byRule);
        this.totals = byRule.stream().reduce(new ChangeCounts("all rules", 0, 0, 0, 0, 0), ChangeCounts::plus);
        this.addedAmount = addedAmount;
        this.goneAmount = goneAmount;
        this.added = List.copyOf(added);
        this.gone = List.copyOf(gone);
        this.runNotes = List.copyOf(runNotes);
    }

    /** Reads the previous report and compares, iterating the findings once and, in a period audit, all line findings once. */
    public static PreviousReportComparison of(Path previous, AuditReportInputs inputs) throws ReportException {
        Builder b = start(previous, inputs);
        inputs.findings().forEach(b::reported);
        if (inputs.period() != null) {
            inputs.allLineFindings().forEach(b::found);
        }
        return b.finish();
    }

    /** Reads the previous report; then give the builder every reported finding and every line finding. */
    public static Builder start(Path previous, AuditReportInputs inputs) throws ReportException {
        ReportFolder folder = ReportFolder.open(previous);
        ReportedRun run = folder.run();
        Map<String, ReportedFinding> open = new HashMap<>();
        for (ReportedFinding f : folder.findings()) {
            open.put(f.findingId(), f);
        }
        return new Builder(previous, run, open, inputs);
    }

    /** The comparison taken finding by finding. */
    public static final class Builder {
        private final Path folder;
        private final ReportedRun run;
        private final Map<String, ReportedFinding> open;
        private final int previousCount;
        private final AuditReportInputs inputs;
        private final Map<String, int[]> counts = new TreeMap<>();
        private final Listed added = new Listed();

        private Builder(Path folder, ReportedRun run, Map<String, ReportedFinding> open, AuditReportInputs inputs) {
            this.folder = folder;
            this.run = run;
            this.open = open;
            this.previousCount = open.size();
            this.inputs = inputs;
        }

        /** A finding of this report: new, updated or unchanged. */
        public void reported(Finding f) {
            ReportedFinding now = ReportedFindings.of(f);
            FindingChange change = FindingChange.of(open.remove(now.findingId()), now);
            counts.computeIfAbsent(f.ruleId(), k -> new int[5])[change.status().ordinal()]++;
            if (change.status() == ChangeStatus.NEW) {
                added.offer(now);
            }
        }

        /**
         * A line finding this run raised, reported or not: a previous finding it matches that this report
         * does not hold is outside the period, not gone. Give reported findings to {@link #reported} too.
         */
        public void found(Finding f) {
            if (inputs.period() != null && !inputs.period().contains(f.serviceDate())
                    && open.remove(f.findingId()) != null) {
                counts.computeIfAbsent(f.ruleId(), k -> new int[5])[OUTSIDE]++;
            }
        }

        /** After every finding: what is left of the previous report is gone. */
        public PreviousReportComparison finish() {
            Listed gone = new Listed();
            for (ReportedFinding f : open.values()) {
                counts.computeIfAbsent(f.ruleId(), k -> new int[5])[ChangeStatus.ABSENT.ordinal()]++;
                gone.offer(f);
            }
            List<ChangeCounts> byRule = new ArrayList<>();
            counts.forEach((rule, c) -> byRule.add(new ChangeCounts(rule, c[ChangeStatus.NEW.ordinal()],
                    c[ChangeStatus.ABSENT.ordinal()], c[ChangeStatus.UPDATED.ordinal()],
                    c[ChangeStatus.UNCHANGED.ordinal()], c[OUTSIDE])));
            List<String> notes = RunComparison.of(run, RunRecordAsReported.of(inputs.run())).notes();
            return new PreviousReportComparison(folder, run, previousCount, byRule, added.lineAmount,
                    gone.lineAmount, added.list(), gone.list(), notes);
        }
    }

    /** Index of the outside-the-period count beside ChangeStatus's four. */
    private static final int OUTSIDE = 4;

    /** The LISTED findings with the most money, and the sum over every line finding offered. */
    private static final class Listed {
        final TreeSet<ReportedFinding> kept = new TreeSet<>(MOST_MONEY_FIRST);
        BigDecimal lineAmount = BigDecimal.ZERO;

        void offer(ReportedFinding f) {
            if (!f.claimId().isEmpty()) {
                lineAmount = lineAmount.add(amount(f));
            }
            kept.add(f);
            if (kept.size() > LISTED) {
                kept.pollLast();
            }
        }

        List<ReportedFinding> list() {
            return new ArrayList<>(kept);
        }
    }

    /** amount_at_risk of a findings.csv row, 0 when blank or not a number. */
    static BigDecimal amount(ReportedFinding f) {
        try {
            return f.amountAtRisk().isBlank() ? BigDecimal.ZERO : new BigDecimal(f.amountAtRisk().trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    public Path folder() {
        return folder;
    }

    public ReportedRun previousRun() {
        return previousRun;
    }

    public int previousFindings() {
        return previousFindings;
    }

    /** Per rule id of either report, sorted by id. */
    public List<ChangeCounts> byRule() {
        return byRule;
    }

    public ChangeCounts totals() {
        return totals;
    }

    /** The sum of amount_at_risk over the new line findings. */
    public BigDecimal addedAmount() {
        return addedAmount;
    }

    /** The sum of amount_at_risk over the line findings no longer found. */
    public BigDecimal goneAmount() {
        return goneAmount;
    }

    /** Up to {@link #LISTED} new findings, most money first. */
    public List<ReportedFinding> added() {
        return added;
    }

    /** Up to {@link #LISTED} findings no longer found, most money first. */
    public List<ReportedFinding> gone() {
        return gone;
    }

    /** How the rules, parameters and reference data of the two runs differ (empty when they are the same). */
    public List<String> runNotes() {
        return runNotes;
    }
}
