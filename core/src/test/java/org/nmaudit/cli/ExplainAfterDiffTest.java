package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.ReportFixture;

/**
 * The auditor's loop: diff labels a finding new or absent, and explain is asked about it in the report
 * that does not hold it. The hint names the report that does (from diff.csv), whichever way it went.
 */
class ExplainAfterDiffTest {
    @TempDir
    Path tmp;

    private Path before;
    private Path after;

    private void diffed() {
        before = ReportFixture.in(tmp.resolve("before"))
                .line("3000000000000002", "NM-PROG-FREQ", "MEDIUM", "C1", 2, "Too soon: 20.")
                .line("5000000000000001", "NM-TRIAL-DOC", "HIGH", "C2", 1, "No trial.").write();
        after = ReportFixture.in(tmp.resolve("after"))
                .line("1000000000000003", "NM-PROG-FREQ", "MEDIUM", "C1", 3, "Too soon: 40.")
                .line("5000000000000001", "NM-TRIAL-DOC", "HIGH", "C2", 1, "No trial.").write();
        assertEquals(0, CliRun.of("diff", before.toString(), after.toString()).exitCode());
    }

    @Test
    void aNewFindingAskedOfTheOlderReportPointsToTheNewerOne() {
        diffed();
        CliRun run = CliRun.of("explain", "1000000000000003", "--report", before.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of(
                "nmaudit explain: no finding 1000000000000003 in " + before.resolve("findings.json") + " (2 findings)",
                "The finding ids are the first column of " + before.resolve("findings.csv") + ".",
                after.resolve("diff.csv") + " lists 1000000000000003 as new: the newer report of that comparison"
                        + " holds it; explain it with --report " + after + "."),
                run.err().lines().filter(l -> !l.startsWith("Nearest") && !l.startsWith("  ")).toList());
    }

    @Test
    void anAbsentFindingAskedOfTheNewerReportPointsToTheOlderOne() {
        diffed();
        CliRun run = CliRun.of("explain", "30000000", "--report", after.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of(
                "nmaudit explain: no finding 30000000 in " + after.resolve("findings.json") + " (2 findings)",
                "The finding ids are the first column of " + after.resolve("findings.csv") + ".",
                after.resolve("diff.csv") + " lists 3000000000000002 as absent: only the older report of that"
                        + " comparison holds it; explain it with --report set to that report."),
                run.err().lines().filter(l -> !l.startsWith("Nearest") && !l.startsWith("  ")).toList());
    }
}
