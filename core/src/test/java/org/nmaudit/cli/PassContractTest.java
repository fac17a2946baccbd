package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.RulesCopy;

/**
 * The two passes as a rules folder declares them: {@code @pass(provider)} rules see only the facts declared
 * {@code @carry} (and parameters, the as-of date, reference data), and {@code rules check} says where a
 * rule breaks that, at the pattern's line and column.
 */
class PassContractTest {
    @TempDir
    Path tmp;

    private RulesCopy copy() {
        return RulesCopy.in(tmp.resolve("r"));
    }

    private static CliRun check(RulesCopy rules) {
        return CliRun.of("rules", "check", "--rules", rules.display());
    }

    @Test
    void aProviderPassRuleMatchingAFactThatIsNotCarriedIsAnErrorAtItsPattern() {
        RulesCopy rules = copy();
        int line = rules.replace("derived-facts.drl", "    TrialStatus(rated, $npi : ownerNpi,",
                "    TrialEpisode(rated, $npi : ownerNpi,");
        CliRun run = check(rules);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(rules.display() + "/derived-facts.drl:" + line + ":5: rule runs in the provider pass"
                + " (@pass(provider)) but matches TrialEpisode facts, which stay in the patient pass; match a carried"
                + " type (TrialLine, TrialStatus), or carry TrialEpisode with 'declare TrialEpisode @carry end'"
                + " (rule \"Rated physician: owns a trial episode seen on a professional claim\")\n"
                + "1 error(s), 0 warning(s) (warnings are checked once the rules compile)\n", run.out());
        CliRun audit = CliRun.of("audit", "data/sample", "--rules", rules.display(), "--out",
                tmp.resolve("out").toString());
        assertEquals(2, audit.exitCode(), "the audit refuses such rules too: " + audit);
    }

    @Test
    void aTypeMatchedInsideACollectMustBeCarriedToo() {
        RulesCopy rules = copy();
        rules.replace("derived-facts.drl", "declare TrialLine", "declare TrialOutcome");
        int line = rules.lineOf("derived-facts.drl", "$trialLines : List() from collect( TrialLine(");
        CliRun run = check(rules);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(rules.display() + "/derived-facts.drl:" + line + ":40: rule runs in the provider pass"
                + " (@pass(provider)) but matches TrialLine facts, which stay in the patient pass; match a carried"
                + " type (TrialOutcome, TrialStatus), or carry TrialLine with 'declare TrialLine @carry end'"
                + " (rule \"Provider ratio: the physician's rated trial episodes, tallied\")\n"
                + "1 error(s), 0 warning(s) (warnings are checked once the rules compile)\n", run.out());
    }

    @Test
    void anUnknownPassIsAnError() {
        RulesCopy rules = copy();
        int line = rules.lineOf("trials.drl", "rule \"NM-RATIO");
        rules.replace("trials.drl", "@pass(provider)", "@pass(providers)");
        CliRun run = check(rules);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(rules.display() + "/trials.drl:" + line + ":1: @pass(providers) is not a pass: write"
                + " @pass(provider) for a rule that runs once over every physician, or leave @pass out for the patient"
                + " pass (rule \"NM-RATIO: trial-to-permanent conversion ratio below the threshold\")\n"
                + "1 error(s), 0 warning(s) (warnings are checked once the rules compile)\n", run.out());
    }

    @Test
    void aCarriedTypeNoProviderRuleMatchesAndAPatientRuleOnProviderFactsAreWarnings() {
        RulesCopy rules = copy();
        rules.append("derived-facts.drl", "\ndeclare TrialEpisod\n    @carry\nend\n");
        int declare = rules.lineOf("derived-facts.drl", "declare TrialEpisod");
        rules.append("coding.drl", "\nrule \"NM-EXAMPLE: a provider tally seen from the patient pass\"\n"
                + "    @id(NM-EXAMPLE)\n    @severity(LOW)\n    @citation(\"example\")\nwhen\n"
                + "    $ratio : ProviderRatio(decided > 100)\n    $line : ClaimLine(renderingNpi == $ratio.npi)\n"
                + "then\n    flag.line(kcontext, $line, \"example\");\nend\n");
        int pattern = rules.lineOf("coding.drl", "$ratio : ProviderRatio(decided > 100)");
        CliRun run = check(rules);
        assertEquals(0, run.exitCode(), run::toString);
        String r = rules.display();
        assertEquals(r + "/coding.drl:" + pattern + ":14: warning: ProviderRatio facts are inserted in the provider"
                + " pass only, so this patient-pass rule never sees them; give the rule @pass(provider) (rule"
                + " \"NM-EXAMPLE: a provider tally seen from the patient pass\")\n"
                + r + "/derived-facts.drl:" + declare + ":1: warning: TrialEpisod is carried to the provider pass"
                + " (@carry) but no @pass(provider) rule matches it; check the type's spelling, or remove the"
                + " declaration\n"
                + "0 error(s), 2 warning(s)\n", run.out());
    }

    @Test
    void aRuleThatFlagsProvidersMustRunInTheProviderPass() {
        RulesCopy rules = copy();
        int line = rules.lineOf("trials.drl", "rule \"NM-RATIO");
        rules.replace("trials.drl", "    @pass(provider)", "");
        CliRun run = check(rules);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(rules.display() + "/trials.drl:" + line + ":1: the rule flags a provider (flag.provider) but"
                + " runs in the patient pass, which sees one batch of patients at a time; give it @pass(provider) and"
                + " match facts carried to the provider pass (see docs/rule-authoring.md) (rule \"NM-RATIO:"
                + " trial-to-permanent conversion ratio below the threshold\")\n"
                + "1 error(s), 0 warning(s) (warnings are checked once the rules compile)\n", run.out());
    }
}
