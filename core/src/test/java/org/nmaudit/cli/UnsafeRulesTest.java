package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.RulesCopy;

/**
 * A rules folder someone mailed, whose rule sets a system property from its metadata (which Drools
 * evaluates while compiling), its condition and its consequence: stand-ins for running a program. Every
 * command that compiles rules refuses it with exit 2 and the places located, before any of that code runs;
 * with --allow-unsafe-rules it runs, which is what the option is for.
 */
class UnsafeRulesTest {
    private static final String META = "nmaudit.test.unsafe.meta";
    private static final String WHEN = "nmaudit.test.unsafe.when";
    private static final String THEN = "nmaudit.test.unsafe.then";

    @TempDir
    Path tmp;

    private RulesCopy rules;
    private int ruleLine;

    @BeforeEach
    void mailedRules() {
        rules = RulesCopy.in(tmp.resolve("mailed-rules"));
        rules.append("coding.drl", String.join("\n",
                "",
                "rule \"Looks harmless\"",
                "    @id(T-HARMLESS)",
                "    @severity(LOW)",
                "    @citation(\"none\")",
                "    @note(System.setProperty(\"" + META + "\", \"ran\"))",
                "when",
                "    $line : ClaimLine(eval(System.setProperty(\"" + WHEN + "\", \"ran\") == null))",
                "then",
                "    System.setProperty(\"" + THEN + "\", \"ran\");",
                "end",
                ""));
        ruleLine = rules.lineOf("coding.drl", "rule \"Looks harmless\"");
        clearProperties();
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(META);
        System.clearProperty(WHEN);
        System.clearProperty(THEN);
    }

    private List<String> located() {
        String file = rules.display() + "/coding.drl:";
        String why = ": unsafe rule code: System.setProperty reaches the process (exit, environment, system"
                + " properties); rules may use System.out, System.err, System.lineSeparator, System.currentTimeMillis"
                + " and System.nanoTime (nmaudit refuses rules that can run programs, touch files or the network, use"
                + " reflection, load classes, start threads or stop the JVM; --allow-unsafe-rules runs them anyway,"
                + " only for rules you trust) (rule \"Looks harmless\")";
        return List.of(file + (ruleLine + 4) + ":11" + why, file + (ruleLine + 6) + ":28" + why,
                file + (ruleLine + 8) + ":5" + why);
    }

    private void assertNothingRan() {
        assertNull(System.getProperty(META));
        assertNull(System.getProperty(WHEN));
        assertNull(System.getProperty(THEN));
    }

    @Test
    void rulesCheckRefusesEachPlaceBeforeCompilingAnything() {
        CliRun check = CliRun.of("rules", "check", "--rules", rules.display());
        assertEquals(ExitCode.USAGE, check.exitCode());
        List<String> expected = new java.util.ArrayList<>(located());
        expected.add("3 error(s), 0 warning(s) (warnings are checked once the rules compile)");
        assertEquals(expected, check.out().lines().toList());
        assertNothingRan();
    }

    @Test
    void compilingAlreadyRunsMetadataSoTheCheckMustComeFirst() {
        CliRun check = CliRun.of("rules", "check", "--rules", rules.display(), "--allow-unsafe-rules");
        assertEquals(ExitCode.OK, check.exitCode(), check.out());
        assertEquals("ran", System.getProperty(META), "Drools evaluated @note(...) while compiling");
        assertTrue(check.out().lines().anyMatch(l -> l.equals(rules.display() + "/coding.drl:" + (ruleLine + 4)
                + ":11: warning: unsafe rule code: System.setProperty reaches the process (exit, environment, system"
                + " properties); rules may use System.out, System.err, System.lineSeparator, System.currentTimeMillis"
                + " and System.nanoTime (allowed by --allow-unsafe-rules) (rule \"Looks harmless\")")), check.out());
    }

    @Test
    void anAuditRefusesAndWritesNothing() {
        Path data = DataFolder.in(tmp.resolve("data")).claims(DataFolder.claim("C1", "1").toString()).path();
        Path out = tmp.resolve("out");
        CliRun audit = CliRun.of("audit", data.toString(), "--rules", rules.display(), "--out", out.toString());
        assertEquals(ExitCode.USAGE, audit.exitCode());
        List<String> expected = new java.util.ArrayList<>(located());
        expected.add("nmaudit: 3 problem(s) in the rules; nothing was audited");
        assertEquals(expected, audit.err().lines().toList());
        assertFalse(Files.exists(out));
        assertNothingRan();
    }

    @Test
    void rulesListAndRulesTestRefuseToo() {
        CliRun list = CliRun.of("rules", "list", "--rules", rules.display());
        assertEquals(ExitCode.USAGE, list.exitCode());
        assertEquals(located().get(0), list.err().lines().findFirst().orElse(""));
        CliRun test = CliRun.of("rules", "test", "--rules", rules.display());
        assertEquals(ExitCode.USAGE, test.exitCode());
        assertEquals(located().get(0), test.err().lines().findFirst().orElse(""));
        assertNothingRan();
    }

    @Test
    void withAllowUnsafeRulesTheAuditRunsTheCodeAndRecordsWhy() throws Exception {
        Path data = DataFolder.in(tmp.resolve("data")).claims(DataFolder.claim("C1", "1").toString()).path();
        Path out = tmp.resolve("out");
        CliRun audit = CliRun.of("audit", data.toString(), "--rules", rules.display(), "--out", out.toString(),
                "--allow-unsafe-rules");
        assertEquals(ExitCode.OK, audit.exitCode(), audit.err());
        assertEquals(List.of("ran", "ran", "ran"), List.of(System.getProperty(META), System.getProperty(WHEN),
                System.getProperty(THEN)));
        String warning = "warning: " + rules.display() + "/coding.drl:" + (ruleLine + 8) + ":5: unsafe rule code:"
                + " System.setProperty reaches the process (exit, environment, system properties); rules may use"
                + " System.out, System.err, System.lineSeparator, System.currentTimeMillis and System.nanoTime (allowed"
                + " by --allow-unsafe-rules) (rule \"Looks harmless\")";
        assertTrue(audit.err().lines().anyMatch(warning::equals), audit.err());
        // three unsafe places, and the four absent documentation files
        assertEquals(7, new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("warnings").size());
    }
}
