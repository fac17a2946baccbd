package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.nmaudit.input.DataFolder.claim;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;

/**
 * A --param or rule id the rules folder does not have is the user's typing, not a problem in the rules:
 * the audit says it is a mistake on the command line and lists what is allowed (exit code 2).
 */
class CommandLineMistakesTest {
    private static final String PARAMETERS = "conversion_window_days, ratio_threshold, ratio_min_decided_trials,"
            + " ratio_lookback_days, programming_window_days, programming_grace_days, trial_min_pain_relief_pct,"
            + " trial_min_analgesic_reduction_pct, trial_period_days, global_days_minor, psych_eval_max_age_days,"
            + " underpayment_tolerance, units_max_63650_per_day, units_max_63685_per_day, units_max_programming_line";
    private static final String RULES = "NM-DUP-LINE, NM-DX-EFFECTIVE, NM-GLOBAL-EM, NM-IPG-PNS, NM-OFFICE-REVISION,"
            + " NM-PA-MISSING, NM-POS-PERM, NM-PROG-FREQ, NM-PROG-REP, NM-PROG-TRIAL, NM-PSYCH-EVAL, NM-RATIO,"
            + " NM-REPEAT-TRIAL, NM-TRIAL-DOC, NM-TRIAL-LIMIT, NM-TRIAL-REMOVAL, NM-UNBUNDLE-63688, NM-UNDERPAID,"
            + " NM-UNITS";

    @TempDir
    Path tmp;

    private CliRun audit(String... options) {
        DataFolder.in(tmp.resolve("data")).claims(claim().toString());
        String[] args = new String[options.length + 4];
        args[0] = "audit";
        args[1] = tmp.resolve("data").toString();
        args[2] = "--out";
        args[3] = tmp.resolve("out").toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return CliRun.of(args);
    }

    private void assertMistake(String expectedErr, String... options) {
        CliRun run = audit(options);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(expectedErr, run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written");
    }

    @Test
    void anUnknownParameterName() {
        assertMistake("--param bogus=3: unknown parameter 'bogus'; known parameters: " + PARAMETERS + "\n"
                + "nmaudit: 1 mistake(s) on the command line; nothing was audited\n", "--param", "bogus=3");
    }

    @Test
    void aParameterValueThatIsNotANumber() {
        assertMistake("--param programming_window_days=abc: 'abc' is not a number; programming_window_days takes a"
                + " plain number such as 30 (digits, an optional - and . decimals)\n"
                + "nmaudit: 1 mistake(s) on the command line; nothing was audited\n",
                "--param", "programming_window_days=abc");
    }

    @Test
    void aParameterWithoutAValueAndTwoMistakesAtOnce() {
        assertMistake("--param programming_window_days: expected NAME=VALUE, e.g. --param conversion_window_days=180;"
                + " known parameters: " + PARAMETERS + "\n"
                + "--param ratio_threshold=half: 'half' is not a number; ratio_threshold takes a plain number such as"
                + " 0.50 (digits, an optional - and . decimals)\n"
                + "nmaudit: 2 mistake(s) on the command line; nothing was audited\n",
                "--param", "programming_window_days", "--param", "ratio_threshold=half");
    }

    @Test
    void unknownRuleIdsInOnlyAndDisable() {
        assertMistake("--only NM-FOO: no rule has this @id; the rules are " + RULES + "\n"
                + "nmaudit: 1 mistake(s) on the command line; nothing was audited\n", "--only", "NM-FOO");
        assertMistake("--only NM-FOO, --disable NM-BAR: no rule has these @ids; the rules are " + RULES + "\n"
                + "nmaudit: 1 mistake(s) on the command line; nothing was audited\n",
                "--only", "nm-foo,NM-PROG-FREQ", "--disable", "NM-BAR");
    }

    @Test
    void whatIsTypedIsEchoedEscaped() {
        assertMistake("--param \\u001B[2Jx=1: unknown parameter '\\u001B[2Jx'; known parameters: " + PARAMETERS + "\n"
                + "nmaudit: 1 mistake(s) on the command line; nothing was audited\n", "--param", "\u001B[2Jx=1");
    }
}
