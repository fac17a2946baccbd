package org.nmaudit.report.html;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;
import org.nmaudit.input.FileSummary;
import org.nmaudit.report.ReportedFinding;
import org.nmaudit.report.RunRecord;
import org.nmaudit.report.html.ReportView.ChangeRow;
import org.nmaudit.report.html.ReportView.ChangedFinding;
import org.nmaudit.report.html.ReportView.Changes;
import org.nmaudit.report.html.ReportView.Chip;
import org.nmaudit.report.html.ReportView.Figure;
import org.nmaudit.report.html.ReportView.FileRow;
import org.nmaudit.report.html.ReportView.Item;
import org.nmaudit.report.html.ReportView.Physicians;
import org.nmaudit.report.html.ReportView.RejectRow;
import org.nmaudit.report.html.ReportView.RuleRow;
import org.nmaudit.report.html.ReportView.TopRow;
import org.nmaudit.report.html.ReportView.Trend;
import org.nmaudit.report.html.svg.BarChart;
import org.nmaudit.report.html.svg.ColumnChart;
import org.nmaudit.report.html.svg.NiceScale;
import org.nmaudit.report.html.svg.Svg;
import org.nmaudit.report.monthly.AuditReportInputs;
import org.nmaudit.report.monthly.ChangeCounts;
import org.nmaudit.report.monthly.MonthTally;
import org.nmaudit.report.monthly.PreviousReportComparison;
import org.nmaudit.report.monthly.RejectGroup;
import org.nmaudit.report.monthly.ReportFigures;
import org.nmaudit.report.monthly.ReportPeriod;
import org.nmaudit.report.monthly.RuleTally;
import org.nmaudit.report.monthly.TopLines.LineFinding;
import org.nmaudit.report.monthly.TopLines.TopLine;

/** Turns the figures of a run into what report.html shows, in words and formatted numbers. */
public final class ReportViewBuilder {
    /** The width of a full-width chart in SVG units; it scales down to the page. */
    static final double CHART_WIDTH = 760;
    static final double HALF_CHART_WIDTH = 460;
    static final double TREND_HEIGHT = 210;
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'",
            java.util.Locale.US).withZone(ZoneOffset.UTC);

    private final ReportFigures figures;
    private final AuditReportInputs inputs;
    private final RunRecord run;

    private ReportViewBuilder(ReportFigures figures) {
        this.figures = figures;
        this.inputs = figures.inputs();
        this.run = inputs.run();
    }

    public static ReportView build(ReportFigures figures) {
        return new ReportViewBuilder(figures).build();
    }

    private ReportView build() {
        return new ReportView(title(), subtitle(), runLine(), runItems(), inputFiles(), keyFigures(), severities(),
                "The sum of amount_at_risk over the line findings (paid amount, else billed; NM-UNDERPAID: what"
                        + " the payer still owes), as findings.csv and the console give it: a line flagged by two"
                        + " rules counts twice. NM-RATIO's amounts, over each flagged physician's trial lines,"
                        + " are in the table of rules only.",
                rulesChart(), ruleRows(), rulesTotal(), physicians(), trend(), topLines(), topLinesNote(),
                changes(), figures.comparisonProblem(), rejectFiles(), rejects(), footer());
    }

    // ---- the run ------------------------------------------------------------------------------------

    private String title() {
        ReportPeriod p = inputs.period();
        return p == null ? "Neuromodulation billing audit as of " + Formats.day(run.asOf())
                : "Neuromodulation billing audit, " + Formats.months(p.first(), p.last());
    }

    private String subtitle() {
        ReportPeriod p = inputs.period();
        if (p == null) {
            return "Every loaded claim line of " + org.nmaudit.report.FolderNames.shown(run.dataFolder()) + ", judged as of " + Formats.day(run.asOf())
                    + ".";
        }
        return "Claim lines with a service date from " + Formats.day(p.start()) + " to " + Formats.day(p.end())
                + ", judged with everything known up to " + Formats.day(run.asOf()) + ".";
    }

    private String runLine() {
        return "Data " + org.nmaudit.report.FolderNames.shown(run.dataFolder()) + " \u00b7 as of " + run.asOf() + " \u00b7 rules " + org.nmaudit.report.FolderNames.shown(run.rulesFolder())
                + " (SHA-256 " + figures.rulesFolderSha256().substring(0, 12) + "\u2026) \u00b7 nmaudit " + run.version();
    }

    private List<Item> runItems() {
        List<Item> items = new ArrayList<>();
        items.add(new Item("Data", org.nmaudit.report.FolderNames.shown(run.dataFolder()), "", true));
        ReportPeriod p = inputs.period();
        items.add(p == null
                ? new Item("Period", "none", "every loaded claim line is reported", false)
                : new Item("Period", p.label(), Formats.day(p.start()) + " \u2013 " + Formats.day(p.end())
                        + "; earlier lines are history: they count in every rule, their findings are not reported",
                        false));
        items.add(new Item("As-of date", run.asOf().toString(), run.asOfSource(), false));
        items.add(new Item("Rules folder", org.nmaudit.report.FolderNames.shown(run.rulesFolder()), "", true));
        items.add(new Item("Rules SHA-256", figures.rulesFolderSha256(), "over the SHA-256 of its "
                + run.ruleFiles().size() + " files (every .drl and parameters.properties): cd "
                + org.nmaudit.report.FolderNames.shown(run.rulesFolder()) + " && sha256sum *.drl parameters.properties | LC_ALL=C sort -k2 | sha256sum",
                true));
        List<String> overrides = run.parameters().stream().filter(v -> v.source().equals("--param"))
                .map(v -> v.name() + " = " + v.value().toPlainString()).toList();
        if (!overrides.isEmpty()) {
            items.add(new Item("Parameters set for this run", String.join(", ", overrides), "--param", false));
        }
        if (run.ruleSelection() != null && !run.ruleSelection().isEverything()) {
            List<String> sel = new ArrayList<>();
            if (!run.ruleSelection().only().isEmpty()) {
                sel.add("only " + String.join(", ", run.ruleSelection().only()));
            }
            if (!run.ruleSelection().disabled().isEmpty()) {
                sel.add("without " + String.join(", ", run.ruleSelection().disabled()));
            }
            items.add(new Item("Rules run", String.join("; ", sel), "--only / --disable", false));
        }
        items.add(new Item("Reference data", run.referenceFolder() == null ? "" : org.nmaudit.report.FolderNames.shown(run.referenceFolder()), "", true));
        items.add(new Item("Tool", "nmaudit " + run.version(), "run finished " + RUN_TIME.format(run.finishedAt()),
                false));
        return items;
    }

    private List<FileRow> inputFiles() {
        List<FileRow> rows = new ArrayList<>();
        for (FileSummary f : run.inputFiles()) {
            rows.add(f.present()
                    ? new FileRow(f.fileName(), Formats.count(f.rowsRead()), Formats.count(f.rowsLoaded()),
                            Formats.count(f.rowsRejected()), f.sha256())
                    : new FileRow(f.fileName(), "absent", "", "", ""));
        }
        return rows;
    }

    // ---- key figures --------------------------------------------------------------------------------

    private List<Figure> keyFigures() {
        List<Figure> out = new ArrayList<>();
        out.add(new Figure("lines-audited", "Claim lines audited", Formats.count(inputs.linesAudited()),
                inputs.period() == null ? "every loaded claim line" : "with a service date in the period"));
        out.add(new Figure("findings", "Findings", Formats.count(figures.findings().total()),
                Formats.count(figures.findings().lineFindings()) + " on claim lines, "
                        + Formats.count(figures.findings().providerFindings()) + " on physicians"));
        out.add(new Figure("amount-at-risk", "Amount at risk on flagged lines",
                Formats.money(figures.findings().lineAmountAtRisk()), "see the note under the rules"));
        long read = run.inputFiles().stream().mapToLong(FileSummary::rowsRead).sum();
        out.add(new Figure("rows-rejected", "Input rows rejected", Formats.count(figures.rowsRejected()),
                "of " + Formats.count(read) + " rows read; not audited"));
        PreviousReportComparison c = figures.comparison();
        if (c != null) {
            out.add(new Figure("changes-since", "New since the previous report",
                    Formats.count(c.totals().added()), Formats.count(c.totals().gone()) + " no longer found"));
        }
        return out;
    }

    private List<Chip> severities() {
        List<Chip> chips = new ArrayList<>();
        figures.findings().bySeverity().forEach((s, n) -> chips.add(new Chip(s.name(), Formats.count(n),
                "sev sev-" + s.name())));
        return chips;
    }

    // ---- findings by rule ---------------------------------------------------------------------------

    /** Most findings first, then by severity and id. */
    private List<RuleTally> rulesByCount() {
        List<RuleTally> rules = new ArrayList<>(figures.findings().rules());
        rules.sort(Comparator.comparing(RuleTally::count, Comparator.reverseOrder())
                .thenComparing(RuleTally::topSeverity).thenComparing(RuleTally::ruleId));
        return rules;
    }

    private Svg rulesChart() {
        List<BarChart.Row> rows = new ArrayList<>();
        int max = 0;
        for (RuleTally r : rulesByCount()) {
            max = Math.max(max, r.count());
            rows.add(new BarChart.Row(r.ruleId(), r.count(), Formats.count(r.count()),
                    Formats.wholeMoney(r.amountAtRisk().doubleValue()), "bar sev-" + r.topSeverity().name(),
                    "trailing", r.ruleId() + ": " + Formats.count(r.count()) + " findings, "
                            + Formats.money(r.amountAtRisk()) + " at risk"));
        }
        NiceScale scale = NiceScale.of(max, 5, true);
        return new BarChart("Findings per rule", rows, scale, v -> Formats.count(Math.round(v)), CHART_WIDTH)
                .trailingHeader("amount at risk").layout();
    }

    private List<RuleRow> ruleRows() {
        List<RuleRow> rows = new ArrayList<>();
        for (RuleTally r : rulesByCount()) {
            String severity = r.bySeverity().entrySet().stream()
                    .map(e -> r.bySeverity().size() == 1 ? e.getKey().name() : e.getKey().name() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            rows.add(new RuleRow(r.ruleId() + (r.scope() == Scope.PROVIDER ? " (physicians)" : ""), severity,
                    "sev sev-" + r.topSeverity().name(), Formats.count(r.count()), Formats.money(r.amountAtRisk()),
                    r.citation() == null ? "" : r.citation()));
        }
        return rows;
    }

    private RuleRow rulesTotal() {
        BigDecimal sum = figures.findings().rules().stream().map(RuleTally::amountAtRisk)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RuleRow("All rules", "", "", Formats.count(figures.findings().total()), Formats.money(sum), "");
    }

    // ---- physicians ---------------------------------------------------------------------------------

    private Physicians physicians() {
        if (inputs.ratios().isEmpty()) {
            return null;
        }
        BigDecimal threshold = inputs.ratioThreshold();
        List<ProviderRatio> ratios = new ArrayList<>(inputs.ratios());
        ratios.sort(Comparator.comparing((ProviderRatio r) -> r.getRatio() == null ? 2.0 : r.getRatio())
                .thenComparing(ProviderRatio::getNpi));
        List<BarChart.Row> rows = new ArrayList<>();
        int flagged = 0;
        for (ProviderRatio r : ratios) {
            boolean isFlagged = figures.flagged(r);
            flagged += isFlagged ? 1 : 0;
            String counts = r.getConverted() + " / " + r.getFailed() + " / " + r.getPending();
            Double ratio = r.getRatio();
            String valueText = ratio == null ? "no decided trial" : Formats.percent(ratio);
            rows.add(new BarChart.Row(r.getNpi(), ratio == null ? 0 : ratio, valueText,
                    isFlagged ? counts + "  FLAGGED" : counts, isFlagged ? "bar flagged" : "bar physician",
                    isFlagged ? "trailing flagged" : "trailing",
                    r.getNpi() + ": " + valueText + " converted of decided trials; " + r.getConverted()
                            + " converted, " + r.getFailed() + " failed, " + r.getPending() + " pending"
                            + (isFlagged ? "; flagged by NM-RATIO" : "")));
        }
        NiceScale scale = NiceScale.fixed(1, 0.25);
        BarChart chart = new BarChart("Conversion ratio per physician", rows, scale, Formats::percent, CHART_WIDTH)
                .trailingHeader("converted / failed / pending");
        String thresholdText = threshold == null ? "" : Formats.percent(threshold.doubleValue());
        if (threshold != null) {
            chart.threshold(new BarChart.Threshold(threshold.doubleValue(), "threshold " + thresholdText));
        }
        BigDecimal minDecided = inputs.ratioMinDecided();
        String note = "Conversion ratio = converted / (converted + failed) trial episodes; pending trials (younger"
                + " than the conversion window on the as-of date) are not counted."
                + (threshold == null ? "" : " NM-RATIO flags a physician below " + thresholdText
                        + " (ratio_threshold)" + (minDecided == null ? "" : " with at least "
                                + minDecided.toPlainString() + " decided trials (ratio_min_decided_trials)") + ".");
        return new Physicians(chart.layout(), note, Formats.count(flagged) + " of "
                + Formats.counted(ratios.size(), "physician") + " flagged");
    }

    // ---- trend --------------------------------------------------------------------------------------

    private Trend trend() {
        List<ColumnChart.Column> counts = new ArrayList<>();
        List<ColumnChart.Column> amounts = new ArrayList<>();
        int maxCount = 0;
        double maxAmount = 0;
        for (int i = 0; i < figures.trend().size(); i++) {
            MonthTally m = figures.trend().get(i);
            maxCount = Math.max(maxCount, m.findings());
            maxAmount = Math.max(maxAmount, m.amountAtRisk().doubleValue());
            String css = m.reported() ? "bar reported" : "bar history";
            String year = i == 0 || m.month().getMonthValue() == 1 ? Integer.toString(m.month().getYear()) : "";
            String label = Formats.shortMonth(m.month());
            String title = Formats.monthYear(m.month()) + ": " + Formats.count(m.findings()) + " line findings, "
                    + Formats.money(m.amountAtRisk()) + " at risk" + (m.reported() ? "" : " (history)");
            counts.add(new ColumnChart.Column(label, year, m.findings(), Formats.count(m.findings()), css, title));
            amounts.add(new ColumnChart.Column(label, year, m.amountAtRisk().doubleValue(),
                    Formats.compactMoney(m.amountAtRisk().doubleValue()), css, title));
        }
        Svg countChart = new ColumnChart("Line findings per month", counts, NiceScale.of(maxCount, 4, true),
                v -> Formats.count(Math.round(v)), HALF_CHART_WIDTH, TREND_HEIGHT).layout();
        Svg amountChart = new ColumnChart("Amount at risk per month", amounts, NiceScale.of(maxAmount, 4, false),
                Formats::compactMoney, HALF_CHART_WIDTH, TREND_HEIGHT).layout();
        YearMonth first = figures.trend().get(0).month();
        YearMonth last = figures.trend().get(figures.trend().size() - 1).month();
        String note = "Line findings by the month of the flagged line's service date, "
                + Formats.months(first, last) + ", from every line finding of this run";
        note += inputs.period() == null ? "." : ": the dark columns are this report's months; the light ones"
                + " are earlier months, judged again with today's data and reported in their own month's report.";
        return new Trend(countChart, amountChart, note);
    }

    // ---- top lines ----------------------------------------------------------------------------------

    private List<TopRow> topLines() {
        List<TopRow> rows = new ArrayList<>();
        int rank = 0;
        for (TopLine t : figures.topLines()) {
            rank++;
            LineFinding lead = t.lead();
            String others = t.others().stream().map(o -> o.ruleId() + " (" + o.severity().name()
                    + (o.amountAtRisk() == null ? "" : ", " + Formats.money(o.amountAtRisk())) + ")")
                    .collect(Collectors.joining(", "));
            rows.add(new TopRow(Integer.toString(rank), t.claimId(), String.valueOf(t.lineNumber()),
                    t.serviceDate() == null ? "" : t.serviceDate().toString(), nullToBlank(t.patientId()),
                    nullToBlank(t.renderingNpi()), Formats.money(t.amountAtRisk()), lead.ruleId(),
                    lead.severity().name(), "sev sev-" + lead.severity().name(), lead.message(),
                    others.isEmpty() ? "" : "Also flagged by " + others + "."));
        }
        return rows;
    }

    private String topLinesNote() {
        return "Each claim line once, ranked by the largest amount at risk among its findings (a paid amount is"
                + " recouped once however many rules flag the line); the finding with that amount is shown, the"
                + " line's other findings after it. findings.csv and findings.xlsx list every finding.";
    }

    // ---- changes since the previous report ----------------------------------------------------------

    private Changes changes() {
        PreviousReportComparison c = figures.comparison();
        if (c == null) {
            return null;
        }
        boolean outside = inputs.period() != null;
        List<ChangeRow> rows = new ArrayList<>();
        for (ChangeCounts r : c.byRule()) {
            rows.add(changeRow(r));
        }
        String prevAsOf = c.previousRun().asOf() == null ? "" : ", as of " + c.previousRun().asOf();
        String summary = "Compared with the report in " + c.folder() + prevAsOf + " ("
                + Formats.counted(c.previousFindings(), "finding") + "): " + Formats.count(c.totals().added())
                + " new (" + Formats.money(c.addedAmount()) + " at risk on lines), " + Formats.count(c.totals().gone())
                + " no longer found (" + Formats.money(c.goneAmount()) + "), " + Formats.count(c.totals().updated())
                + " with another severity or message, " + Formats.count(c.totals().unchanged()) + " unchanged"
                + (outside ? ", " + Formats.count(c.totals().outsidePeriod())
                        + " still found on lines before this period (reported in their own month)" : "")
                + ". Findings are matched by finding_id, as nmaudit diff matches them.";
        return new Changes(summary, c.runNotes(), rows, changeRow(c.totals()), outside, changed(c.added()),
                changed(c.gone()));
    }

    private static ChangeRow changeRow(ChangeCounts r) {
        return new ChangeRow(r.ruleId(), Formats.count(r.added()), Formats.count(r.gone()), Formats.count(r.updated()),
                Formats.count(r.unchanged()), Formats.count(r.outsidePeriod()));
    }

    private static List<ChangedFinding> changed(List<ReportedFinding> findings) {
        List<ChangedFinding> out = new ArrayList<>();
        for (ReportedFinding f : findings) {
            Severity s = Severity.parse(f.severity());
            String css = s == null ? "sev" : "sev sev-" + s.name();
            String amount = f.amountAtRisk().isBlank() ? "" : Formats.money(new BigDecimal(f.amountAtRisk().trim()));
            out.add(new ChangedFinding(f.ruleId(), f.severity(), css, f.subject(), f.serviceDate(), amount,
                    f.message()));
        }
        return out;
    }

    // ---- rejects ------------------------------------------------------------------------------------

    private List<String> rejectFiles() {
        List<String> out = new ArrayList<>();
        for (FileSummary f : run.inputFiles()) {
            if (f.present() && f.rowsRejected() > 0) {
                out.add(f.fileName() + ": " + Formats.count(f.rowsRejected()) + " of " + Formats.count(f.rowsRead())
                        + " rows rejected");
            }
        }
        return out;
    }

    private List<RejectRow> rejects() {
        List<RejectRow> rows = new ArrayList<>();
        for (RejectGroup g : figures.rejects()) {
            String lines = g.lines().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (g.count() > g.lines().size() ? ", \u2026" : "");
            rows.add(new RejectRow(g.file(), g.column(), g.reason(), Formats.count(g.count()), lines,
                    String.join(", ", g.values())));
        }
        return rows;
    }

    private String footer() {
        return "Written by nmaudit " + run.version() + " on " + RUN_TIME.format(run.finishedAt())
                + ". The same folder holds every finding (findings.csv, findings.xlsx), the evidence of each"
                + " (findings.json; nmaudit explain ID), the physicians' tallies (provider-ratios.csv), every"
                + " rejected row (rejects.csv) and the run record (run.json).";
    }

    private static String nullToBlank(String s) {
        return s == null ? "" : s;
    }
}
