package org.nmaudit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A scrub batch folder (claims.csv and documentation files) as the JSON body of a request: each CSV row an
 * object of its cells by column name, the claim lines grouped in their claims, in the order of each claim's
 * first row. What a billing system that holds the same rows would send.
 */
final class BatchAsJson {
    private static final Map<String, String> DOCUMENTATION = Map.of(
            "trial-outcomes.csv", "trial_outcomes",
            "repeat-trial-justifications.csv", "repeat_trial_justifications",
            "programming-sessions.csv", "programming_sessions",
            "psych-evaluations.csv", "psych_evaluations");

    private BatchAsJson() {
    }

    /** Every claim of the folder. */
    static ObjectNode of(Path folder) throws IOException {
        return of(folder, id -> true);
    }

    /** The claims whose claim_id passes, and every documentation row. */
    static ObjectNode of(Path folder, Predicate<String> claims) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Map<String, ArrayNode> lines = new LinkedHashMap<>();
        for (CSVRecord r : records(folder.resolve("claims.csv"))) {
            if (claims.test(r.get("claim_id"))) {
                lines.computeIfAbsent(r.get("claim_id"), id -> JsonNodeFactory.instance.arrayNode()).add(row(r));
            }
        }
        ArrayNode claimList = body.putArray("claims");
        lines.values().forEach(l -> claimList.addObject().set("lines", l));
        for (Map.Entry<String, String> doc : DOCUMENTATION.entrySet()) {
            Path file = folder.resolve(doc.getKey());
            if (Files.exists(file)) {
                ArrayNode rows = body.putArray(doc.getValue());
                for (CSVRecord r : records(file)) {
                    rows.add(row(r));
                }
            }
        }
        return body;
    }

    static ObjectNode of(Path folder, Set<String> claimIds) throws IOException {
        return of(folder, claimIds::contains);
    }

    private static ObjectNode row(CSVRecord r) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        r.toMap().forEach(row::put);
        return row;
    }

    private static Iterable<CSVRecord> records(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }
}
