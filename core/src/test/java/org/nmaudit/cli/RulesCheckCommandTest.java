package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.RulesCopy;

/** {@code nmaudit rules check}: every error and warning of a rules folder, located, without any data. */
class RulesCheckCommandTest {
    private static final String HEADER = "package rules;\n\nimport org.nmaudit.facts.*;\n\n"
            + "global org.nmaudit.findings.Flag flag;\n\n";

    @TempDir
    Path tmp;

    private RulesCopy copy() {
        return RulesCopy.in(tmp.resolve("r"));
    }

    private CliRun check(RulesCopy rules) {
        return CliRun.of("rules", "check", "--rules", rules.display());
    }

    @Test
    void theShippedRulesAreClean() {
        CliRun run = CliRun.of("rules", "check");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("rules/ OK: 19 finding rules, 15 derivation rules, 15 parameters\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void everyErrorOfEveryFileAndOfTheParametersFile() {
        RulesCopy rules = copy();
        int prog = rules.replace("programming.drl", "$line : ProgrammingLine($patient : patientId, $day : day)",
                "$line : ProgrammingLine($patient : patientIdent, $day : day)");
        int trials = rules.replace("trials.drl", "ProviderRatio(decided >= $minDecided,",
                "ProviderRatio(decided >= $minDecided,,");
        int param = rules.replace("parameters.properties", "ratio_threshold = 0.50", "ratio_threshold = half");
        CliRun run = check(rules);
        assertEquals(2, run.exitCode(), run::toString);
        String r = rules.display();
        assertEquals(String.join("\n",
                r + "/parameters.properties:" + param + ":19: parameter ratio_threshold = 'half' is not a number"
                        + " (write e.g. 180 or 0.50)",
                r + "/programming.drl:" + prog + ":40: Field Reader does not exist for declaration '$patient' in"
                        + " '$patient : patientIdent' (rule \"NM-PROG-FREQ: analysis or programming too soon after"
                        + " the previous one\")",
                // $patient is then unbound where the rule uses it: Drools says so, at each use.
                r + "/programming.drl:" + (prog + 2) + ":46: Unable to Analyse Expression patientId == $patient:"
                        + " unable to resolve method using strict-mode: org.nmaudit.facts.ProgrammingLine.$patient()"
                        + " (rule \"NM-PROG-FREQ: analysis or programming too soon after the previous one\")",
                r + "/programming.drl:" + (prog + 5) + ":39: Unable to Analyse Expression patientId == $patient:"
                        + " unable to resolve method using strict-mode: org.nmaudit.facts.PermanentImplant.$patient()"
                        + " (rule \"NM-PROG-FREQ: analysis or programming too soon after the previous one\")",
                r + "/trials.drl:" + trials + ":51: no viable alternative at input ',' (rule \"NM-RATIO:"
                        + " trial-to-permanent conversion ratio below the threshold\")",
                "5 error(s), 0 warning(s) (warnings are checked once the rules compile)", ""), run.out());
    }

    @Test
    void incompleteMetadataIsAnErrorWithTheAuditsMessage() {
        RulesCopy rules = copy();
        rules.replace("programming.drl", "@severity(MEDIUM)", "@severity(CRITICAL)");
        int declared = rules.lineOf("programming.drl", "rule \"NM-PROG-FREQ");
        CliRun run = check(rules);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(rules.display() + "/programming.drl:" + declared + ":1: @severity(CRITICAL) is not one of BLOCKER,"
                + " HIGH, MEDIUM, LOW, INFO (rule \"NM-PROG-FREQ: analysis or programming too soon after the"
                + " previous one\")\n1 error(s), 0 warning(s) (warnings are checked once the rules compile)\n",
                run.out());
    }

    @Test
    void warningsLocatedAndTheRulesStillPass() {
        RulesCopy rules = copy();
        rules.write("extra.drl", HEADER + String.join("\n",
                "rule \"Copied ratio rule\"",                                     // 7
                "    @id(NM-RATIO) @severity(HIGH) @citation(\"x\") @pass(provider)",
                "when",
                "    $r : ProviderRatio()",
                "then",
                "    flag.provider(kcontext, $r.getNpi(), $r.getAmountAtRisk(), \"x\");",
                "end",
                "",
                "rule \"NM-EXTRA: reads a parameter nobody set\"",               // 15
                "    @id(NM-EXTRA) @severity(LOW) @citation(\"y\")",
                "when",
                "    Parameter(name == \"extra_days\", $d : intValue)",           // 18
                "    $line : ClaimLine(serviceDay > $d)",
                "then",
                "    flag.line(kcontext, $line, \"z\");",
                "end",
                "",
                "rule \"No metadata at all\"",                                    // 24
                "when",
                "    ClaimLine()",
                "then",
                "end",
                "",
                "rule \"NM-EXTRA again, citing another policy\"",                 // 30
                "    @id(NM-EXTRA) @severity(LOW) @citation(\"another policy\")",
                "when",
                "    $line : ClaimLine()",
                "then",
                "    flag.line(kcontext, $line, \"z\");",
                "end",
                "",
                "rule \"NM-EXTRA: a path with the first rule's citation\"",      // 38
                "    @id(NM-EXTRA) @severity(LOW) @citation(\"y\")",
                "when",
                "    // Parameter(name == \"commented_out\", $d : intValue)",
                "    $line : ClaimLine()",
                "then",
                "    flag.line(kcontext, $line, \"z\");",
                "end",
                ""));
        rules.append("parameters.properties", "\n# not read by any rule\nunused_days = 3\n");
        int unused = rules.lineOf("parameters.properties", "unused_days = 3");
        CliRun run = check(rules);
        assertEquals(0, run.exitCode(), run::toString);
        String r = rules.display();
        assertEquals(String.join("\n",
                r + "/extra.drl:18:24: warning: parameter extra_days has no default in " + r + "/parameters.properties,"
                        + " so this pattern never matches and the rule never fires; add 'extra_days = VALUE' there"
                        + " (rule \"NM-EXTRA: reads a parameter nobody set\")",
                r + "/extra.drl:24:1: warning: the rule has none of @id, @severity, @citation, @derives: it raises no"
                        + " finding nmaudit can write and derives nothing nmaudit knows; give a finding rule @id,"
                        + " @severity and @citation, a derivation rule @id and @derives (rule \"No metadata at all\")",
                r + "/extra.drl:30:1: warning: @id NM-EXTRA is also the @id of rule \"NM-EXTRA: reads a parameter"
                        + " nobody set\" (line 15) with another @citation: give this rule its own @id, or, if it is"
                        + " another path of NM-EXTRA, write it next to the others (rule \"NM-EXTRA again, citing"
                        + " another policy\")",
                r + "/parameters.properties:" + unused + ":1: warning: parameter unused_days is used by no rule (no"
                        + " Parameter(name == \"unused_days\") in any .drl file); remove it, or check the name's"
                        + " spelling in the rules",
                // Files are read in name order: the copy in extra.drl comes first, so the original is named.
                r + "/trials.drl:16:1: warning: @id NM-RATIO is also the @id of rule \"Copied ratio rule\" (" + r
                        + "/extra.drl:7): rules sharing an @id are paths of one rule, written in one file; give this"
                        + " rule its own @id (rule \"NM-RATIO: trial-to-permanent conversion ratio below the"
                        + " threshold\")",
                "0 error(s), 5 warning(s)", ""), run.out());
    }

    @Test
    void pathsOfOneRuleInOneFileAreNoWarningWhateverTheyCite() {
        RulesCopy rules = copy();
        // NM-UNITS: three limits, three citations, written one after another in coding.drl.
        CliRun run = check(rules);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().endsWith(" OK: 19 finding rules, 15 derivation rules, 15 parameters\n"), run.out());
    }

    @Test
    void aMissingFolderIsAnError() {
        CliRun run = CliRun.of("rules", "check", "--rules", tmp.resolve("nowhere").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("rules folder " + tmp.resolve("nowhere") + " does not exist or is not a folder\n"
                + "1 error(s), 0 warning(s) (warnings are checked once the rules compile)\n", run.out());
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of("rules", "check", "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Exit codes:\n"
                + "  0   the rules and parameters compile (warnings, if any, are printed)\n"
                + "  1   internal error (a bug): message plus the log file path\n"
                + "  2   errors in the rules or the parameters file (each printed file:line:col),\n"), run.out());
    }

    @Test
    void theRulesCommandAloneAsksForASubcommand() {
        CliRun run = CliRun.of("rules");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("name a subcommand: check, list or test\nUsage: nmaudit rules"), run.err());
    }
}
