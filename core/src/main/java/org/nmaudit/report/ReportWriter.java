package org.nmaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Findings;
import org.nmaudit.findings.Scope;
import org.nmaudit.input.Reject;

/** Writes the output folder of findings-format.md. */
public final class ReportWriter {
    public static final String FINDINGS_CSV = "findings.csv";
    public static final String FINDINGS_JSON = "findings.json";
    public static final String PROVIDER_RATIOS_CSV = "provider-ratios.csv";
    public static final String REJECTS_CSV = "rejects.csv";
    public static final String RUN_JSON = "run.json";
    /** The provider rule whose findings provider-ratios.csv marks as flagged. */
    public static final String RATIO_RULE_ID = "NM-RATIO";

    static final String[] FINDING_COLUMNS = {"finding_id", "rule_id", "severity", "scope", "claim_id", "line_number",
        "patient_id", "rendering_npi", "service_date", "amount_at_risk", "message", "citation"};
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private final Path folder;

    public ReportWriter(Path folder) {
        this.folder = folder;
    }

    /**
     * Every file of a completed run. A diff.csv that nmaudit diff left in the folder compared the earlier
     * run's findings, so it is removed.
     */
    public void writeAll(RunRecord run, Findings findings, List<ProviderRatio> ratios, Iterable<Reject> rejects)
            throws IOException {
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(DiffCsv.FILE_NAME));
        writeFindingsCsv(findings);
        writeFindingsJson(run, findings);
        writeProviderRatios(ratios, findings);
        writeRejects(rejects);
        writeRun(run);
    }

    /**
     * Only rejects.csv: what --strict leaves when rows were rejected. Report files of an earlier run in
     * the same folder are removed, so nobody reads them as this run's results.
     */
    public void writeRejectsOnly(Iterable<Reject> rejects) throws IOException {
        Files.createDirectories(folder);
        for (String stale : List.of(FINDINGS_CSV, FINDINGS_JSON, PROVIDER_RATIOS_CSV, RUN_JSON, DiffCsv.FILE_NAME)) {
            Files.deleteIfExists(folder.resolve(stale));
        }
        writeRejects(rejects);
    }

    private void writeFindingsCsv(Findings findings) throws IOException {
        try (CSVPrinter out = printer(FINDINGS_CSV, FINDING_COLUMNS)) {
            for (Finding f : findings) {
                out.printRecord(f.findingId(), f.ruleId(), f.severity().name(), f.scope().name(),
                        blank(f.claimId()), f.lineNumber() == null ? "" : f.lineNumber().toString(),
                        blank(f.patientId()), blank(f.renderingNpi()),
                        f.serviceDate() == null ? "" : f.serviceDate().toString(), Amounts.text(f.amountAtRisk()),
                        f.message(), f.citation());
            }
        }
    }

    private void writeFindingsJson(RunRecord run, Findings findings) throws IOException {
        try (Writer w = writer(FINDINGS_JSON); JsonGenerator g = json.getFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeFieldName("run");
            json.writeValue(g, RunJson.of(run));
            g.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                json.writeValue(g, findingJson(f));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static Map<String, Object> findingJson(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("finding_id", f.findingId());
        m.put("rule_id", f.ruleId());
        m.put("severity", f.severity().name());
        m.put("scope", f.scope().name());
        m.put("claim_id", f.claimId());
        m.put("line_number", f.lineNumber());
        m.put("patient_id", f.patientId());
        m.put("rendering_npi", f.renderingNpi());
        m.put("service_date", f.serviceDate() == null ? null : f.serviceDate().toString());
        m.put("amount_at_risk", Amounts.json(f.amountAtRisk()));
        m.put("message", f.message());
        m.put("citation", f.citation());
        m.put("rule_name", f.ruleName());
        m.put("rule_file", f.ruleFile());
        m.put("rule_line", f.ruleLine() > 0 ? f.ruleLine() : null);
        m.put("parameters", f.parameters());
        m.put("evidence", f.evidence());
        return m;
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
                out.printRecord(r.getNpi(), r.getTrials(), r.getConverted(), r.getFailed(), r.getPending(),
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
                out.printRecord(r.file(), r.line(), r.column(), r.value(), r.reason());
            }
        }
    }

    /** run.json alone: the Spark job writes its other outputs as Parquet data sets beside it. */
    public void writeRun(RunRecord run) throws IOException {
        Files.createDirectories(folder);
        try (Writer w = writer(RUN_JSON)) {
            json.writeValue(w, RunJson.of(run));
        }
    }

    private CSVPrinter printer(String file, String... header) throws IOException {
        return new CSVPrinter(writer(file), CSV.builder().setHeader(header).get());
    }

    private Writer writer(String file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(folder.resolve(file), StandardCharsets.UTF_8), 1 << 16);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
