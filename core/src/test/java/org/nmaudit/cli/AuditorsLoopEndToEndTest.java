package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.DataFolder.claim;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;

/**
 * The README's auditor's loop, end to end through the command line: copy the rules, widen
 * programming_window_days from 30 to 45 days in the copy (the README's sed), audit with both, diff the
 * reports, explain a finding the diff lists. A wider window flags more lines: NM-PROG-FREQ gains findings,
 * keeps every old one (its message now names the new window, so it is updated) and loses none; every
 * other rule is unchanged.
 */
class AuditorsLoopEndToEndTest {
    private static final String WIDEN = "(?m)^programming_window_days = 30";

    @TempDir
    Path tmp;

    /** {@code cp -r rules rules-draft} then the README's sed, into the temp folder. */
    private Path draftRules() throws IOException {
        Path draft = Files.createDirectories(tmp.resolve("rules-draft"));
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, draft.resolve(f.getFileName().toString()));
            }
        }
        Path parameters = draft.resolve("parameters.properties");
        String text = Files.readString(parameters, StandardCharsets.UTF_8);
        String widened = text.replaceAll(WIDEN, "programming_window_days = 45");
        assertNotEquals(text, widened, "the README's sed must find 'programming_window_days = 30' at a line start"
                + " of rules/parameters.properties");
        Files.writeString(parameters, widened, StandardCharsets.UTF_8);
        return draft;
    }

    /**
     * Programming lines of P1 on day 0, 20, 60 and 120: day 20 is 20 days after day 0 (flagged with either
     * window), day 60 is 40 days after day 20 (flagged only with 45), day 120 is 60 days after (never). P2 has
     * a new implant without a trial (NM-TRIAL-DOC, which the window does not touch).
     */
    private Path smallPractice() {
        return DataFolder.in(tmp.resolve("data")).claims(
                claim("C1", "1").set("service_date", "2025-01-02").toString(),
                claim("C2", "1").set("service_date", "2025-01-22").toString(),
                claim("C3", "1").set("service_date", "2025-03-03").toString(),
                claim("C4", "1").set("service_date", "2025-05-02").toString(),
                claim("I1", "1").set("patient_id", "P2").set("cpt_code", "63685").set("service_date", "2025-02-20")
                        .set("place_of_service", "24").toString()).path();
    }

    @Test
    void theLoopOnASmallPracticeGivesExactlyOneNewAndOneUpdatedProgrammingFinding() throws IOException {
        Path data = smallPractice();
        Path draft = draftRules();
        Path before = tmp.resolve("reports/before");
        Path after = tmp.resolve("reports/after");

        CliRun audit = CliRun.of("audit", data.toString(), "--out", before.toString());
        assertEquals(0, audit.exitCode(), audit::toString);
        audit = CliRun.of("audit", data.toString(), "--rules", draft.toString(), "--out", after.toString());
        assertEquals(0, audit.exitCode(), audit::toString);

        CliRun diff = CliRun.of("diff", before.toString(), after.toString());
        assertEquals(0, diff.exitCode(), diff::toString);
        assertEquals("", diff.err(), "same data, same as-of date: no warning");
        List<String> lines = diff.out().lines().toList();
        assertEquals(List.of(
                "Rules folder: rules -> " + draft,
                "Rule files changed: parameters.properties",
                "Parameters changed: programming_window_days 30 -> 45",
                "Findings: 2 in the old report, 3 in the new",
                "",
                "rule_id            new    absent   updated unchanged",
                "NM-PROG-FREQ         1         0         1         0",
                "NM-TRIAL-DOC         0         0         0         1",
                "all rules            1         0         1         1",
                "",
                "Changed findings: 2. Every finding: " + after.resolve("diff.csv"),
                "  new       " + id("C3") + "  NM-PROG-FREQ  claim C3 line 1",
                "      now  MEDIUM  95970 on 2025-03-03 is 40 days after the previous analysis/programming line (claim"
                        + " C2 line 1, 95970 on 2025-01-22); one is allowed every 45 days outside the first month after"
                        + " an implant.",
                "  updated   " + id("C2") + "  NM-PROG-FREQ  claim C2 line 1",
                "      was  MEDIUM  95970 on 2025-01-22 is 20 days after the previous analysis/programming line (claim"
                        + " C1 line 1, 95970 on 2025-01-02); one is allowed every 30 days outside the first month after"
                        + " an implant.",
                "      now  MEDIUM  95970 on 2025-01-22 is 20 days after the previous analysis/programming line (claim"
                        + " C1 line 1, 95970 on 2025-01-02); one is allowed every 45 days outside the first month after"
                        + " an implant."), lines.subList(2, lines.size()));

        List<CSVRecord> rows = csv(after.resolve("diff.csv"));
        assertEquals(List.of("new C3", "updated C2", "unchanged I1"),
                rows.stream().map(r -> r.get("status") + " " + r.get("claim_id")).toList());

        CliRun explain = CliRun.of("explain", rows.get(0).get("finding_id").substring(0, 8), "--report",
                after.toString());
        assertEquals(0, explain.exitCode(), explain::toString);
        List<String> explained = explain.out().lines().toList();
        assertEquals("Finding " + id("C3") + ": NM-PROG-FREQ, severity MEDIUM", explained.get(0));
        assertTrue(explained.contains("  programming_window_days = 45   from " + draft + "/parameters.properties:"
                + ExplainCommandTest.parameterLine("programming_window_days")), explain.out());
        assertTrue(explained.contains("Written at: " + draft + "/programming.drl:" + ExplainCommandTest.declarationLine(
                "rules/programming.drl", "NM-PROG-FREQ: analysis or programming too soon after the previous one")),
                explain.out());
        assertTrue(explained.contains("  2. Claim C2 line 1 (analysis/programming line): 95970 on 2025-01-22 for"
                + " patient P1, rendered by 1234567893 (professional, MEDICARE), billed $100.00, not paid"),
                explain.out());
    }

    /**
     * The README's commands on data/sample. The sample is regenerated from time to time, so the expected
     * counts are worked out from the two findings.csv files, not written down: NM-PROG-FREQ's old findings
     * are all updated, its extra ones new, none absent; every other rule's findings are unchanged.
     */
    @Test
    void theReadmeLoopOnTheSampleChangesOnlyTheProgrammingFrequencyFindings() throws IOException {
        Path draft = draftRules();
        Path before = tmp.resolve("reports/before");
        Path after = tmp.resolve("reports/after");
        CliRun audit = CliRun.of("audit", "data/sample", "--out", before.toString());
        assertEquals(ExitCode.ROWS_REJECTED, audit.exitCode(), "the sample's deliberately broken rows: " + audit);
        audit = CliRun.of("audit", "data/sample", "--rules", draft.toString(), "--out", after.toString());
        assertEquals(ExitCode.ROWS_REJECTED, audit.exitCode(), audit::toString);

        CliRun diff = CliRun.of("diff", before.toString(), after.toString());
        assertEquals(0, diff.exitCode(), diff::toString);
        assertEquals("", diff.err());

        Map<String, Integer> oldCounts = countByRule(csv(before.resolve("findings.csv")));
        Map<String, Integer> newCounts = countByRule(csv(after.resolve("findings.csv")));
        int oldFreq = oldCounts.getOrDefault("NM-PROG-FREQ", 0);
        int newFreq = newCounts.getOrDefault("NM-PROG-FREQ", 0);
        assertTrue(oldFreq > 0 && newFreq > oldFreq, "a wider window flags more lines: " + oldFreq + " -> " + newFreq);
        Map<String, String> expected = new TreeMap<>();
        oldCounts.forEach((rule, n) -> expected.put(rule, "0 0 0 " + n));
        expected.put("NM-PROG-FREQ", (newFreq - oldFreq) + " 0 " + oldFreq + " 0");
        assertEquals(expected, statusCountsByRule(csv(after.resolve("diff.csv"))));
        assertEquals(oldCounts.keySet(), newCounts.keySet());

        String newId = csv(after.resolve("diff.csv")).get(0).get("finding_id");
        CliRun explain = CliRun.of("explain", newId, "--report", after.toString());
        assertEquals(0, explain.exitCode(), explain::toString);
        assertTrue(explain.out().contains("programming_window_days = 45"), explain.out());
    }

    private static String id(String claimId) {
        return org.nmaudit.findings.FindingId.ofLine("NM-PROG-FREQ", claimId, 1);
    }

    /** "new absent updated unchanged" counts per rule of a diff.csv. */
    private static Map<String, String> statusCountsByRule(List<CSVRecord> rows) {
        Map<String, int[]> counts = new TreeMap<>();
        List<String> statuses = List.of("new", "absent", "updated", "unchanged");
        for (CSVRecord r : rows) {
            counts.computeIfAbsent(r.get("rule_id"), k -> new int[4])[statuses.indexOf(r.get("status"))]++;
        }
        Map<String, String> out = new TreeMap<>();
        counts.forEach((rule, c) -> out.put(rule, c[0] + " " + c[1] + " " + c[2] + " " + c[3]));
        return out;
    }

    private static Map<String, Integer> countByRule(List<CSVRecord> findings) {
        Map<String, Integer> m = new TreeMap<>();
        findings.forEach(r -> m.merge(r.get("rule_id"), 1, Integer::sum));
        return m;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).getRecords();
    }
}
