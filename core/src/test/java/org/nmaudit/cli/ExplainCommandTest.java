package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.DataFolder.claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.ReportFixture;

/** {@code nmaudit explain}: one finding from the report folder alone, exit codes and the messages around it. */
class ExplainCommandTest {
    /** The one finding of {@link #auditOneFinding}: NM-TRIAL-DOC on claim I1 line 1. */
    static final String ID = "bf504112cca0c597";
    static final String CITATION = "NCD 160.7 and LCD L37632: a permanent implant needs a successful trial documented"
            + " (at least 50% pain relief or 50% less analgesics, and functional improvement); OIG A-01-18-00500";

    @TempDir
    Path tmp;

    /** A new implant with no trial at all: one NM-TRIAL-DOC finding; the data folder is removed afterwards. */
    private Path auditOneFinding(String... options) throws IOException {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("report");
        DataFolder.in(data).claims(
                claim("T1", "1").set("patient_id", "P1").set("cpt_code", "63650").set("service_date", "2025-01-10")
                        .toString(),
                claim("I1", "1").set("patient_id", "P2").set("cpt_code", "63685").set("service_date", "2025-02-20")
                        .set("place_of_service", "24").set("billed_amount", "$29,617.00").toString())
                .file("psych-evaluations.csv", "patient_id,evaluation_date", "P1,2024-12-01");
        List<String> args = new ArrayList<>(List.of("audit", data.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        CliRun audit = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, audit.exitCode(), audit::toString);
        AuditCommandTest.deleteTree(data);
        return out;
    }

    @Test
    void explainsAFindingFromTheReportFolderAlone() throws IOException {
        Path report = auditOneFinding();
        CliRun run = CliRun.of("explain", ID, "--report", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of(
                "Finding bf504112cca0c597: NM-TRIAL-DOC, severity HIGH",
                "NO_TRIAL: new SCS generator implant on 2025-02-20 has no trial episode in the 180 days before it (the"
                        + " patient has no earlier trial at all).",
                "",
                "Subject:    claim I1 line 1, patient P2, rendering NPI 1234567893, service date 2025-02-20",
                "At risk:    $29,617.00",
                "",
                "Rule:       NM-TRIAL-DOC: new implant and the patient has no trial at all",
                "Written at: rules/trials.drl:" + declarationLine("rules/trials.drl",
                        "NM-TRIAL-DOC: new implant and the patient has no trial at all"),
                "Citation:   " + CITATION,
                "",
                "Parameters the rule used:",
                "  conversion_window_days = 180   from rules/parameters.properties:"
                        + parameterLine("conversion_window_days"),
                "",
                "Evidence, the facts the rule matched:",
                "  1. New implant on 2025-02-20 for patient P2 (no earlier implant, no replacement diagnosis, no 63688)",
                "  2. Claim I1 line 1: 63685 on 2025-02-20 for patient P2, rendered by 1234567893 (professional,"
                        + " MEDICARE), billed $29,617.00, not paid",
                "     units 1; place of service 24; claims.csv line 3",
                "",
                "Run:        as of 2025-02-20 (latest service_date); data folder " + tmp.resolve("data")
                        + "; rules folder rules",
                "Parameters: values from rules/parameters.properties (no --param override)"), lines.subList(0, 20));
        assertEquals(21, lines.size(), run.out());
        assertTrue(Pattern.matches("Report: {5}" + Pattern.quote(report.toString())
                + " \\(nmaudit \\S+, finished \\d{4}-\\d\\d-\\d\\dT\\S+\\)", lines.get(20)), lines.get(20));
    }

    @Test
    void anUnambiguousPrefixInAnyCaseIsEnough() throws IOException {
        Path report = auditOneFinding();
        CliRun full = CliRun.of("explain", ID, "--report", report.toString());
        CliRun prefix = CliRun.of("explain", "BF5041", "--report", report.toString());
        assertEquals(0, prefix.exitCode(), prefix::toString);
        assertEquals(full.out(), prefix.out());
    }

    @Test
    void aParamOverrideIsNamedAsTheValuesSource() throws IOException {
        Path report = auditOneFinding("--param", "conversion_window_days=200");
        CliRun run = CliRun.of("explain", ID, "--report", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains("  conversion_window_days = 200   from --param"), run.out());
        assertTrue(lines.contains("Parameters: values from rules/parameters.properties; --param overrides:"
                + " conversion_window_days=200"), run.out());
    }

    @Test
    void aProviderFindingOfAHandMadeReport() {
        Path report = ReportFixture.in(tmp.resolve("r"))
                .provider("0e687112f3e5e296", "NM-RATIO", "HIGH", "1326464595", "Converted 4 of 42.")
                .lastFinding("parameters", Map.of("ratio_threshold", new java.math.BigDecimal("0.50")))
                .lastFinding("evidence", List.of(Map.of("fact", "RatedPhysician", "rendering_npi", "1326464595")))
                .parameter("ratio_threshold", new java.math.BigDecimal("0.50"), "rules/parameters.properties:16")
                .write();
        CliRun run = CliRun.of("explain", "0E68", "--report", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of(
                "Finding 0e687112f3e5e296: NM-RATIO, severity HIGH",
                "Converted 4 of 42.",
                "",
                "Subject:    rendering NPI 1326464595 (a finding on the provider, not on one claim line)",
                "At risk:    $100.00",
                "",
                "Rule:       NM-RATIO: the rule",
                "Written at: rules/programming.drl:13",
                "Citation:   citation of NM-RATIO",
                "",
                "Parameters the rule used:",
                "  ratio_threshold = 0.50   from rules/parameters.properties:16",
                "",
                "Evidence, the facts the rule matched:",
                "  1. Rendering NPI 1326464595 owns trials seen on a professional claim, so the conversion ratio rates it",
                "",
                "Run:        as of 2025-12-31 (latest service_date); data folder data/sample; rules folder rules",
                "Parameters: values from rules/parameters.properties (no --param override)",
                "Report:     " + report + " (nmaudit 0.1.0, finished 2026-01-02T03:04:05Z)"), run.out().lines().toList());
    }

    @Test
    void aFactTypeExplainDoesNotKnowIsListedAsKeyValuePairs() {
        Path report = ReportFixture.in(tmp.resolve("r"))
                .line("abc1000000000001", "NM-REGISTRY", "LOW", "C1", 1, "Not in the registry.")
                .lastFinding("evidence", List.of(Map.of("fact", "ImplantRegistryEntry", "device", "IPG-9")))
                .write();
        CliRun run = CliRun.of("explain", "abc1", "--report", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().toList().contains("  1. ImplantRegistryEntry: device=IPG-9"), run.out());
        assertTrue(run.out().lines().toList().contains("Parameters the rule used: none"), run.out());
    }

    @Test
    void aReportWrittenBeforeRuleLinesWereRecordedNamesTheFileOnly() {
        Path report = ReportFixture.in(tmp.resolve("r"))
                .line("abc1000000000001", "NM-PROG-FREQ", "MEDIUM", "C1", 1, "Too often.")
                .lastFinding("rule_line", null).ruleListWithoutLines().write();
        CliRun run = CliRun.of("explain", "abc1", "--report", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().toList().contains("Written at: rules/programming.drl (the line is not recorded:"
                + " an older nmaudit wrote this report)"), run.out());
    }

    @Test
    void theRunsRuleListGivesTheLineWhenTheFindingDoesNot() {
        Path report = ReportFixture.in(tmp.resolve("r"))
                .line("abc1000000000001", "NM-PROG-FREQ", "MEDIUM", "C1", 1, "Too often.")
                .lastFinding("rule_line", null).write();
        CliRun run = CliRun.of("explain", "abc1", "--report", report.toString());
        assertTrue(run.out().lines().toList().contains("Written at: rules/programming.drl:13"), run.out());
    }

    // ---- ids that name no single finding ----------------------------------------------------------------

    private Path twoSimilarIds() {
        return ReportFixture.in(tmp.resolve("r"))
                .line("abc1000000000001", "NM-PROG-FREQ", "MEDIUM", "C1", 1, "Too often.")
                .provider("abc2000000000002", "NM-RATIO", "HIGH", "1326464595", "Low ratio.")
                .line("fff0000000000000", "NM-PROG-FREQ", "MEDIUM", "C2", 1, "Too often.")
                .write();
    }

    @Test
    void anAmbiguousPrefixExits2ListingTheFindingsItStarts() {
        Path report = twoSimilarIds();
        CliRun run = CliRun.of("explain", "ABC", "--report", report.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals(List.of(
                "nmaudit explain: abc starts 2 finding ids in " + report.resolve("findings.json")
                        + "; give more digits:",
                "  abc1000000000001  NM-PROG-FREQ  claim C1 line 1",
                "  abc2000000000002  NM-RATIO  rendering NPI 1326464595"), run.err().lines().toList());
    }

    @Test
    void anUnknownIdExits2WithTheNearestIdsAndWhereToListThem() {
        Path report = twoSimilarIds();
        CliRun run = CliRun.of("explain", "abc1000000000009", "--report", report.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of(
                "nmaudit explain: no finding abc1000000000009 in " + report.resolve("findings.json") + " (3 findings)",
                "Nearest ids:",
                "  abc1000000000001  NM-PROG-FREQ  claim C1 line 1",
                "  abc2000000000002  NM-RATIO  rendering NPI 1326464595",
                "The finding ids are the first column of " + report.resolve("findings.csv") + ".",
                "A finding that diff lists as new is only in the newer report, one it lists as absent only in the"
                        + " older: explain it with --report set to the report that holds it."),
                run.err().lines().toList());
    }

    @Test
    void anUnknownIdWithNothingNearSaysWhereToListTheIds() {
        Path report = twoSimilarIds();
        CliRun run = CliRun.of("explain", "0123", "--report", report.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of(
                "nmaudit explain: no finding 0123 in " + report.resolve("findings.json") + " (3 findings)",
                "The finding ids are the first column of " + report.resolve("findings.csv") + ".",
                "A finding that diff lists as new is only in the newer report, one it lists as absent only in the"
                        + " older: explain it with --report set to the report that holds it."),
                run.err().lines().toList());
    }

    @Test
    void textThatIsNotHexadecimalIsNoFindingId() {
        Path report = twoSimilarIds();
        CliRun run = CliRun.of("explain", "P00000017", "--report", report.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("nmaudit explain: 'P00000017' is not a finding id: finding ids are 16 hexadecimal digits"
                + " (0-9, a-f), the first column of " + report.resolve("findings.csv")), run.err().lines().toList());
    }

    // ---- report folders that cannot be read ---------------------------------------------------------------

    @Test
    void aReportFolderThatDoesNotExistExits2NamingIt() {
        Path missing = tmp.resolve("nowhere");
        CliRun run = CliRun.of("explain", ID, "--report", missing.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("nmaudit explain: report folder " + missing + " does not exist; give the folder an audit"
                + " wrote (its --out, by default reports/<yyyy-MM>)"), run.err().lines().toList());
    }

    @Test
    void aFileInsteadOfAFolderExits2() throws IOException {
        Path file = Files.writeString(tmp.resolve("findings.csv"), ReportFixture.HEADER + "\n");
        CliRun run = CliRun.of("explain", ID, "--report", file.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("nmaudit explain: " + file + " is a file, not a report folder; give the folder an audit"
                + " wrote (the one holding findings.csv and run.json)"), run.err().lines().toList());
    }

    @Test
    void aFolderWithoutFindingsJsonExits2NamingTheFile() throws IOException {
        Path report = twoSimilarIds();
        Files.delete(report.resolve("findings.json"));
        CliRun run = CliRun.of("explain", ID, "--report", report.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("nmaudit explain: report folder " + report + " has no findings.json; is it the folder an"
                + " audit wrote (its --out)?"), run.err().lines().toList());
    }

    @Test
    void theFolderOfAStrictRunWithRejectsSaysWhyItHoldsNoFindings() throws IOException {
        Path report = Files.createDirectories(tmp.resolve("strict"));
        Files.writeString(report.resolve("rejects.csv"), "file,line,column,value,reason\n");
        CliRun run = CliRun.of("explain", ID, "--report", report.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("nmaudit explain: report folder " + report + " has no findings.json; only rejects.csv is"
                + " there, as after an audit --strict that rejected rows: fix the rows, or audit without --strict"),
                run.err().lines().toList());
    }

    @Test
    void aFindingsJsonThatIsNotJsonExits2NamingTheFile() throws IOException {
        Path report = twoSimilarIds();
        Files.writeString(report.resolve("findings.json"), "{\"run\": {\"tool\": \"nmaudit\"}, \"findings\": [ {,");
        CliRun run = CliRun.of("explain", ID, "--report", report.toString());
        assertEquals(2, run.exitCode(), run::toString);
        String err = run.err().strip();
        assertTrue(err.startsWith("nmaudit explain: " + report.resolve("findings.json") + " is not a findings.json"
                + " nmaudit wrote: it is not valid JSON (line 1, column "), err);
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void jsonThatIsNotAFindingsJsonExits2SayingWhatIsMissing() throws IOException {
        Path report = twoSimilarIds();
        Files.writeString(report.resolve("findings.json"), "[1, 2]");
        CliRun run = CliRun.of("explain", ID, "--report", report.toString());
        assertEquals(List.of("nmaudit explain: " + report.resolve("findings.json") + " is not a findings.json nmaudit"
                + " wrote: it does not hold a JSON object"), run.err().lines().toList());
        Files.writeString(report.resolve("findings.json"), "{\"run\": {\"tool\": \"nmaudit\"}}");
        run = CliRun.of("explain", ID, "--report", report.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("nmaudit explain: " + report.resolve("findings.json") + " is not a findings.json nmaudit"
                + " wrote: it has no \"findings\" list"), run.err().lines().toList());
        Files.writeString(report.resolve("findings.json"), "{\"findings\": []}");
        run = CliRun.of("explain", ID, "--report", report.toString());
        assertEquals(List.of("nmaudit explain: " + report.resolve("findings.json") + " is not a findings.json nmaudit"
                + " wrote: it has no \"run\" record"), run.err().lines().toList());
    }

    @Test
    void withoutReportTheUsageErrorExits2() {
        CliRun run = CliRun.of("explain", ID);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--report"), run.err());
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of("explain", "--help");
        assertEquals(0, run.exitCode());
        for (String code : List.of("0", "1", "2")) {
            assertTrue(Pattern.compile("(?m)^\\s*" + code + "\\s+\\S").matcher(run.out()).find(), run.out());
        }
        for (String code : List.of("4", "5")) {
            assertFalse(Pattern.compile("(?m)^\\s*" + code + "\\s+\\S").matcher(run.out()).find(), run.out());
        }
        assertTrue(CliRun.of("--help").out().contains("explain"));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** The 1-based line of {@code rule "NAME"} in a rules file of the project. */
    static int declarationLine(String file, String ruleName) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("rule \"" + ruleName + "\"")) {
                return i + 1;
            }
        }
        throw new AssertionError("no rule \"" + ruleName + "\" in " + file);
    }

    /** The 1-based line of a parameter in rules/parameters.properties. */
    static int parameterLine(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("rules/parameters.properties"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(name + " ")) {
                return i + 1;
            }
        }
        throw new AssertionError("no parameter " + name);
    }
}
