package org.nmaudit.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nmaudit.input.IoErrors;

/**
 * Finds findings in a report's findings.json by id or id prefix (case-insensitive, as git takes commit
 * prefixes). The file is streamed one finding at a time, so a report of any size is looked up in
 * little memory.
 */
public final class FindingsJson {
    /** At most this many matches of an ambiguous prefix are kept to be listed. */
    public static final int MATCHES_KEPT = 10;
    private static final int NEAREST_KEPT = 3;

    /**
     * @param matches the findings whose id starts with the prefix (at most {@link #MATCHES_KEPT})
     * @param matchCount how many findings match in all
     * @param nearest when nothing matches: the findings whose id is within a typo or two of the text
     * @param findingsTotal findings in the file
     */
    public record Lookup(ReportedRun run, List<ExplainedFinding> matches, int matchCount,
            List<ReportedFinding> nearest, int findingsTotal) {
    }

    private FindingsJson() {
    }

    static Lookup lookUp(Path file, String idText) throws ReportException {
        String prefix = idText.trim().toLowerCase(Locale.ROOT);
        ReportedRun run = null;
        boolean sawFindings = false;
        List<ExplainedFinding> matches = new ArrayList<>();
        int matchCount = 0;
        int total = 0;
        List<Candidate> near = new ArrayList<>();
        try (JsonParser p = ReportedRun.JSON.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notFindingsJson(file, "it does not hold a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if ("run".equals(key)) {
                    run = ReportedRun.of(ReportedRun.JSON.readTree(p), file + " (\"run\")");
                } else if ("findings".equals(key) && value == JsonToken.START_ARRAY) {
                    sawFindings = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode f = ReportedRun.JSON.readTree(p);
                        String id = text(f, "finding_id").toLowerCase(Locale.ROOT);
                        total++;
                        if (!prefix.isEmpty() && id.startsWith(prefix)) {
                            matchCount++;
                            if (matches.size() < MATCHES_KEPT) {
                                matches.add(explained(f));
                            }
                        } else if (matchCount == 0) {
                            keepIfNear(near, prefix, id, f);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw notFindingsJson(file, "it is not valid JSON" + ReportedRun.where(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ReportException(file + " cannot be read: " + IoErrors.describe(e), e);
        }
        if (run == null || !sawFindings) {
            throw notFindingsJson(file, "it has no " + (run == null ? "\"run\" record" : "\"findings\" list"));
        }
        near.sort(Comparator.comparingInt(Candidate::distance).thenComparing(c -> c.row().findingId()));
        List<ReportedFinding> nearest = matchCount > 0 ? List.of()
                : near.stream().limit(NEAREST_KEPT).map(Candidate::row).toList();
        return new Lookup(run, List.copyOf(matches), matchCount, nearest, total);
    }

    private static ReportException notFindingsJson(Path file, String why) {
        return new ReportException(file + " is not a findings.json nmaudit wrote: " + why);
    }

    // ---- one finding ------------------------------------------------------------------------------------

    private static ExplainedFinding explained(JsonNode f) {
        JsonNode line = f.get("rule_line");
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode params = f.get("parameters");
        if (params != null && params.isObject()) {
            params.properties().forEach(e -> parameters.put(e.getKey(), ReportedRun.scalar(e.getValue())));
        }
        List<Map<String, String>> evidence = new ArrayList<>();
        JsonNode facts = f.get("evidence");
        if (facts != null && facts.isArray()) {
            for (JsonNode fact : facts) {
                Map<String, String> m = new LinkedHashMap<>();
                fact.properties().forEach(e -> m.put(e.getKey(), ReportedRun.scalar(e.getValue())));
                evidence.add(Collections.unmodifiableMap(m));
            }
        }
        return new ExplainedFinding(row(f), nullable(f, "rule_name"), nullable(f, "rule_file"),
                line != null && line.isIntegralNumber() && line.intValue() > 0 ? line.intValue() : null,
                Collections.unmodifiableMap(parameters), List.copyOf(evidence));
    }

    private static ReportedFinding row(JsonNode f) {
        return new ReportedFinding(text(f, "finding_id").toLowerCase(Locale.ROOT), text(f, "rule_id"),
                text(f, "severity"), text(f, "scope"), text(f, "claim_id"), text(f, "line_number"),
                text(f, "patient_id"), text(f, "rendering_npi"), text(f, "service_date"), text(f, "amount_at_risk"),
                text(f, "message"), text(f, "citation"));
    }

    private static String text(JsonNode object, String key) {
        String s = ReportedRun.scalar(object.get(key));
        return s == null ? "" : s;
    }

    private static String nullable(JsonNode object, String key) {
        return ReportedRun.scalar(object.get(key));
    }

    // ---- nearest ids ------------------------------------------------------------------------------------

    private record Candidate(int distance, ReportedFinding row) {
    }

    /**
     * Keeps a finding whose id is within a typo or two of the text (an id mistyped, a prefix with a wrong
     * digit): the edit distance to the id, or to its start when the text is shorter, is at most 1 for up to
     * 8 characters and 2 beyond.
     */
    private static void keepIfNear(List<Candidate> near, String text, String id, JsonNode f) {
        if (text.isEmpty()) {
            return;
        }
        String compared = text.length() < id.length() ? id.substring(0, text.length()) : id;
        int d = editDistance(text, compared);
        if (d <= (text.length() <= 8 ? 1 : 2)) {
            near.add(new Candidate(d, row(f)));
            if (near.size() > 4 * NEAREST_KEPT) {
                near.sort(Comparator.comparingInt(Candidate::distance).thenComparing(c -> c.row().findingId()));
                near.subList(NEAREST_KEPT, near.size()).clear();
            }
        }
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
