package org.nmaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;

/**
 * findings.json's findings are written field by field; before, each was a map handed to Jackson's data
 * binding. Users diff findings.json between runs, so the bytes must not change: this writes findings of
 * every shape both ways, through the report's own mapper, and compares the text.
 */
class FindingJsonTest {
    /** The report's mapper, as ReportWriter configures it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    @Test
    void writesTheBytesTheDataBindingWroteForEveryShapeOfFinding() throws IOException {
        List<Finding> findings = List.of(
                finding("C1", 1, "P1", LocalDate.of(2025, 3, 14), new BigDecimal("1234.5"), 12,
                        List.of(evidence("ClaimLine", "claim_id", "C1", "line_number", 1, "billed_amount",
                                new BigDecimal("106273.00"), "units", new BigDecimal("1E+1"))),
                        Map.of("units_max_63650_per_day", "2")),
                // a provider finding: no claim, line, patient or date; no amount; rule line unknown
                finding(null, null, null, null, null, 0, List.of(), Map.of()),
                finding("C\"2\\\u0001\u00e9\ud83d\ude00", 7, "P</script>", LocalDate.of(2024, 2, 29),
                        new BigDecimal("0.1"), 3,
                        List.of(evidence("TrialEpisode", "professional", true, "day", 20_000L, "note", null,
                                "diagnosis_codes", List.of("G89.4", "M54.5"), "nested", Map.of("a", List.of())),
                                evidence("Other", "uri", URI.create("https://example.org/a?b=c"), "big",
                                        new BigDecimal("-0.000001"), "double", 0.1, "list",
                                        Arrays.asList("x", null, 3))),
                        new TreeMap<>(Map.of("z", "1", "a", "2"))),
                finding("C3", 2, "P3", LocalDate.of(2025, 1, 1), new BigDecimal("-12"), 40,
                        List.of(nonTextKeys()), Map.of()));
        for (Finding f : findings) {
            assertEquals(viaDataBinding(f), streamed(f), f.findingId());
        }
    }

    private static String streamed(Finding f) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            FindingJson.write(g, f, JSON);
            FindingJson.write(g, f, JSON);
            g.writeEndArray();
        }
        return out.toString();
    }

    /** What ReportWriter did before: a map of the finding, through the data binding. */
    private static String viaDataBinding(Finding f) throws IOException {
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
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            JSON.writeValue(g, m);
            JSON.writeValue(g, m);
            g.writeEndArray();
        }
        return out.toString();
    }

    private static Finding finding(String claimId, Integer line, String patient, LocalDate date, BigDecimal amount,
            int ruleLine, List<Map<String, Object>> evidence, Map<String, String> parameters) {
        boolean provider = claimId == null;
        return new Finding("f" + claimId + line, "NM-TEST", Severity.HIGH, provider ? Scope.PROVIDER : Scope.LINE,
                claimId, line, patient, "1234567893", date, amount, "a message with \"quotes\"\nand a line break",
                "LCD L37632", "Test rule", "rules/test.drl", ruleLine, evidence, parameters);
    }

    private static Map<String, Object> evidence(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fact", pairs[0]);
        for (int i = 1; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Evidence of a rule that put a number as a key (DRL can): the data binding writes it, as before. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Object> nonTextKeys() {
        Map map = new LinkedHashMap<>();
        map.put(1, "a key that is not text");
        return map;
    }

    @Test
    void anEmptyListAndAnEmptyMapAreWrittenAsTheDataBindingWroteThem() throws IOException {
        Finding f = finding("C9", 1, "P9", LocalDate.of(2025, 5, 5), null, 1, new ArrayList<>(), new LinkedHashMap<>());
        assertEquals(viaDataBinding(f), streamed(f));
    }
}
