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
        field(g, "finding_id", f.findingId(), fallback);
        field(g, "rule_id", f.ruleId(), fallback);
        field(g, "severity", f.severity().name(), fallback);
        field(g, "scope", f.scope().name(), fallback);
        field(g, "claim_id", f.claimId(), fallback);
        field(g, "line_number", f.lineNumber(), fallback);
        field(g, "patient_id", f.patientId(), fallback);
        field(g, "rendering_npi", f.renderingNpi(), fallback);
        field(g, "service_date", f.serviceDate() == null ? null : f.serviceDate().toString(), fallback);
        field(g, "amount_at_risk", Amounts.json(f.amountAtRisk()), fallback);
        field(g, "message", f.message(), fallback);
        field(g, "citation", f.citation(), fallback);
        field(g, "rule_name", f.ruleName(), fallback);
        field(g, "rule_file", f.ruleFile(), fallback);
        field(g, "rule_line", f.ruleLine() > 0 ? f.ruleLine() : null, fallback);
        field(g, "parameters", f.parameters(), fallback);
        field(g, "evidence", f.evidence(), fallback);
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, Object v, ObjectMapper fallback) throws IOException {
        g.writeFieldName(name);
        value(g, v, fallback);
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
                field(g, (String) e.getKey(), e.getValue(), fallback);
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
