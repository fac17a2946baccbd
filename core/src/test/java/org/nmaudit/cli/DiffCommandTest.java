package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.ReportFixture;

/**
 * {@code nmaudit diff} on hand-made report folders: each label, the counts, diff.csv, what it says about
 * the two runs, and the reports it cannot read.
 */
class DiffCommandTest {
    static final String DIFF_HEADER = "status,finding_id,rule_id,scope,claim_id,line_number,patient_id,rendering_npi,"
            + "service_date,old_severity,new_severity,old_amount_at_risk,new_amount_at_risk,old_message,new_message";

    @TempDir
    Path tmp;

    /**
     * Old: a finding that goes away (absent), one whose message changes and one whose severity changes
     * (updated), a line and a provider finding that stay (unchanged). New adds two lines and a provider.
     */
    private ReportFixture oldReport() {
        return ReportFixture.in(tmp.resolve("old"))
                .line("3000000000000002", "NM-PROG-FREQ", "MEDIUM", "C1", 2, "Too soon: 20.")
                .line("4000000000000010", "NM-PROG-FREQ", "MEDIUM", "C1", 10, "Too soon: 30.")
                .line("5000000000000001", "NM-TRIAL-DOC", "HIGH", "C2", 1, "No trial.")
                .line("6000000000000001", "NM-TRIAL-DOC", "HIGH", "C3", 1, "No trial.")
                .provider("7000000000000001", "NM-RATIO", "HIGH", "1326464595", "Low.");
    }

    private ReportFixture newReport() {
        return ReportFixture.in(tmp.resolve("new")).draftRules("rules-draft", 45)
                .line("1000000000000012", "NM-PROG-FREQ", "MEDIUM", "C1", 12, "Too soon: 41.")
                .line("1000000000000003", "NM-PROG-FREQ", "MEDIUM", "C1", 3, "Too soon: 40.")
                .line("4000000000000010", "NM-PROG-FREQ", "MEDIUM", "C1", 10, "Too soon: 45.")
                .line("5000000000000001", "NM-TRIAL-DOC", "MEDIUM", "C2", 1, "No trial.")
                .line("6000000000000001", "NM-TRIAL-DOC", "HIGH", "C3", 1, "No trial.")
                .provider("7000000000000001", "NM-RATIO", "HIGH", "1326464595", "Low.")
                .provider("2000000000000002", "NM-RATIO", "HIGH", "1245319599", "Low too.");
    }

    private CliRun diff(Path older, Path newer, String... options) {
        String[] args = new String[3 + options.length];
        args[0] = "diff";
        args[1] = older.toString();
        args[2] = newer.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.of(args);
    }

    @Test
    void labelsEveryFindingCountsPerRuleAndListsTheChangedOnes() {
        Path older = oldReport().write();
        Path newer = newReport().write();
        CliRun run = diff(older, newer);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        assertEquals(List.of(
                "Old report: " + older + " (as of 2025-12-31, data data/sample, rules rules)",
                "New report: " + newer + " (as of 2025-12-31, data data/sample, rules rules-draft)",
                "Rules folder: rules -> rules-draft",
                "Rule files changed: parameters.properties",
                "Parameters changed: programming_window_days 30 -> 45",
                "Findings: 5 in the old report, 7 in the new",
                "",
                "rule_id            new    absent   updated unchanged",
                "NM-PROG-FREQ         2         1         1         0",
                "NM-RATIO             1         0         0         1",
                "NM-TRIAL-DOC         0         0         1         1",
                "all rules            3         1         2         2",
                "",
                "Changed findings: 6. Every finding: " + newer.resolve("diff.csv"),
                "  new       1000000000000003  NM-PROG-FREQ  claim C1 line 3",
                "      now  MEDIUM  Too soon: 40.",
                "  new       1000000000000012  NM-PROG-FREQ  claim C1 line 12",
                "      now  MEDIUM  Too soon: 41.",
                "  new       2000000000000002  NM-RATIO  rendering NPI 1245319599",
                "      now  HIGH  Low too.",
                "  absent    3000000000000002  NM-PROG-FREQ  claim C1 line 2",
                "      was  MEDIUM  Too soon: 20.",
                "  updated   4000000000000010  NM-PROG-FREQ  claim C1 line 10",
                "      was  MEDIUM  Too soon: 30.",
                "      now  MEDIUM  Too soon: 45.",
                "  updated   5000000000000001  NM-TRIAL-DOC  claim C2 line 1",
                "      was  HIGH  No trial.",
                "      now  MEDIUM  No trial."), run.out().lines().toList());
    }

    @Test
    void diffCsvHasEveryFindingOfBothReportsByStatusRuleAndClaimLine() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        assertEquals(0, diff(older, newer).exitCode());
        String rest = "P1,1234567893,2025-03-04,";
        assertEquals(List.of(DIFF_HEADER,
                "new,1000000000000003,NM-PROG-FREQ,LINE,C1,3," + rest + ",MEDIUM,,100.00,,Too soon: 40.",
                "new,1000000000000012,NM-PROG-FREQ,LINE,C1,12," + rest + ",MEDIUM,,100.00,,Too soon: 41.",
                "new,2000000000000002,NM-RATIO,PROVIDER,,,,1245319599,,,HIGH,,100.00,,Low too.",
                "absent,3000000000000002,NM-PROG-FREQ,LINE,C1,2," + rest + "MEDIUM,,100.00,,Too soon: 20.,",
                "updated,4000000000000010,NM-PROG-FREQ,LINE,C1,10," + rest
                        + "MEDIUM,MEDIUM,100.00,100.00,Too soon: 30.,Too soon: 45.",
                "updated,5000000000000001,NM-TRIAL-DOC,LINE,C2,1," + rest
                        + "HIGH,MEDIUM,100.00,100.00,No trial.,No trial.",
                "unchanged,7000000000000001,NM-RATIO,PROVIDER,,,,1326464595,,HIGH,HIGH,100.00,100.00,Low.,Low.",
                "unchanged,6000000000000001,NM-TRIAL-DOC,LINE,C3,1," + rest
                        + "HIGH,HIGH,100.00,100.00,No trial.,No trial."),
                Files.readAllLines(newer.resolve("diff.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void limitCutsTheConsoleListButNotDiffCsv() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        CliRun run = diff(older, newer, "--limit", "1");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        int at = lines.indexOf("Changed findings: 6 (the first 1 listed; --limit N for more). Every finding: "
                + newer.resolve("diff.csv"));
        assertTrue(at > 0, run.out());
        assertEquals(List.of("  new       1000000000000003  NM-PROG-FREQ  claim C1 line 3",
                "      now  MEDIUM  Too soon: 40."), lines.subList(at + 1, lines.size()));
        assertEquals(9, Files.readAllLines(newer.resolve("diff.csv")).size());

        run = diff(older, newer, "--limit", "0");
        lines = run.out().lines().toList();
        assertEquals("Changed findings: 6 (--limit 0: none listed). Every finding: " + newer.resolve("diff.csv"),
                lines.get(lines.size() - 1));
    }

    @Test
    void outChoosesTheFileOrTheFolderOfDiffCsv() {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Path file = tmp.resolve("elsewhere/compare.csv");
        CliRun run = diff(older, newer, "--out", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.isRegularFile(file));
        assertFalse(Files.exists(newer.resolve("diff.csv")));
        assertTrue(run.out().contains("Every finding: " + file), run.out());
        run = diff(older, newer, "--out", tmp.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.isRegularFile(tmp.resolve("diff.csv")));
    }

    @Test
    void twoReportsOfTheSameRunChangeNothing() throws IOException {
        Path older = oldReport().write();
        CliRun run = diff(older, older);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("Rules, parameters and reference data: the same in both runs", lines.get(2));
        assertEquals("all rules            0         0         0         5", lines.get(lines.size() - 3));
        assertEquals("No finding is new, absent or updated. Every finding: " + older.resolve("diff.csv"),
                lines.get(lines.size() - 1));
        assertEquals(6, Files.readAllLines(older.resolve("diff.csv")).size());
    }

    @Test
    void reportsWithoutFindingsGiveAnEmptyTableAndAHeaderOnlyDiffCsv() throws IOException {
        Path older = ReportFixture.in(tmp.resolve("a")).write();
        Path newer = ReportFixture.in(tmp.resolve("b")).write();
        CliRun run = diff(older, newer);
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("Findings: 0 in the old report, 0 in the new", "",
                "rule_id         new    absent   updated unchanged",
                "all rules         0         0         0         0", "",
                "No finding is new, absent or updated. Every finding: " + newer.resolve("diff.csv")),
                lines.subList(3, lines.size()));
        assertEquals(List.of(DIFF_HEADER), Files.readAllLines(newer.resolve("diff.csv")));
    }

    @Test
    void anAuditIntoTheNewReportFolderRemovesTheDiffCsvThatComparedItsEarlierRun() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        assertEquals(0, diff(older, newer).exitCode());
        assertTrue(Files.isRegularFile(newer.resolve("diff.csv")));
        org.nmaudit.input.DataFolder.in(tmp.resolve("data")).claims(org.nmaudit.input.DataFolder.claim().toString());
        CliRun audit = CliRun.of("audit", tmp.resolve("data").toString(), "--out", newer.toString());
        assertEquals(0, audit.exitCode(), audit::toString);
        assertFalse(Files.exists(newer.resolve("diff.csv")), "a stale diff.csv would describe the earlier run");
    }

    // ---- how the runs differ --------------------------------------------------------------------------

    @Test
    void differentDataIsWarnedAboutButStillCompared() {
        Path older = oldReport().input("trial-outcomes.csv", null).write();
        Path newer = newReport().set("as_of", "2026-01-31").set("data_folder", "data/other")
                .input("claims.csv", "c2c2c2c2c2c2c2c2c2").input("trial-outcomes.csv", "f0f0").write();
        CliRun run = diff(older, newer);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of(
                "warning: the runs have different as-of dates (2025-12-31 in the old report, 2026-01-31 in the new):"
                        + " trial statuses and conversion ratios depend on it",
                "warning: the runs audited different data folders (data/sample in the old report, data/other in the"
                        + " new)",
                "warning: input file claims.csv differs (SHA-256 c1c1 in the old report, c2c2c2c2c2c2... in the new)",
                "warning: input file trial-outcomes.csv was read only by the new run",
                "warning: a diff of different data is usually a mistake: findings may change because the data did,"
                        + " not the rules; compare two audits of the same data folder and as-of date"),
                run.err().lines().toList());
        assertTrue(run.out().contains("all rules            3         1         2         2"), run.out());
    }

    @Test
    void theSameFilesInAnotherDataFolderAreSaidToBeTheSame() {
        Path older = oldReport().write();
        Path newer = newReport().set("data_folder", "/copy/of/sample").write();
        CliRun run = diff(older, newer);
        assertEquals(List.of(
                "warning: the runs audited different data folders (data/sample in the old report, /copy/of/sample in"
                        + " the new), holding the same files",
                "warning: a diff of different data is usually a mistake: findings may change because the data did,"
                        + " not the rules; compare two audits of the same data folder and as-of date"),
                run.err().lines().toList());
    }

    @Test
    void namesRuleFilesAddedAndRemovedRulesRunReferenceDataAndVersion() {
        Path older = oldReport().ruleFile("rules/old-only.drl", "0101").set("version", "0.1.0")
                .set("reference_folder", "data/reference")
                .set("reference_files", List.of(Map.of("file", "fee-schedule.csv", "present", true, "sha256", "f1")))
                .set("rule_selection", Map.of("finding_rules_run", List.of("NM-PROG-FREQ", "NM-UNITS"))).write();
        Path newer = newReport().ruleFile("rules-draft/new-only.drl", "0202").set("version", "0.2.0")
                .set("reference_folder", "my-reference")
                .set("reference_files", List.of(Map.of("file", "fee-schedule.csv", "present", true, "sha256", "f2")))
                .set("rule_selection", Map.of("finding_rules_run", List.of("NM-PROG-FREQ", "NM-RATIO"))).write();
        CliRun run = diff(older, newer);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        assertEquals(List.of(
                "nmaudit version: 0.1.0 -> 0.2.0",
                "Rules folder: rules -> rules-draft",
                "Rule files changed: parameters.properties",
                "Rule files only in the new run: new-only.drl",
                "Rule files only in the old run: old-only.drl",
                "Parameters changed: programming_window_days 30 -> 45",
                "Finding rules run only in the old report (--only, --disable, or removed): NM-UNITS",
                "Finding rules run only in the new report (--only, --disable, or added): NM-RATIO",
                "Reference folder: data/reference -> my-reference",
                "Reference file fee-schedule.csv differs (SHA-256 f1 in the old report, f2 in the new)"),
                run.out().lines().toList().subList(2, 12));
    }

    @Test
    void aParameterWrittenDifferentlyWithTheSameValueIsNoChange() {
        Path older = ReportFixture.in(tmp.resolve("old"))
                .parameter("ratio_threshold", new java.math.BigDecimal("0.50"), "p:1").write();
        Path newer = ReportFixture.in(tmp.resolve("new"))
                .parameter("ratio_threshold", new java.math.BigDecimal("0.5"), "p:1").write();
        CliRun run = diff(older, newer);
        assertEquals("Rules, parameters and reference data: the same in both runs", run.out().lines().toList().get(2));
    }

    // ---- reports it cannot read ---------------------------------------------------------------------------

    private void assertUnreadable(CliRun run, Path newer, String message) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals(List.of("nmaudit diff: " + message), run.err().lines().toList());
        assertFalse(Files.exists(newer.resolve("diff.csv")), "nothing is written");
    }

    @Test
    void aReportFolderThatDoesNotExistExits2NamingIt() {
        Path newer = newReport().write();
        Path missing = tmp.resolve("reports/before");
        assertUnreadable(diff(missing, newer), newer, "report folder " + missing + " does not exist; give the folder"
                + " an audit wrote (its --out, by default reports/<yyyy-MM>)");
    }

    @Test
    void aReportWithoutRunJsonExits2NamingTheFile() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Files.delete(newer.resolve("run.json"));
        assertUnreadable(diff(older, newer), newer, "report folder " + newer + " has no run.json; is it the folder an"
                + " audit wrote (its --out)?");
    }

    @Test
    void aReportWithoutFindingsCsvExits2NamingTheFile() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Files.delete(older.resolve("findings.csv"));
        assertUnreadable(diff(older, newer), newer, "report folder " + older + " has no findings.csv; is it the"
                + " folder an audit wrote (its --out)?");
    }

    @Test
    void aFindingsCsvWithoutAColumnOfTheContractExits2NamingFileAndColumn() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Files.writeString(older.resolve("findings.csv"), "finding_id,rule_id,severity\nabc,NM-X,HIGH\n");
        assertUnreadable(diff(older, newer), newer, older.resolve("findings.csv") + " has no column scope, claim_id,"
                + " line_number, patient_id, rendering_npi, service_date, amount_at_risk, message, citation; a"
                + " findings.csv starts with the header " + ReportFixture.HEADER);
    }

    @Test
    void anEmptyFindingsCsvExits2() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Files.writeString(newer.resolve("findings.csv"), "");
        assertUnreadable(diff(older, newer), newer, newer.resolve("findings.csv") + " is empty; an audit writes at"
                + " least its header line (" + ReportFixture.HEADER + ")");
    }

    @Test
    void aFindingsCsvWithARowCutShortExits2() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Files.writeString(newer.resolve("findings.csv"), ReportFixture.HEADER + "\nabc,NM-X,HIGH\n");
        assertUnreadable(diff(older, newer), newer, newer.resolve("findings.csv") + " row 1 after the header has 3"
                + " fields where the header has 12; the file is damaged (was it edited by hand?)");
    }

    @Test
    void aFindingsCsvWithBrokenQuotingExits2() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Files.writeString(newer.resolve("findings.csv"), ReportFixture.HEADER
                + "\nabc,NM-X,HIGH,LINE,C1,1,P1,1234567893,2025-03-04,1.00,\"never closed,x\n");
        CliRun run = diff(older, newer);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("nmaudit diff: " + newer.resolve("findings.csv") + " is not a well-formed CSV file"
                + " ((startline 2) EOF reached before encapsulated token finished); it is not a findings.csv nmaudit"
                + " wrote"), run.err().lines().toList());
    }

    @Test
    void aFindingsCsvListingAFindingTwiceExits2() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        List<String> lines = Files.readAllLines(newer.resolve("findings.csv"));
        Files.write(newer.resolve("findings.csv"), List.of(lines.get(0), lines.get(1), lines.get(2), lines.get(1)));
        assertUnreadable(diff(older, newer), newer, newer.resolve("findings.csv") + " lists finding 1000000000000012"
                + " twice (rows 1 and 3 after the header); an audit writes each finding once");
    }

    @Test
    void aFindingsCsvThatIsNotUtf8Exits2() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Files.write(newer.resolve("findings.csv"), new byte[] {'f', (byte) 0xff, '\n'});
        assertUnreadable(diff(older, newer), newer, newer.resolve("findings.csv") + " is not UTF-8 text; it is not a"
                + " findings.csv nmaudit wrote");
    }

    @Test
    void aRunJsonThatIsNotJsonExits2NamingTheFile() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Files.writeString(older.resolve("run.json"), "{\"tool\": \"nmaudit\",");
        CliRun run = diff(older, newer);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("nmaudit diff: " + older.resolve("run.json") + " is not a run.json nmaudit"
                + " wrote: it is not valid JSON (line 1, column "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void aRunJsonOfAnotherToolExits2NamingTheFile() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Files.writeString(older.resolve("run.json"), "{\"as_of\": \"2025-12-31\"}");
        assertUnreadable(diff(older, newer), newer, older.resolve("run.json") + " is not the run record of an nmaudit"
                + " audit (no \"tool\": \"nmaudit\")");
    }

    @Test
    void aNegativeLimitIsAUsageError() {
        Path older = oldReport().write();
        Path newer = newReport().write();
        assertUnreadable(diff(older, newer, "--limit", "-1"), newer, "--limit must be 0 or more, got -1");
    }

    @Test
    void aDiffCsvThatCannotBeWrittenExits2() throws IOException {
        Path older = oldReport().write();
        Path newer = newReport().write();
        Path aFile = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun run = diff(older, newer, "--out", aFile.resolve("diff.csv").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("nmaudit diff: cannot write " + aFile.resolve("diff.csv") + ": already exists (" + aFile + ");"
                + " choose another file with --out\n", run.err());
    }

    @Test
    void helpListsTheExitCodesAndOptions() {
        CliRun run = CliRun.of("diff", "--help");
        assertEquals(0, run.exitCode());
        for (String code : List.of("0", "1", "2")) {
            assertTrue(Pattern.compile("(?m)^\\s*" + code + "\\s+\\S").matcher(run.out()).find(), run.out());
        }
        for (String code : List.of("4", "5")) {
            assertFalse(Pattern.compile("(?m)^\\s*" + code + "\\s+\\S").matcher(run.out()).find(), run.out());
        }
        assertTrue(run.out().contains("--limit") && run.out().contains("--out"), run.out());
        assertTrue(CliRun.of("--help").out().contains("diff"));
    }
}
