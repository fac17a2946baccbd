package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.findings.FindingId;
import org.nmaudit.testing.CliRun;

/**
 * The README's main command, end to end: the CLI audits the bundled sample practice (data/sample, the
 * generator's output at seed 20251, 18 months from 2024-07-01) with the shipped rules: all 19 rules fire.
 * The expected counts were cross-checked line by line against independent implementations of
 * core-rules.md and extended-rules.md; a change here is a change in
 * results that users will see.
 */
class SampleAuditEndToEndTest {
    @TempDir
    static Path out;

    private static CliRun run;

    @BeforeAll
    static void auditTheSample() {
        run = CliRun.of("audit", "data/sample", "--out", out.toString());
    }

    @Test
    void exitsWith5BecauseTheSampleCarriesDeliberateClericalErrors() {
        assertEquals(ExitCode.ROWS_REJECTED, run.exitCode(), run::toString);
    }

    @Test
    void findsExactlyTheExpectedFindingsPerRuleAndSeverity() throws IOException {
        Map<String, Integer> byRuleAndSeverity = new TreeMap<>();
        for (CSVRecord r : csv("findings.csv")) {
            byRuleAndSeverity.merge(r.get("rule_id") + " " + r.get("severity"), 1, Integer::sum);
        }
        // All 19 rules fire on the sample.
        assertEquals(Map.ofEntries(
                Map.entry("NM-DUP-LINE HIGH", 5),
                Map.entry("NM-DX-EFFECTIVE MEDIUM", 9),
                Map.entry("NM-GLOBAL-EM MEDIUM", 5),
                Map.entry("NM-IPG-PNS HIGH", 12),
                Map.entry("NM-OFFICE-REVISION HIGH", 13),
                Map.entry("NM-PA-MISSING BLOCKER", 5),
                Map.entry("NM-PA-MISSING HIGH", 4),
                Map.entry("NM-POS-PERM HIGH", 12),
                Map.entry("NM-PROG-FREQ MEDIUM", 22),
                Map.entry("NM-PROG-REP HIGH", 5),
                Map.entry("NM-PROG-TRIAL MEDIUM", 6),
                Map.entry("NM-PSYCH-EVAL HIGH", 21),
                Map.entry("NM-RATIO HIGH", 6),
                Map.entry("NM-REPEAT-TRIAL HIGH", 92),
                Map.entry("NM-TRIAL-DOC HIGH", 60),
                Map.entry("NM-TRIAL-DOC MEDIUM", 12),
                Map.entry("NM-TRIAL-LIMIT HIGH", 11),
                Map.entry("NM-TRIAL-REMOVAL MEDIUM", 5),
                Map.entry("NM-UNBUNDLE-63688 MEDIUM", 262),
                Map.entry("NM-UNDERPAID INFO", 4),
                Map.entry("NM-UNITS HIGH", 18)), byRuleAndSeverity);
    }

    @Test
    void everyFindingIdIsTheFingerprintOfItsRuleAndSubject() throws IOException {
        for (CSVRecord r : csv("findings.csv")) {
            String expected = r.get("scope").equals("LINE")
                    ? FindingId.ofLine(r.get("rule_id"), r.get("claim_id"), Integer.parseInt(r.get("line_number")))
                    : FindingId.ofProvider(r.get("rule_id"), r.get("rendering_npi"));
            assertEquals(expected, r.get("finding_id"));
        }
    }

    @Test
    void findingsAreInReportOrder() throws IOException {
        List<String> severities = List.of("BLOCKER", "HIGH", "MEDIUM", "LOW", "INFO");
        List<CSVRecord> rows = csv("findings.csv");
        for (int i = 1; i < rows.size(); i++) {
            CSVRecord a = rows.get(i - 1);
            CSVRecord b = rows.get(i);
            int bySeverity = Integer.compare(severities.indexOf(a.get("severity")), severities.indexOf(b.get("severity")));
            int byRule = a.get("rule_id").compareTo(b.get("rule_id"));
            int byClaim = a.get("claim_id").compareTo(b.get("claim_id"));
            int byLine = Integer.compare(number(a.get("line_number")), number(b.get("line_number")));
            int byNpi = a.get("rendering_npi").compareTo(b.get("rendering_npi"));
            int order = bySeverity != 0 ? bySeverity : byRule != 0 ? byRule : byClaim != 0 ? byClaim
                    : byLine != 0 ? byLine : byNpi;
            assertTrue(order < 0, "row " + (i + 1) + " is out of order");
        }
    }

    @Test
    void ratesEveryPhysicianAndFlagsTheSixLowConverters() throws IOException {
        List<CSVRecord> ratios = csv("provider-ratios.csv");
        assertEquals(40, ratios.size());
        List<String> flagged = new ArrayList<>();
        for (CSVRecord r : ratios) {
            int decided = Integer.parseInt(r.get("converted")) + Integer.parseInt(r.get("failed"));
            assertEquals(Integer.parseInt(r.get("trials")), decided + Integer.parseInt(r.get("pending")));
            if (r.get("flagged").equals("true")) {
                flagged.add(r.get("rendering_npi"));
                assertTrue(decided >= 5 && Double.parseDouble(r.get("ratio")) < 0.5, r.toString());
            }
        }
        assertEquals(List.of("1278826395", "1326464595", "1463210710", "1748983248", "1917246922", "1953850751"),
                flagged);
    }

    @Test
    void rejectsTheThirtyThreeBrokenRowsWithReasons() throws IOException {
        List<CSVRecord> rejects = csv("rejects.csv");
        assertEquals(33, rejects.size());
        for (CSVRecord r : rejects) {
            assertEquals("claims.csv", r.get("file"));
            assertTrue(!r.get("reason").isBlank() && Long.parseLong(r.get("line")) > 1, r.toString());
        }
    }

    @Test
    void runRecordCountsEveryRowAndEveryFinding() throws IOException {
        JsonNode runJson = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("2025-12-31", runJson.get("as_of").asText());
        Map<String, List<Long>> counts = new TreeMap<>();
        for (JsonNode f : runJson.get("input_files")) {
            counts.put(f.get("file").asText(), List.of(f.get("rows_read").asLong(), f.get("rows_loaded").asLong(),
                    f.get("rows_rejected").asLong()));
        }
        assertEquals(Map.of(
                "claims.csv", List.of(31_725L, 31_692L, 33L),
                "trial-outcomes.csv", List.of(977L, 977L, 0L),
                "repeat-trial-justifications.csv", List.of(52L, 52L, 0L),
                "programming-sessions.csv", List.of(5_988L, 5_988L, 0L),
                "psych-evaluations.csv", List.of(993L, 993L, 0L)), counts);
        assertEquals(589, runJson.get("findings_total").asInt());
        assertEquals(589, new ObjectMapper().readTree(out.resolve("findings.json").toFile()).get("findings").size());
        assertEquals(5, runJson.get("exit_code").asInt());
    }

    @Test
    void consoleSummaryNamesCountsAndTheOutputFolder() {
        assertTrue(run.out().contains("claims.csv") && run.out().contains("31,725") && run.out().contains("31,692"),
                run.out());
        assertTrue(run.out().contains("NM-REPEAT-TRIAL") && run.out().contains(out.toString()), run.out());
    }

    private List<CSVRecord> csv(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(out.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static int number(String s) {
        return s.isEmpty() ? 0 : Integer.parseInt(s);
    }
}
