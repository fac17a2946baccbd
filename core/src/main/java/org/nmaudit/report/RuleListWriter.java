package org.nmaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nmaudit.engine.RuleDescription;

/**
 * {@code rules list} for machines: every field whole. CSV columns {@link #COLUMNS} (parameters
 * {@code ;}-separated); JSON an array of objects with the same names (parameters a list, line a number).
 */
public final class RuleListWriter {
    public static final String[] COLUMNS = {"kind", "rule_id", "severity", "scope", "derives", "file", "line",
        "parameters", "rule_name", "citation"};
    private static final CSVFormat CSV = SpreadsheetSafeCsv.FORMAT;

    private RuleListWriter() {
    }

    public static void csv(Writer out, List<RuleDescription> rules) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSV);
        p.printRecord((Object[]) COLUMNS);
        for (RuleDescription r : rules) {
            Map<String, Object> m = fields(r);
            m.put("parameters", String.join(";", r.parameters()));
            // Text cells formula-safe (a rule name or citation is whatever the rule's author wrote); line plain.
            m.replaceAll((column, value) -> value instanceof String text ? SpreadsheetSafeCsv.text(text) : value);
            p.printRecord(m.values());
        }
        p.flush();
    }

    public static void json(Writer out, List<RuleDescription> rules) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeValue(out, rules.stream().map(RuleListWriter::fields).toList());
        out.write('\n');
        out.flush();
    }

    private static Map<String, Object> fields(RuleDescription r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind());
        m.put("rule_id", r.info().id());
        m.put("severity", r.info().severity() == null ? null : r.info().severity().name());
        m.put("scope", r.scopeText().isEmpty() ? null : r.scopeText());
        m.put("derives", r.info().derives());
        m.put("file", r.info().file());
        m.put("line", r.info().line());
        m.put("parameters", r.parameters());
        m.put("rule_name", r.info().name());
        m.put("citation", r.info().citation());
        return m;
    }
}
