package org.nmaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.input.IoErrors;

/**
 * What a report's run.json (or the "run" of findings.json) says about the run that wrote it. A key an
 * older nmaudit did not write reads as null or empty, so older reports still explain and compare.
 *
 * @param parameters every parameter value as plain decimal text, e.g. "0.50", in file order
 * @param parameterSources where each value came from: "rules/parameters.properties:21" or "--param"
 * @param inputFiles each data file name to its SHA-256; null for a file that was absent
 * @param referenceFiles the same for the reference files (fee schedule, codes)
 * @param ruleFiles each rules-folder file as the run named it (rules/trials.drl) to its SHA-256
 * @param findingRulesRun the finding rule ids the run ran (after --only and --disable); null if unknown
 */
public record ReportedRun(
        String version,
        String finishedAt,
        String asOf,
        String asOfSource,
        String dataFolder,
        String outputFolder,
        String rulesFolder,
        String referenceFolder,
        Map<String, String> parameters,
        Map<String, String> parameterSources,
        Map<String, String> inputFiles,
        Map<String, String> referenceFiles,
        Map<String, String> ruleFiles,
        List<RuleEntry> rules,
        List<String> findingRulesRun) {

    /** One rule of run.json's list; {@code line} is null in reports written before lines were recorded. */
    public record RuleEntry(String ruleId, String name, String file, Integer line) {
    }

    /** Reads decimals exactly as written (0.50 stays 0.50). */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    static ReportedRun read(Path file) throws ReportException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ReportException(file + " is not a run.json nmaudit wrote: it is not valid JSON" + where(e) + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportException(file + " cannot be read: " + IoErrors.describe(e), e);
        }
        return of(root, file.toString());
    }

    /** @param where the file (and key) the object was read from, for messages */
    static ReportedRun of(JsonNode run, String where) throws ReportException {
        if (run == null || !run.isObject() || !"nmaudit".equals(text(run, "tool"))) {
            throw new ReportException(where + " is not the run record of an nmaudit audit (no \"tool\": \"nmaudit\")");
        }
        List<RuleEntry> rules = new ArrayList<>();
        for (JsonNode r : array(run.get("rules"))) {
            JsonNode line = r.get("line");
            rules.add(new RuleEntry(text(r, "rule_id"), text(r, "name"), text(r, "file"),
                    line != null && line.canConvertToInt() && line.isIntegralNumber() ? line.intValue() : null));
        }
        JsonNode selection = run.path("rule_selection").get("finding_rules_run");
        List<String> rulesRun = null;
        if (selection != null && selection.isArray()) {
            rulesRun = new ArrayList<>();
            for (JsonNode id : selection) {
                rulesRun.add(id.asText());
            }
        }
        return new ReportedRun(text(run, "version"), text(run, "finished_at"), text(run, "as_of"),
                text(run, "as_of_source"), text(run, "data_folder"), text(run, "output_folder"),
                text(run, "rules_folder"), text(run, "reference_folder"), values(run.get("parameters")),
                values(run.get("parameter_sources")), files(run.get("input_files")), files(run.get("reference_files")),
                files(run.get("rule_files")), List.copyOf(rules), rulesRun == null ? null : List.copyOf(rulesRun));
    }

    /** The rule of this name in the run's list, if the run recorded it. */
    public RuleEntry rule(String name) {
        for (RuleEntry r : rules) {
            if (r.name() != null && r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** " (line L, column C)" of a JSON error, or "" when Jackson gives no location. */
    static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** A scalar as text: numbers plainly (0.50, 30), null for a missing key or JSON null. */
    static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String text(JsonNode object, String key) {
        return scalar(object.get(key));
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    private static Map<String, String> values(JsonNode object) {
        Map<String, String> m = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.properties().forEach(e -> m.put(e.getKey(), scalar(e.getValue())));
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> files(JsonNode list) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode f : array(list)) {
            String name = text(f, "file");
            if (name != null) {
                boolean present = !f.has("present") || f.get("present").asBoolean();
                m.put(name, present ? text(f, "sha256") : null);
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
