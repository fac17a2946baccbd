package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.DataFolder.claim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;

/**
 * A broken rule in a copy of the rules folder stops the run with exit code 2 and a located message
 * {@code rules-dir/file.drl:LINE:COL: ... (rule "name")} naming the line that is wrong.
 */
class RuleCompileErrorTest {
    private static final String PROG_RULE = "NM-PROG-FREQ: analysis or programming too soon after the previous one";

    @TempDir
    Path tmp;

    private Path rules;
    private Path data;

    @BeforeEach
    void copyRulesAndWriteData() throws IOException {
        rules = tmp.resolve("rules-copy");
        Files.createDirectories(rules);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        data = tmp.resolve("data");
        DataFolder.in(data).claims(claim("C1", "1").set("cpt_code", "95970").toString());
    }

    /**
     * Replaces the first line of {@code file} that contains {@code find} (NM-PROG-FREQ is the first rule of
     * programming.drl); returns its 1-based number.
     */
    private int breakLine(String file, String find, String replacement) throws IOException {
        Path p = rules.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) {
            if (lines.get(i).contains(find)) {
                at = i;
            }
        }
        assertTrue(at >= 0, "'" + find + "' not found in " + file);
        lines.set(at, lines.get(at).replace(find, replacement));
        Files.write(p, lines, StandardCharsets.UTF_8);
        return at + 1;
    }

    private CliRun audit() {
        return CliRun.of("audit", data.toString(), "--rules", rules.toString(), "--out", tmp.resolve("out").toString());
    }

    private void assertLocated(CliRun run, String file, int line, String ruleName) {
        assertEquals(2, run.exitCode(), run::toString);
        Pattern located = Pattern.compile("(?m)^" + Pattern.quote(rules + "/" + file) + ":(\\d+):(\\d+): (.+) \\(rule \""
                + Pattern.quote(ruleName) + "\"\\)$");
        Matcher m = located.matcher(run.err());
        assertTrue(m.find(), "no 'rules-dir/" + file + ":LINE:COL: ... (rule \"" + ruleName + "\")' line in:\n"
                + run.err());
        assertEquals(line, Integer.parseInt(m.group(1)), "line of the error in:\n" + run.err());
        assertTrue(Integer.parseInt(m.group(2)) >= 1, run.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written when the rules do not compile");
    }

    @Test
    void unknownFieldInAConstraint() throws IOException {
        int line = breakLine("programming.drl", "$line : ProgrammingLine($patient : patientId, $day : day)",
                "$line : ProgrammingLine($patient : patientIdent, $day : day)");
        CliRun run = audit();
        assertLocated(run, "programming.drl", line, PROG_RULE);
        assertTrue(run.err().contains("patientIdent"), run.err());
    }

    @Test
    void syntaxErrorInAPattern() throws IOException {
        int line = breakLine("programming.drl", "Parameter(name == \"programming_grace_days\", $grace : intValue)",
                "Parameter(name == \"programming_grace_days\" $grace : intValue)");
        assertLocated(audit(), "programming.drl", line, PROG_RULE);
    }

    /** Drools puts a Java error of a then part at the rule's first line; nmaudit finds the line that holds it. */
    @Test
    void unknownMethodInTheConsequenceIsReportedAtItsOwnLine() throws IOException {
        int line = breakLine("programming.drl", "$line.getCptCode() + \" on \"", "$line.getCptCodeX() + \" on \"");
        CliRun run = audit();
        assertLocated(run, "programming.drl", line, PROG_RULE);
        assertTrue(run.err().contains("getCptCodeX"), run.err());
    }

    /** Drools 10.2 fails on str[...] only once it compiles the constraint, i.e. on real data: refused at once. */
    @Test
    void theStrOperatorIsRefusedAtItsColumn() throws IOException {
        int line = breakLine("prior-authorization.drl", "billType.startsWith(\"13\")", "billType str[startsWith] \"13\"");
        CliRun run = audit();
        assertLocated(run, "prior-authorization.drl", line,
                "NM-PA-MISSING: Medicare OPD 63650 without a prior-authorization number");
        String expectedColumn = ":" + line + ":" + (readLine("prior-authorization.drl", line).indexOf("str[") + 1) + ":";
        assertTrue(run.err().contains(expectedColumn), run.err());
        assertTrue(run.err().contains("billType != null, billType.startsWith(\"13\")"), run.err());
    }

    private String readLine(String file, int line) throws IOException {
        return Files.readAllLines(rules.resolve(file), StandardCharsets.UTF_8).get(line - 1);
    }

    @Test
    void aFindingRuleWithoutCitationIsRefusedAtItsDeclaration() throws IOException {
        breakLine("programming.drl", "@citation(\"CMS billing article A56876 (LCD L37632): electronic analysis",
                "// @citation(\"CMS billing article A56876 (LCD L37632): electronic analysis");
        CliRun run = audit();
        assertLocated(run, "programming.drl", ruleLine("programming.drl", PROG_RULE), PROG_RULE);
        assertTrue(run.err().contains("missing @citation"), run.err());
    }

    @Test
    void aSeverityOutsideTheFiveLevelsIsRefused() throws IOException {
        breakLine("programming.drl", "@severity(MEDIUM)", "@severity(CRITICAL)");
        CliRun run = audit();
        assertLocated(run, "programming.drl", ruleLine("programming.drl", PROG_RULE), PROG_RULE);
        assertTrue(run.err().contains("@severity(CRITICAL) is not one of BLOCKER, HIGH, MEDIUM, LOW, INFO"), run.err());
    }

    @Test
    void aDerivationRuleTakesNoSeverity() throws IOException {
        breakLine("derived-facts.drl", "@derives(TrialLine)", "@derives(TrialLine) @severity(HIGH)");
        CliRun run = audit();
        String rule = "Trial line: a 63650 line on a day without a 63685 line";
        assertLocated(run, "derived-facts.drl", ruleLine("derived-facts.drl", rule), rule);
        assertTrue(run.err().contains("takes no @severity or @citation"), run.err());
    }

    @Test
    void aDerivationRuleThatRaisesAFindingStopsTheRunNamingTheRule() throws IOException {
        Files.writeString(rules.resolve("mistake.drl"), String.join("\n",
                "package rules;",
                "import org.nmaudit.facts.*;",
                "global org.nmaudit.findings.Flag flag;",
                "",
                "rule \"Flags from a derivation\"",
                "    @id(DERIVE-MISTAKE) @derives(TrialLine)",
                "when",
                "    $line : ProgrammingLine()",
                "then",
                "    flag.line(kcontext, $line, \"oops\");",
                "end",
                ""));
        CliRun run = audit();
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(rules + "/mistake.drl:5: the rule derives facts (@derives) and so cannot raise"
                + " findings"), run.err());
        assertTrue(run.err().contains("(rule \"Flags from a derivation\")"), run.err());
    }

    private int ruleLine(String file, String ruleName) throws IOException {
        List<String> lines = Files.readAllLines(rules.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("rule \"" + ruleName + "\"")) {
                return i + 1;
            }
        }
        throw new AssertionError("rule not found: " + ruleName);
    }

    @Test
    void brokenRuleInASecondFileIsNamedWithThatFile() throws IOException {
        int line = breakLine("trials.drl", "$ratio : ProviderRatio(decided >= $minDecided, ratioBelow($threshold))",
                "$ratio : ProviderRatio(decidedd >= $minDecided, ratioBelow($threshold))");
        CliRun run = audit();
        assertLocated(run, "trials.drl", line, "NM-RATIO: trial-to-permanent conversion ratio below the threshold");
        assertTrue(run.err().contains("decidedd"), run.err());
    }

    @Test
    void theUnbrokenCopyRuns() {
        CliRun run = audit();
        assertEquals(0, run.exitCode(), run::toString);
    }
}
