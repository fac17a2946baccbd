package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.RulesCopy;

/**
 * {@code nmaudit rules test} on cases written here, in a copy of the rules: what a passing, failing,
 * todo, malformed and dirty case prints, --only, case.properties, and the rules no case covers.
 */
class RulesTestCommandTest {
    private static final String HEADER = "rule_id,claim_id,line_number,rendering_npi,status\n";
    private static final String CLAIMS = "claim_id,line_number,patient_id,payer_type,rendering_npi,service_date,cpt_code,"
            + "diagnosis_codes\n";
    /** Two analyses 19 days apart (NM-PROG-FREQ flags C2) and a diagnosis before it existed (NM-DX-EFFECTIVE, C3). */
    private static final String TWO_ANALYSES = CLAIMS
            + "C1,1,P1,MEDICARE,1234567893,2025-03-01,95970,\n"
            + "C2,1,P1,MEDICARE,1234567893,2025-03-20,95970,\n";
    private static final String PROG_FREQ_C2 = "NM-PROG-FREQ claim C2 line 1: 95970 on 2025-03-20 is 19 days after the"
            + " previous analysis/programming line (claim C1 line 1, 95970 on 2025-03-01); one is allowed every 30 days"
            + " outside the first month after an implant.";

    @TempDir
    Path tmp;

    private RulesCopy rules;
    private String r;

    @BeforeEach
    void copyRules() {
        rules = RulesCopy.in(tmp.resolve("r"));
        r = rules.display();
    }

    private void testCase(String name, String claims, String expected) {
        rules.write("tests/" + name + "/claims.csv", claims);
        rules.write("tests/" + name + "/expected-findings.csv", expected);
    }

    private CliRun test(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "rules";
        args[1] = "test";
        args[2] = "--rules";
        args[3] = r;
        System.arraycopy(options, 0, args, 4, options.length);
        return CliRun.of(args);
    }

    @Test
    void aFailingCaseShowsTheMissingAndTheUnexpectedFindings() {
        testCase("wrong-line", TWO_ANALYSES, HEADER + "NM-PROG-FREQ,C1,1,,\n");
        testCase("right-line", TWO_ANALYSES, HEADER + "NM-PROG-FREQ,C2,1,,\n");
        CliRun run = test("--only", "NM-PROG-FREQ");
        assertEquals(4, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "PASS right-line (1 finding)",
                "FAIL wrong-line (1 finding): 1 missing, 1 unexpected",
                "  missing: NM-PROG-FREQ claim C1 line 1 (expected-findings.csv:2)",
                "  unexpected: " + PROG_FREQ_C2,
                "2 case(s): 1 passed, 1 failed", ""), run.out());
        assertEquals("", run.err());
    }

    @Test
    void everyFindingOfACaseMustBeExpectedUnlessOnlyNamesARule() {
        String claims = TWO_ANALYSES + "C3,1,P1,MEDICARE,1234567893,2024-09-30,99213,M62.85\n";
        testCase("two-rules", claims, HEADER + "NM-DX-EFFECTIVE,C3,1,,\n");
        testCase("not-naming-dx", TWO_ANALYSES, HEADER + "NM-PROG-FREQ,C2,1,,\n");

        CliRun all = test();
        assertEquals(4, all.exitCode(), all::toString);
        assertTrue(all.out().startsWith(String.join("\n",
                "PASS not-naming-dx (1 finding)",
                "FAIL two-rules (2 findings): 1 unexpected",
                "  unexpected: " + PROG_FREQ_C2, "")), all.out());

        CliRun only = test("--only", "NM-DX-EFFECTIVE");
        assertEquals(0, only.exitCode(), only::toString);
        assertEquals("PASS two-rules (1 finding)\n1 case(s): 1 passed, 0 failed\n", only.out());
    }

    @Test
    void todoRowsAreKnownGapsOrAskToBeRemoved() {
        testCase("gap", TWO_ANALYSES, HEADER + "NM-PROG-FREQ,C2,1,,\nNM-PROG-REP,C1,1,,todo\n");
        testCase("fixed", TWO_ANALYSES, HEADER + "NM-PROG-FREQ,C2,1,,TODO\n");
        CliRun run = test("--only", "NM-PROG-FREQ");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "PASS fixed (1 finding)",
                "  todo now passes: remove the todo status: NM-PROG-FREQ claim C2 line 1 (expected-findings.csv:2)",
                "PASS gap (1 finding)",
                // "fixed" has only a todo row for NM-PROG-FREQ, but "gap" covers it.
                "2 case(s): 2 passed, 0 failed", ""), run.out());
    }

    @Test
    void aRuleWithOnlyTodoRowsIsCoveredByNoCase() {
        testCase("gap", TWO_ANALYSES, HEADER + "NM-PROG-FREQ,C2,1,,\nNM-PROG-REP,C1,1,,todo\n");
        int line = rules.lineOf("programming.drl", "rule \"NM-PROG-REP");
        CliRun run = test("--only", "NM-PROG-REP");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "PASS gap (0 findings)",
                "  todo (known gap): NM-PROG-REP claim C1 line 1 is not raised (expected-findings.csv:3)",
                r + "/programming.drl:" + line + ":1: warning: no test case in " + r + "/tests covers NM-PROG-REP (rule"
                        + " \"NM-PROG-REP: programming done by a manufacturer's representative alone\")",
                "1 case(s): 1 passed, 0 failed; 1 finding rule(s) covered by no case", ""), run.out());
    }

    @Test
    void everyUncoveredFindingRuleIsNamedWithItsFileAndLine() {
        testCase("prog-freq", TWO_ANALYSES, HEADER + "NM-PROG-FREQ,C2,1,,\n");
        CliRun run = test();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\n" + r + "/trials.drl:16:1: warning: no test case in " + r + "/tests covers"
                + " NM-RATIO (rule \"NM-RATIO: trial-to-permanent conversion ratio below the threshold\")\n"), run.out());
        assertTrue(run.out().endsWith("\n1 case(s): 1 passed, 0 failed; 18 finding rule(s) covered by no case\n"),
                run.out());
        assertEquals(18, run.out().lines().filter(l -> l.contains(": warning: no test case in ")).count());
    }

    @Test
    void aMalformedExpectedFindingsFileIsAnErrorLocatedByLine() {
        testCase("good", TWO_ANALYSES, HEADER + "NM-PROG-FREQ,C2,1,,\n");
        testCase("bad", TWO_ANALYSES, HEADER
                + "NM-PROG-FREQ,C1,x,,\n"
                + "NM-NOPE,C1,1,,\n"
                + "NM-PROG-FREQ,C1,1,1234567893,\n"
                + "NM-PROG-FREQ,C2,1,,maybe\n"
                + "NM-RATIO,,,,\n"
                + "nm-prog-freq,C3,1,,\n"
                + "NM-PROG-FREQ,C3,1,,\n");
        CliRun run = test("--only", "NM-PROG-FREQ");
        assertEquals(2, run.exitCode(), run::toString);
        String file = r + "/tests/bad/expected-findings.csv";
        assertEquals(String.join("\n",
                "PASS good (1 finding)",
                "ERROR bad: the case cannot run",
                file + ":2: line_number 'x' is not a whole number of 1 or more",
                file + ":3: rule_id NM-NOPE is not the @id of a finding rule (nmaudit rules list shows them)",
                file + ":4: give claim_id and line_number (a line finding) or rendering_npi (a provider finding), not"
                        + " both",
                file + ":5: status 'maybe' is not blank or todo (todo: a known gap that does not fail the run)",
                file + ":6: give claim_id and line_number (a line finding) or rendering_npi (a provider finding)",
                file + ":8: repeats the finding of line 7 (NM-PROG-FREQ claim C3 line 1); give each finding once",
                "2 case(s): 1 passed, 0 failed, 1 malformed", ""), run.out());
    }

    @Test
    void aMissingColumnAndAMissingFileAreErrors() {
        testCase("no-status-column", TWO_ANALYSES, "rule_id,claim_id,line_number,rendering_npi\nNM-PROG-FREQ,C2,1,\n");
        testCase("no-npi-column", TWO_ANALYSES, "rule_id,claim_id,line_number\nNM-PROG-FREQ,C2,1\n");
        rules.write("tests/no-file/claims.csv", TWO_ANALYSES);
        CliRun run = test("--only", "NM-PROG-FREQ");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "PASS no-status-column (1 finding)",
                "ERROR no-file: the case cannot run",
                r + "/tests/no-file/expected-findings.csv: not found; a case needs one (header rule_id,claim_id,"
                        + "line_number,rendering_npi,status and a row per finding the case must raise; no rows when it"
                        + " must raise none)",
                "ERROR no-npi-column: the case cannot run",
                r + "/tests/no-npi-column/expected-findings.csv:1: missing column(s) rendering_npi; the header is"
                        + " rule_id,claim_id,line_number,rendering_npi,status (status optional)",
                "3 case(s): 1 passed, 0 failed, 2 malformed", ""), run.out());
    }

    @Test
    void caseSettingsOverrideAParameterAndTheAsOfDate() {
        testCase("window-15", TWO_ANALYSES, HEADER);
        rules.write("tests/window-15/case.properties", "# 19 days apart is fine with a 15-day window\n"
                + "param.programming_window_days = 15\nas_of = 2025-12-31\n");
        CliRun run = test();
        assertTrue(run.out().startsWith("PASS window-15 (0 findings)\n"), run.out());
    }

    @Test
    void badCaseSettingsAreLocated() {
        testCase("bad-settings", TWO_ANALYSES, HEADER + "NM-PROG-FREQ,C2,1,,\n");
        rules.write("tests/bad-settings/case.properties", "as_of = 2025-02-30\nparam.no_such_days = 3\n"
                + "param.programming_window_days = soon\nwindow = 3\n");
        CliRun run = test("--only", "NM-PROG-FREQ");
        assertEquals(2, run.exitCode(), run::toString);
        String file = r + "/tests/bad-settings/case.properties";
        assertTrue(run.out().startsWith(String.join("\n",
                "ERROR bad-settings: the case cannot run",
                file + ":1: as_of '2025-02-30' is not a real date in yyyy-MM-dd form",
                file + ":2: param.no_such_days = 3: unknown parameter 'no_such_days'; known parameters: "
                        + "conversion_window_days, ")), run.out());
        assertTrue(run.out().contains("\n" + file + ":3: param.programming_window_days = soon: 'soon' is not a number;"
                + " programming_window_days takes a plain number such as 30 (digits, an optional - and . decimals)\n"
                + file + ":4: unknown setting 'window'; a case sets as_of and"
                + " param.NAME\n"), run.out());
    }

    @Test
    void rejectedInputRowsFailTheCaseWithTheRejectsShown() {
        testCase("dirty", TWO_ANALYSES + "C4,1,P2,MEDICARE,1234567890,2025-03-01,95970,\n",
                HEADER + "NM-PROG-FREQ,C2,1,,\n");
        CliRun run = test("--only", "NM-PROG-FREQ");
        assertEquals(4, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "FAIL dirty (1 finding): 1 input problem(s): a test case must be clean data",
                "  rejected: claims.csv:4: rendering_npi 1234567890 fails the NPI check digit",
                "1 case(s): 0 passed, 1 failed", ""), run.out());
    }

    @Test
    void rulesThatDoNotCompileRunNoCase() {
        testCase("prog-freq", TWO_ANALYSES, HEADER + "NM-PROG-FREQ,C2,1,,\n");
        int line = rules.replace("coding.drl", "placeOfService == \"11\")", "placeOfService == \"11\"");
        CliRun run = test();
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals(r + "/coding.drl:" + line + ":22: '(' not closed: the parser reached 'then' on line " + (line + 1)
                + " before its ')' (rule \"NM-POS-PERM: permanent neurostimulator placed in the office\")\n"
                + "nmaudit: 1 problem(s) in the rules; no case was run (nmaudit rules check shows them all)\n",
                run.err());
    }

    @Test
    void anUnknownOnlyIdIsAUsageError() {
        CliRun run = test("--only", "NM-NOPE");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("nmaudit: --only NM-NOPE: no rule has this @id; the rules are NM-DUP-LINE, "),
                run.err());
    }

    @Test
    void noTestsFolderMeansNoCases() {
        CliRun run = test("--only", "NM-RATIO");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith(r + "/tests does not exist: no test cases (docs/rule-authoring.md shows how"
                + " to write one)\n"), run.out());
        assertTrue(run.out().endsWith("\n0 case(s): 0 passed, 0 failed; 1 finding rule(s) covered by no case\n"),
                run.out());
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of("rules", "test", "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().endsWith("Exit codes:\n"
                + "  0   every case passed (todo rows and rules no case covers are warnings)\n"
                + "  1   internal error (a bug): message plus the log file path\n"
                + "  2   the rules do not compile, a case folder is malformed, or a usage error\n"
                + "  4   a case failed: a finding missing or unexpected, or rejected input rows\n"), run.out());
    }
}
