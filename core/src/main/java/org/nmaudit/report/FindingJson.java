package org.nmaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.nmaudit.findings.Finding;

/**
 * One finding of findings.json, written straight to the generator. Building a map per finding and handing it
 * to Jackson's data binding looked up a serializer for every value: half of the main thread's samples (JFR)
 * while it wrote the 1M-line audit's report. The bytes are the same: the same fields in the same order
 * through the same generator (its pretty printer does the layout); a value of a type not handled here goes to
 * the data binding as before ({@code FindingJsonTest} compares the bytes both ways).
 */
final class FindingJson {
    private FindingJson() {
    }

    static void write(JsonGenerator g, Finding f, ObjectMapper fallback) throws IOException {
        g.writeStartObject();
        g.writeStringField("finding_id", f.findingId());
        g.writeStringField("rule_id", f.ruleId());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("scope", f.scope().name());
        g.writeFieldName("claim_id");
        value(g, f.claimId(), fallback);
        g.writeFieldName("line_number");
        value(g, f.lineNumber(), fallback);
        g.writeFieldName("patient_id");
        value(g, f.patientId(), fallback);
        g.writeFieldName("rendering_npi");
        value(g, f.renderingNpi(), fallback);
        g.writeFieldName("service_date");
        value(g, f.serviceDate() == null ? null : f.serviceDate().toString(), fallback);
        g.writeFieldName("amount_at_risk");
        value(g, Amounts.json(f.amountAtRisk()), fallback);
        g.writeFieldName("message");
        value(g, f.message(), fallback);
        g.writeFieldName("citation");
        value(g, f.citation(), fallback);
        g.writeFieldName("rule_name");
        value(g, f.ruleName(), fallback);
        g.writeFieldName("rule_file");
        value(g, f.ruleFile(), fallback);
        g.writeFieldName("rule_line");
        value(g, f.ruleLine() > 0 ? f.ruleLine() : null, fallback);
        g.writeFieldName("parameters");
        value(g, f.parameters(), fallback);
        g.writeFieldName("evidence");
        value(g, f.evidence(), fallback);
        g.writeEndObject();
    }

    /** As Jackson's serializers for these types write them; anything else through the data binding. */
    private static void value(JsonGenerator g, Object v, ObjectMapper fallback) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                value(g, item, fallback);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map && stringKeys(map)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                value(g, e.getValue(), fallback);
            }
            g.writeEndObject();
        } else {
            fallback.writeValue(g, v);
        }
    }

    private static boolean stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
