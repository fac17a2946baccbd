package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.RulesCopy;

/**
 * Drools quotes a rule's name with apostrophes in some messages; a name that holds one ("a
 * manufacturer's representative") must still come out whole, and the message without pieces of it.
 */
class RuleNameWithApostropheTest {
    private static final String REP_RULE = "NM-PROG-REP: programming done by a manufacturer's representative alone";

    @TempDir
    Path tmp;

    /** Replaces the first condition of NM-PROG-REP; returns its line. */
    private static int breakRepRule(RulesCopy rules, String condition) {
        String text = rules.read("programming.drl");
        String original = "$line : ProgrammingLine($patient : patientId, $day : day)";
        int at = text.indexOf(original, text.indexOf(REP_RULE));
        rules.write("programming.drl", text.substring(0, at) + condition + text.substring(at + original.length()));
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void anErrorInTheConditionsOfSuchARule() {
        RulesCopy rules = RulesCopy.in(tmp.resolve("r"));
        int line = breakRepRule(rules, "$line : ProgrammingLine($patient : patientIdx, $day : day)");
        CliRun run = CliRun.of("rules", "check", "--rules", rules.display());
        assertEquals(2, run.exitCode(), run::toString);
        String file = rules.display() + "/programming.drl:";
        assertEquals(file + line + ":40: Field Reader does not exist for declaration '$patient' in '$patient :"
                + " patientIdx' (rule \"" + REP_RULE + "\")\n"
                + file + (line + 1) + ":44: Unable to Analyse Expression patientId == $patient: unable to resolve method"
                + " using strict-mode: org.nmaudit.facts.ProgrammingSession.$patient() (rule \"" + REP_RULE + "\")\n"
                + "2 error(s), 0 warning(s) (warnings are checked once the rules compile)\n", run.out() + run.err());
    }

    @Test
    void aParserErrorInSuchARule() {
        RulesCopy rules = RulesCopy.in(tmp.resolve("r"));
        int line = breakRepRule(rules, "$line : ProgrammingLine(( $patient : patientId, $day : day)");
        CliRun run = CliRun.of("rules", "check", "--rules", rules.display());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(rules.display() + "/programming.drl:" + line + ":51: mismatched input ',' (rule \"" + REP_RULE
                + "\")\n1 error(s), 0 warning(s) (warnings are checked once the rules compile)\n",
                run.out() + run.err());
    }
}
