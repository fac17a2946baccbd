package org.nmaudit.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A hand-made report folder (findings.csv, findings.json, run.json as an audit writes them) for tests of
 * explain and diff that need findings no small data set produces: chosen ids, severities, messages and
 * run records. Defaults: as of 2025-12-31, data/sample, rules, programming_window_days = 30.
 */
public final class ReportFixture {
    public static final String HEADER = "finding_id,rule_id,severity,scope,claim_id,line_number,patient_id,"
            + "rendering_npi,service_date,amount_at_risk,message,citation";
    private static final String NPI = "1234567893";

    private final Path folder;
    private final Map<String, Object> run = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> parameterSources = new LinkedHashMap<>();
    private final Map<String, String> inputFiles = new LinkedHashMap<>();
    private final Map<String, String> ruleFiles = new LinkedHashMap<>();
    private final List<Map<String, Object>> findings = new ArrayList<>();
    private boolean ruleListLines = true;

    private ReportFixture(Path folder) {
        this.folder = folder;
        run.put("tool", "nmaudit");
        run.put("version", "0.1.0");
        run.put("finished_at", "2026-01-02T03:04:05Z");
        run.put("as_of", "2025-12-31");
        run.put("as_of_source", "latest service_date");
        run.put("data_folder", "data/sample");
        run.put("output_folder", folder.toString());
        run.put("rules_folder", "rules");
        parameter("programming_window_days", 30, "rules/parameters.properties:21");
        inputFiles.put("claims.csv", "c1c1");
        ruleFiles.put("rules/programming.drl", "d1d1");
        ruleFiles.put("rules/parameters.properties", "e1e1");
    }

    public static ReportFixture in(Path folder) {
        return new ReportFixture(folder);
    }

    /** Sets (or, with null, clears) a key of run.json, e.g. "as_of", "reference_files" or "rule_selection". */
    public ReportFixture set(String runKey, Object value) {
        run.put(runKey, value);
        return this;
    }

    public ReportFixture parameter(String name, Object value, String source) {
        parameters.put(name, value);
        parameterSources.put(name, source);
        return this;
    }

    /** An input file and its SHA-256; null for a file the run found absent. */
    public ReportFixture input(String file, String sha256) {
        inputFiles.put(file, sha256);
        return this;
    }

    public ReportFixture ruleFile(String displayPath, String sha256) {
        ruleFiles.put(displayPath, sha256);
        return this;
    }

    public ReportFixture withoutRuleFile(String displayPath) {
        ruleFiles.remove(displayPath);
        return this;
    }

    /**
     * The run used another rules folder, e.g. rules-draft: its files have the same names and SHA-256s,
     * except the parameters file, which sets programming_window_days to the given value.
     */
    public ReportFixture draftRules(String folder, int programmingWindowDays) {
        run.put("rules_folder", folder);
        ruleFiles.clear();
        ruleFiles.put(folder + "/programming.drl", "d1d1");
        ruleFiles.put(folder + "/parameters.properties", "e2e2");
        return parameter("programming_window_days", programmingWindowDays, folder + "/parameters.properties:21");
    }

    /** A line finding on claim/line of patient P1 and NPI 1234567893, dated 2025-03-04, at risk 100.00. */
    public ReportFixture line(String id, String ruleId, String severity, String claimId, int lineNumber,
            String message) {
        Map<String, Object> f = finding(id, ruleId, severity, "LINE", message);
        f.put("claim_id", claimId);
        f.put("line_number", lineNumber);
        f.put("patient_id", "P1");
        f.put("service_date", "2025-03-04");
        return add(f);
    }

    public ReportFixture provider(String id, String ruleId, String severity, String npi, String message) {
        Map<String, Object> f = finding(id, ruleId, severity, "PROVIDER", message);
        f.put("rendering_npi", npi);
        return add(f);
    }

    private static Map<String, Object> finding(String id, String ruleId, String severity, String scope,
            String message) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("finding_id", id);
        f.put("rule_id", ruleId);
        f.put("severity", severity);
        f.put("scope", scope);
        f.put("claim_id", null);
        f.put("line_number", null);
        f.put("patient_id", null);
        f.put("rendering_npi", NPI);
        f.put("service_date", null);
        f.put("amount_at_risk", new java.math.BigDecimal("100.00"));
        f.put("message", message);
        f.put("citation", "citation of " + ruleId);
        f.put("rule_name", ruleId + ": the rule");
        f.put("rule_file", "rules/programming.drl");
        f.put("rule_line", 13);
        f.put("parameters", Map.of());
        f.put("evidence", List.of());
        return f;
    }

    /** Sets a key of the finding added last (findings.json only, unless it is a findings.csv column); null removes it. */
    public ReportFixture lastFinding(String key, Object value) {
        Map<String, Object> f = findings.get(findings.size() - 1);
        if (value == null) {
            f.remove(key);
        } else {
            f.put(key, value);
        }
        return this;
    }

    /** run.json's rule list without "line", as nmaudit wrote it before lines were recorded. */
    public ReportFixture ruleListWithoutLines() {
        ruleListLines = false;
        return this;
    }

    private ReportFixture add(Map<String, Object> finding) {
        findings.add(finding);
        return this;
    }

    /** Writes findings.csv, findings.json and run.json; returns the folder. */
    public Path write() {
        Map<String, Object> record = runRecord();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            Files.createDirectories(folder);
            json.writeValue(folder.resolve("run.json").toFile(), record);
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("run", record);
            all.put("findings", findings);
            json.writeValue(folder.resolve("findings.json").toFile(), all);
            StringWriter csv = new StringWriter();
            try (CSVPrinter p = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                p.printRecord((Object[]) HEADER.split(","));
                for (Map<String, Object> f : findings) {
                    List<String> cells = new ArrayList<>();
                    for (String column : HEADER.split(",")) {
                        Object v = f.get(column);
                        cells.add(v == null ? "" : v instanceof java.math.BigDecimal d ? d.toPlainString()
                                : v.toString());
                    }
                    p.printRecord(cells);
                }
            }
            Files.writeString(folder.resolve("findings.csv"), csv.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    private Map<String, Object> runRecord() {
        Map<String, Object> r = new LinkedHashMap<>(run);
        r.put("parameters", parameters);
        r.put("parameter_sources", parameterSources);
        List<Object> inputs = new ArrayList<>();
        inputFiles.forEach((file, sha) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file);
            m.put("present", sha != null);
            m.put("sha256", sha);
            inputs.add(m);
        });
        r.put("input_files", inputs);
        List<Object> files = new ArrayList<>();
        ruleFiles.forEach((file, sha) -> files.add(Map.of("file", file, "sha256", sha)));
        r.put("rule_files", files);
        TreeSet<String> ids = new TreeSet<>();
        findings.forEach(f -> ids.add((String) f.get("rule_id")));
        List<Object> rules = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule_id", id);
            rule.put("name", id + ": the rule");
            rule.put("file", "rules/programming.drl");
            if (ruleListLines) {
                rule.put("line", 13);
            }
            rules.add(rule);
        }
        r.putIfAbsent("rules", rules);
        r.putIfAbsent("rule_selection", Map.of("finding_rules_run", List.copyOf(ids)));
        return r;
    }
}
