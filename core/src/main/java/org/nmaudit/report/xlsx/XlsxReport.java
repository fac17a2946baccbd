package org.nmaudit.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Severity;
import org.nmaudit.input.FileSummary;
import org.nmaudit.input.Reject;
import org.nmaudit.report.RunRecord;
import org.nmaudit.report.monthly.AuditReportInputs;
import org.nmaudit.report.monthly.PreviousReportComparison;
import org.nmaudit.report.monthly.RejectSummary;
import org.nmaudit.report.monthly.ReportFigures;
import org.nmaudit.report.monthly.ReportPeriod;
import org.nmaudit.report.monthly.RuleTally;
import org.nmaudit.report.xlsx.TableSheet.Column;

/**
 * findings.xlsx: the report's tables for a spreadsheet, with typed cells (amounts as dollar numbers,
 * dates as dates, counts as numbers) so they sort, filter and sum. Sheets: Summary (the run and its
 * figures), Findings (findings.csv's rows), Providers (provider-ratios.csv), Rejects (rejects.csv with
 * each reason's pattern). Written with POI's streaming SXSSF workbook: a window of rows in memory, the
 * rest in a temporary file (compressed for a large report), so a million findings take no more heap than a
 * hundred; the rows' XML is written by {@link SheetXml}.
 */
public final class XlsxReport {
    public static final String FILE_NAME = "findings.xlsx";
    public static final List<String> SHEETS = List.of("Summary", "Findings", "Providers", "Rejects");
    /** Rows SXSSF keeps in memory per sheet before flushing them to its temporary file. */
    static final int ROW_WINDOW = 200;
    /**
     * Up to this many findings and rejected rows, the rows SXSSF flushes go to its temporary file as they are;
     * above it, gzipped (a row takes about 1 KB as XML). Gzipping them costs a deflate and an inflate on top
     * of the workbook's own deflate: on the 1M-line audit (22,317 findings, a plain file of about 23 MB) zlib
     * took about 0.18 s of CPU instead of 0.39 s (perf, one run each).
     */
    static final long PLAIN_TEMPORARY_ROWS = 100_000;

    static final List<Column> SUMMARY = List.of(new Column("item", 44), new Column("value", 66),
            new Column("amount_at_risk", 18));
    static final List<Column> FINDINGS = List.of(new Column("finding_id", 18), new Column("rule_id", 20),
            new Column("severity", 10), new Column("scope", 10), new Column("claim_id", 14),
            new Column("line_number", 12), new Column("patient_id", 12), new Column("rendering_npi", 14),
            new Column("service_date", 12), new Column("amount_at_risk", 16), new Column("message", 100),
            new Column("citation", 60));
    static final List<Column> PROVIDERS = List.of(new Column("rendering_npi", 14), new Column("trials", 8),
            new Column("converted", 10), new Column("failed", 8), new Column("pending", 9), new Column("ratio", 8),
            new Column("flagged", 9), new Column("trial_lines_amount", 20));
    static final List<Column> REJECTS = List.of(new Column("file", 30), new Column("line", 9),
            new Column("column", 20), new Column("value", 24), new Column("reason", 90),
            new Column("reason_pattern", 70));

    private XlsxReport() {
    }

    public static void write(AuditReportInputs inputs, Path file) throws IOException {
        write(ReportFigures.of(inputs), file);
    }

    /** Iterates the findings and the rejects once more; the figures give the Summary. */
    public static void write(ReportFigures figures, Path file) throws IOException {
        write(figures, file, null);
    }

    /**
     * As {@link #write(ReportFigures, Path)}, with POI's temporary files (the rows it flushed, the workbook's
     * template) in {@code temporaryFolder}, made if need be, instead of java.io.tmpdir: an audit keeps every
     * temporary file in its own scratch folder (under the output folder's parent or --tmp), which it removes
     * also after a failure. Null: java.io.tmpdir.
     */
    public static void write(ReportFigures figures, Path file, Path temporaryFolder) throws IOException {
        boolean compress = tableRows(figures) > PLAIN_TEMPORARY_ROWS;
        if (temporaryFolder == null) {
            write(figures, file, compress);
            return;
        }
        // POI asks its TempFile for every temporary file; a strategy set for this thread only leaves other
        // threads' workbooks (a test, the server) as they were
        TempFile.setThreadLocalTempFileCreationStrategy(new DefaultTempFileCreationStrategy(temporaryFolder.toFile()));
        try {
            write(figures, file, compress);
        } finally {
            TempFile.setThreadLocalTempFileCreationStrategy(null);
        }
    }

    static void write(ReportFigures figures, Path file, boolean compressTemporaryFile) throws IOException {
        try (SXSSFWorkbook wb = new SheetXml.Workbook(ROW_WINDOW, compressTemporaryFile)) {
            XlsxStyles styles = new XlsxStyles(wb);
            summary(new TableSheet(wb, styles, SHEETS.get(0), SUMMARY), figures);
            findings(new TableSheet(wb, styles, SHEETS.get(1), FINDINGS), figures.inputs().findings());
            providers(new TableSheet(wb, styles, SHEETS.get(2), PROVIDERS), figures);
            rejects(new TableSheet(wb, styles, SHEETS.get(3), REJECTS), figures.inputs().rejects());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** The Findings and Rejects sheets' rows, about (a rejected row has a reject per problem). */
    private static long tableRows(ReportFigures figures) {
        return figures.findings().total() + figures.rowsRejected();
    }

    static void summary(TableSheet t, ReportFigures figures) {
        AuditReportInputs inputs = figures.inputs();
        RunRecord run = inputs.run();
        t.row().text("Data").text(run.dataFolder());
        ReportPeriod p = inputs.period();
        t.row().text("Period").text(p == null ? "none (every loaded claim line)" : p.label());
        if (p != null) {
            t.row().text("Period start").date(p.start());
            t.row().text("Period end").date(p.end());
        }
        t.row().text("As-of date").date(run.asOf());
        t.row().text("Rules folder").text(run.rulesFolder());
        t.row().text("Rules SHA-256 (over its files' SHA-256, as report.html says)").text(figures.rulesFolderSha256());
        t.row().text("nmaudit version").text(run.version());
        t.row().text("Run finished (UTC)").dateTime(LocalDateTime.ofInstant(run.finishedAt(), ZoneOffset.UTC));
        t.row().text("Claim lines audited").count(inputs.linesAudited());
        long read = run.inputFiles().stream().mapToLong(FileSummary::rowsRead).sum();
        t.row().text("Input rows read").count(read);
        t.row().text("Input rows rejected").count(figures.rowsRejected());
        t.row().text("Findings").count(figures.findings().total()).money(figures.findings().lineAmountAtRisk());
        for (Map.Entry<Severity, Integer> s : figures.findings().bySeverity().entrySet()) {
            t.row().text("Findings " + s.getKey().name()).count(s.getValue());
        }
        for (RuleTally r : figures.findings().rules()) {
            t.row().text("Findings " + r.ruleId()).count(r.count()).money(r.amountAtRisk());
        }
        t.row().text("Physicians rated").count(inputs.ratios().size());
        t.row().text("Physicians flagged (NM-RATIO)").count(figures.flaggedPhysicians().size());
        BigDecimal threshold = inputs.ratioThreshold();
        if (threshold != null) {
            t.row().text("ratio_threshold").percent(threshold.doubleValue());
        }
        PreviousReportComparison c = figures.comparison();
        if (c != null) {
            t.row().text("Previous report").text(c.folder().toString());
            t.row().text("New since the previous report").count(c.totals().added()).money(c.addedAmount());
            t.row().text("No longer found since the previous report").count(c.totals().gone()).money(c.goneAmount());
        } else if (figures.comparisonProblem() != null) {
            t.row().text("Previous report").text("not compared: " + figures.comparisonProblem());
        }
        t.finish();
    }

    static void findings(TableSheet t, Iterable<Finding> findings) {
        for (Finding f : findings) {
            t.row().text(f.findingId()).text(f.ruleId()).text(f.severity().name()).text(f.scope().name())
                    .text(f.claimId()).whole(f.lineNumber()).text(f.patientId()).text(f.renderingNpi())
                    .date(f.serviceDate()).money(f.amountAtRisk()).text(f.message()).text(f.citation());
        }
        t.finish();
    }

    static void providers(TableSheet t, ReportFigures figures) {
        for (ProviderRatio r : figures.inputs().ratios()) {
            t.row().text(r.getNpi()).count(r.getTrials()).count(r.getConverted()).count(r.getFailed())
                    .count(r.getPending()).percent(r.getRatio()).bool(figures.flagged(r)).money(r.getAmountAtRisk());
        }
        t.finish();
    }

    static void rejects(TableSheet t, Iterable<Reject> rejects) {
        for (Reject r : rejects) {
            t.row().text(r.file()).whole(r.line()).text(r.column()).text(r.value()).text(r.reason())
                    .text(RejectSummary.pattern(r));
        }
        t.finish();
    }
}
