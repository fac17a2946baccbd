package org.nmaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Findings;
import org.nmaudit.findings.FindingsInPeriod;
import org.nmaudit.findings.Scope;
import org.nmaudit.input.Reject;
import org.nmaudit.report.html.HtmlReport;
import org.nmaudit.report.monthly.AuditReportInputs;
import org.nmaudit.report.monthly.ReportFigures;
import org.nmaudit.report.monthly.ReportPeriod;
import org.nmaudit.report.xlsx.XlsxReport;

/**
 * Writes the output folder of findings-format.md, as a whole: every file goes into a staging folder that
 * replaces the previous report only once it is complete ({@link AtomicReportFolder}). Each CSV text cell
 * goes through {@link SpreadsheetSafeCsv#text}; numbers nmaudit computes are written plain.
 */
public final class ReportWriter {
    public static final String FINDINGS_CSV = "findings.csv";
    public static final String FINDINGS_JSON = "findings.json";
    public static final String PROVIDER_RATIOS_CSV = "provider-ratios.csv";
    public static final String REJECTS_CSV = "rejects.csv";
    public static final String RUN_JSON = "run.json";
    /** A scrub's verdicts, one row per claim (scrubbing.md). */
    public static final String SCRUB_CSV = "scrub.csv";

    /** A CSV file a command adds to its report, written into the report's staging like the others. */
    @FunctionalInterface
    public interface CsvRows {
        /** Prints the rows (the header is printed already); text cells through {@link SpreadsheetSafeCsv#text}. */
        void print(CSVPrinter out) throws IOException;
    }
    /**
     * Every file name a report folder can hold: a run replaces or removes these, and keeps every other
     * entry of the folder (the user's). A new output file (an HTML or xlsx report, scrub's files) adds its
     * name here and is written through {@link #writer}, inside the staging of writeAll.
     */
    public static final List<String> REPORT_FILES = List.of(FINDINGS_CSV, FINDINGS_JSON, PROVIDER_RATIOS_CSV,
            REJECTS_CSV, RUN_JSON, DiffCsv.FILE_NAME, HtmlReport.FILE_NAME, XlsxReport.FILE_NAME, SCRUB_CSV);
    /** The provider rule whose findings provider-ratios.csv marks as flagged. */
    public static final String RATIO_RULE_ID = "NM-RATIO";

    static final String[] FINDING_COLUMNS = {"finding_id", "rule_id", "severity", "scope", "claim_id", "line_number",
        "patient_id", "rendering_npi", "service_date", "amount_at_risk", "message", "citation"};
    private static final CSVFormat CSV = SpreadsheetSafeCsv.FORMAT;

    /** Shared: thread-safe once configured, and building one per run cost more than a small report. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private final Path folder;
    /** The report being written, while writeAll or writeRejectsOnly runs. */
    private AtomicReportFolder staged;
    private Path previousReport;
    private Path temporaryFolder;

    public ReportWriter(Path folder) {
        this.folder = folder;
    }

    /**
     * Where findings.xlsx's temporary files go (the audit's scratch folder) instead of java.io.tmpdir; a
     * folder in it is made for them.
     */
    public ReportWriter withTemporaryFolder(Path folder) {
        this.temporaryFolder = folder;
        return this;
    }

    /** Last month's report folder: report.html then shows what is new and what is gone since (--previous). */
    public ReportWriter withPrevious(Path previous) {
        this.previousReport = previous;
        return this;
    }

    /**
     * Every file of a completed run, put in place together. A diff.csv that nmaudit diff left in the folder
     * compared the earlier run's findings, so the new report has none.
     */
    public void writeAll(RunRecord run, Findings findings, List<ProviderRatio> ratios, Iterable<Reject> rejects)
            throws IOException {
        // worked out before this run's report replaces an earlier one: --previous may name this very folder
        ReportFigures figures = ReportFigures.of(reportInputs(run, findings, ratios, rejects));
        try (AtomicReportFolder report = AtomicReportFolder.begin(folder, REPORT_FILES)) {
            staged = report;
            // The workbook (Apache POI: seconds of class loading and zipping) is written beside the other files,
            // on a second core; the findings are read by both, each through its own pass.
            BackgroundWrite workbook = BackgroundWrite.start("nmaudit-write-xlsx",
                    () -> XlsxReport.write(figures, report.folder().resolve(XlsxReport.FILE_NAME),
                            temporaryFolder == null ? null : temporaryFolder.resolve("xlsx")));
            try {
                writeFindingsCsv(findings);
                writeFindingsJson(run, findings);
                writeProviderRatios(ratios, findings);
                writeRejects(rejects);
                writeRunJson(run);
                HtmlReport.write(figures, report.folder().resolve(HtmlReport.FILE_NAME));
            } finally {
                workbook.await(); // never leave it writing into a staging folder that is being removed
            }
            report.commit();
        } finally {
            staged = null;
        }
    }

    /**
     * A scrub's report (scrubbing.md, "Outputs"): scrub.csv with the verdicts, and findings.csv,
     * findings.json, rejects.csv and run.json holding the scrub findings only; no provider ratios (a scrub
     * has no provider findings), no monthly report.
     */
    public void writeScrub(RunRecord run, Findings findings, Iterable<Reject> rejects, String[] scrubHeader,
            CsvRows scrubRows) throws IOException {
        try (AtomicReportFolder report = AtomicReportFolder.begin(folder, REPORT_FILES)) {
            staged = report;
            try (CSVPrinter out = printer(SCRUB_CSV, scrubHeader)) {
                scrubRows.print(out);
            }
            writeFindingsCsv(findings);
            writeFindingsJson(run, findings);
            writeRejects(rejects);
            writeRunJson(run);
            report.commit();
        } finally {
            staged = null;
        }
    }

    private AuditReportInputs reportInputs(RunRecord run, Findings findings, List<ProviderRatio> ratios,
            Iterable<Reject> rejects) {
        AuditReportInputs inputs = AuditReportInputs.of(run, findings, ratios, rejects).withPrevious(previousReport)
                .withLinesAudited(run.claimLinesAudited());
        if (run.period() != null && findings instanceof FindingsInPeriod reported) {
            inputs = inputs.withPeriod(new ReportPeriod(YearMonth.from(run.period().start()),
                    YearMonth.from(run.period().end())))
                    .withAllLineFindings(AuditReportInputs.lineFindingsOf(reported.all()));
        }
        return inputs;
    }

    /**
     * Only rejects.csv: what --strict leaves when rows were rejected. The report files of an earlier run in
     * the folder go (the new folder holds rejects.csv and the user's files), so nobody reads them as this
     * run's results.
     */
    public void writeRejectsOnly(Iterable<Reject> rejects) throws IOException {
        try (AtomicReportFolder report = AtomicReportFolder.begin(folder, REPORT_FILES)) {
            staged = report;
            writeRejects(rejects);
            report.commit();
        } finally {
            staged = null;
        }
    }

    private void writeFindingsCsv(Findings findings) throws IOException {
        try (CSVPrinter out = printer(FINDINGS_CSV, FINDING_COLUMNS)) {
            for (Finding f : findings) {
                out.printRecord(text(f.findingId()), text(f.ruleId()), f.severity().name(), f.scope().name(),
                        text(f.claimId()), f.lineNumber() == null ? "" : f.lineNumber().toString(),
                        text(f.patientId()), text(f.renderingNpi()),
                        f.serviceDate() == null ? "" : text(f.serviceDate().toString()), Amounts.text(f.amountAtRisk()),
                        text(f.message()), text(f.citation()));
            }
        }
    }

    private void writeFindingsJson(RunRecord run, Findings findings) throws IOException {
        try (Writer w = writer(FINDINGS_JSON); JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeFieldName("run");
            JSON.writeValue(g, RunJson.of(run));
            g.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                FindingJson.write(g, f, JSON);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void writeProviderRatios(List<ProviderRatio> ratios, Findings findings) throws IOException {
        Set<String> flagged = new HashSet<>();
        if (findings.countByRule().containsKey(RATIO_RULE_ID)) {
            for (Finding f : findings) {
                if (f.scope() == Scope.PROVIDER && RATIO_RULE_ID.equals(f.ruleId())) {
                    flagged.add(f.renderingNpi());
                }
            }
        }
        try (CSVPrinter out = printer(PROVIDER_RATIOS_CSV,
                "rendering_npi", "trials", "converted", "failed", "pending", "ratio", "flagged")) {
            for (ProviderRatio r : ratios) {
                out.printRecord(text(r.getNpi()), r.getTrials(), r.getConverted(), r.getFailed(), r.getPending(),
                        ratioText(r), flagged.contains(r.getNpi()) ? "true" : "false");
            }
        }
    }

    /** Four decimals, blank when no trial is decided. */
    static String ratioText(ProviderRatio r) {
        return r.getDecided() == 0 ? "" : r.ratio(4).toPlainString();
    }

    private void writeRejects(Iterable<Reject> rejects) throws IOException {
        try (CSVPrinter out = printer(REJECTS_CSV, "file", "line", "column", "value", "reason")) {
            for (Reject r : rejects) {
                out.printRecord(text(r.file()), r.line(), text(r.column()), text(r.value()), text(r.reason()));
            }
        }
    }

    private void writeRunJson(RunRecord run) throws IOException {
        try (Writer w = writer(RUN_JSON)) {
            JSON.writeValue(w, RunJson.of(run));
        }
    }

    /**
     * run.json alone, replaced whole (a temporary file renamed over it): the Spark job writes its other
     * outputs as Parquet data sets beside it.
     */
    public void writeRun(RunRecord run) throws IOException {
        Files.createDirectories(folder);
        AtomicFile.write(folder.resolve(RUN_JSON), w -> JSON.writeValue(w, RunJson.of(run)));
    }

    private CSVPrinter printer(String file, String... header) throws IOException {
        return new CSVPrinter(writer(file), CSV.builder().setHeader(header).get());
    }

    /** A file of the report being written (in its staging folder); complete once closed. */
    private Writer writer(String file) throws IOException {
        if (staged == null) {
            throw new IllegalStateException(file + " is written outside writeAll/writeRejectsOnly");
        }
        return new BufferedWriter(staged.newWriter(file), 1 << 16);
    }

    /** A text cell: blank for null, formula-safe (SpreadsheetSafeCsv). */
    private static String text(String s) {
        return SpreadsheetSafeCsv.text(s);
    }
}
