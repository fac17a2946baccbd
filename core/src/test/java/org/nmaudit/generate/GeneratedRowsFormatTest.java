package org.nmaudit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.Npi;

/** Every row satisfies data-format.md, except the deliberately broken ones, which the labels name. */
class GeneratedRowsFormatTest {

    @TempDir
    static Path tmp;

    static GeneratedDataSet set;
    static List<Map<String, String>> claims;

    @BeforeAll
    static void generate() throws IOException {
        set = GeneratedDataSet.generate(tmp, 2000, 20251);
        claims = set.read("claims.csv");
    }

    /** "claim/line" of each labelled broken row, with the column its one defect is in. */
    private static Map<String, String> brokenRows() throws IOException {
        Map<String, String> broken = new TreeMap<>();
        for (GeneratedDataSet.Label label : set.labels().values()) {
            for (String tag : label.tags()) {
                if (tag.startsWith("bad-row:")) {
                    String defect = tag.substring("bad-row:".length(), tag.indexOf('@'));
                    broken.put(tag.substring(tag.indexOf('@') + 1), switch (defect) {
                        case "NPI_CHECK_DIGIT" -> "rendering_npi";
                        case "NONEXISTENT_DATE" -> "service_date";
                        case "MALFORMED_AMOUNT" -> "billed_amount";
                        case "UNKNOWN_PAYER" -> "payer_type";
                        case "SIX_CHARACTER_CPT" -> "cpt_code";
                        case "THREE_CHARACTER_MODIFIER" -> "modifiers";
                        case "DUPLICATE_LINE_KEY" -> "duplicate";
                        case "DECIMAL_LINE_NUMBER" -> "line_number";
                        default -> throw new AssertionError(tag);
                    });
                }
            }
        }
        return broken;
    }

    @Test
    void onlyTheLabelledRowsAreRejectedEachForItsOneDefect() throws IOException {
        Map<String, String> expected = brokenRows();
        Map<String, String> rejected = new TreeMap<>();
        Set<String> keys = new HashSet<>();
        for (Map<String, String> row : claims) {
            List<String> problems = new ArrayList<>(InputFormatRules.claimRowProblems(row));
            String line = row.get("line_number");
            if (line.matches("\\d+") && !keys.add(row.get("claim_id") + "|" + Integer.parseInt(line))) {
                problems.add("duplicate");
            }
            if (!problems.isEmpty()) {
                assertEquals(1, problems.size(), "one defect per broken row: " + problems + " " + row);
                rejected.put(row.get("claim_id") + "/" + line, problems.get(0).split(" ")[0]);
            }
        }
        assertEquals(expected, rejected);
        assertTrue(expected.size() >= 8, "2000 patients give at least one row of each defect: " + expected.size());
        assertEquals(set.summary.brokenClaimRows(), expected.size());
    }

    @Test
    void goodLinesAreNumberedOneToKWithinEachClaim() throws IOException {
        Map<String, String> broken = brokenRows();
        Map<String, List<Integer>> lines = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, String> row : claims) {
            String id = row.get("claim_id") + "/" + row.get("line_number");
            boolean firstOfDuplicate = "duplicate".equals(broken.get(id)) && !seen.contains(id);
            seen.add(id);
            if (!broken.containsKey(id) || firstOfDuplicate) {
                lines.computeIfAbsent(row.get("claim_id"), k -> new ArrayList<>()).add(Integer.parseInt(row.get("line_number")));
            }
        }
        lines.forEach((claim, numbers) -> {
            for (int i = 0; i < numbers.size(); i++) {
                assertEquals(i + 1, numbers.get(i), claim);
            }
        });
    }

    @Test
    void serviceDatesLieInTheWindowAndTheLastDayIsBilled() {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Map<String, String> row : claims) {
            LocalDate d = InputFormatRules.date(row.get("service_date"));
            if (d != null) {
                days.add(d);
            }
        }
        assertEquals(LocalDate.of(2025, 1, 1), days.first());
        assertEquals(LocalDate.of(2025, 12, 31), days.last());
    }

    @Test
    void documentationFilesAreValid() throws IOException {
        for (Map<String, String> row : set.read("trial-outcomes.csv")) {
            assertTrue(InputFormatRules.date(row.get("documented_date")) != null, row.toString());
            assertTrue(InputFormatRules.percentOk(row.get("pain_relief_pct")), row.toString());
            assertTrue(InputFormatRules.percentOk(row.get("analgesic_reduction_pct")), row.toString());
            assertTrue(InputFormatRules.functionalImprovementOk(row.get("functional_improvement")), row.toString());
            assertTrue(row.get("rendering_npi").isEmpty() || Npi.isValid(row.get("rendering_npi")), row.toString());
            assertTrue(!row.get("patient_id").isBlank());
        }
        for (Map<String, String> row : set.read("repeat-trial-justifications.csv")) {
            assertTrue(InputFormatRules.date(row.get("documented_date")) != null, row.toString());
            assertTrue(!row.get("reason").isBlank(), row.toString());
        }
        for (Map<String, String> row : set.read("programming-sessions.csv")) {
            assertTrue(InputFormatRules.date(row.get("session_date")) != null, row.toString());
            assertTrue(Set.of("PHYSICIAN", "QHP", "MANUFACTURER_REP").contains(row.get("performed_by")), row.toString());
        }
        for (Map<String, String> row : set.read("psych-evaluations.csv")) {
            assertTrue(InputFormatRules.date(row.get("evaluation_date")) != null, row.toString());
        }
    }

    @Test
    void bothAmountStylesAndDotlessDiagnosesOccur() {
        assertTrue(claims.stream().anyMatch(r -> r.get("paid_amount").matches("\\$\\d{1,3}(,\\d{3})+\\.\\d\\d")));
        assertTrue(claims.stream().anyMatch(r -> r.get("paid_amount").matches("\\d+\\.\\d\\d")));
        assertTrue(claims.stream().anyMatch(r -> r.get("paid_amount").isEmpty()));
        assertTrue(claims.stream().anyMatch(r -> r.get("diagnosis_codes").startsWith("M961")
                || r.get("diagnosis_codes").startsWith("G894")));
        assertTrue(claims.stream().anyMatch(r -> r.get("bill_type").equals("0131")));
        assertTrue(claims.stream().anyMatch(r -> r.get("bill_type").equals("131")));
    }
}
