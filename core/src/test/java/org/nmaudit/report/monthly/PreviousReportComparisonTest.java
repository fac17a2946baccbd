package org.nmaudit.report.monthly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.FindingFixture.line;
import static org.nmaudit.testing.FindingFixture.provider;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.FindingId;
import org.nmaudit.findings.Severity;
import org.nmaudit.report.ReportException;
import org.nmaudit.report.ReportedFinding;
import org.nmaudit.testing.FindingFixture;
import org.nmaudit.testing.ReportFixture;

/**
 * --previous: last month's report folder against this run, matched by finding_id. A period audit's
 * earlier line findings that this run still raises are outside the period, not gone.
 */
class PreviousReportComparisonTest {
    @TempDir
    Path tmp;

    private static final Finding KEPT = line("NM-PROG-FREQ", Severity.MEDIUM, "C1", 1, "2025-12-03", "50.00", "kept");
    private static final Finding ADDED = line("NM-PROG-FREQ", Severity.MEDIUM, "C2", 1, "2025-12-05", "70.00", "added");
    private static final Finding REWORDED = line("NM-UNITS", Severity.HIGH, "C3", 1, "2025-12-07", "80.00", "now");
    private static final Finding RATIO = provider("NM-RATIO", Severity.HIGH, FindingFixture.NPI, "900.00", "low");
    private static final Finding HISTORY = line("NM-PROG-FREQ", Severity.MEDIUM, "C4", 1, "2025-11-10", "60.00", "old");

    /** Last month's report: four findings this run still raises (one reworded) and one it no longer raises. */
    private Path previous() {
        return ReportFixture.in(tmp.resolve("2025-11"))
                .line(KEPT.findingId(), "NM-PROG-FREQ", "MEDIUM", "C1", 1, "kept")
                .line(REWORDED.findingId(), "NM-UNITS", "HIGH", "C3", 1, "before")
                .provider(RATIO.findingId(), "NM-RATIO", "HIGH", FindingFixture.NPI, "low")
                .line(HISTORY.findingId(), "NM-PROG-FREQ", "MEDIUM", "C4", 1, "old")
                .lastFinding("service_date", "2025-11-10")
                .line(FindingId.ofLine("NM-DUP-LINE", "C5", 1), "NM-DUP-LINE", "HIGH", "C5", 1, "duplicate")
                .lastFinding("service_date", "2025-11-12").lastFinding("amount_at_risk", new BigDecimal("123.45"))
                .write();
    }

    private AuditReportInputs inputs(boolean period) {
        List<Finding> reported = List.of(KEPT, ADDED, REWORDED, RATIO);
        List<Finding> all = new ArrayList<>(List.of(HISTORY, KEPT, ADDED, REWORDED));
        AuditReportInputs in = AuditReportInputs.of(FindingFixture.run(LocalDate.parse("2025-12-31"), 10, 10, 0),
                reported, List.of(), List.of()).withPrevious(previous());
        return period ? in.withPeriod(ReportPeriod.of(YearMonth.of(2025, 12))).withAllLineFindings(all) : in;
    }

    @Test
    void aPeriodAuditCountsNewGoneUpdatedUnchangedAndOutsideThePeriodPerRule() throws ReportException {
        PreviousReportComparison c = PreviousReportComparison.of(previous(), inputs(true));
        assertEquals(List.of(
                new ChangeCounts("NM-DUP-LINE", 0, 1, 0, 0, 0),
                new ChangeCounts("NM-PROG-FREQ", 1, 0, 0, 1, 1),
                new ChangeCounts("NM-RATIO", 0, 0, 0, 1, 0),
                new ChangeCounts("NM-UNITS", 0, 0, 1, 0, 0)), c.byRule());
        assertEquals(new ChangeCounts("all rules", 1, 1, 1, 2, 1), c.totals());
        assertEquals(5, c.previousFindings());
        assertEquals(List.of(ADDED.findingId()), c.added().stream().map(ReportedFinding::findingId).toList());
        assertEquals(List.of(FindingId.ofLine("NM-DUP-LINE", "C5", 1)),
                c.gone().stream().map(ReportedFinding::findingId).toList());
        assertEquals(new BigDecimal("70.00"), c.addedAmount());
        assertEquals(new BigDecimal("123.45"), c.goneAmount());
        assertEquals("2025-12-31", c.previousRun().asOf());
    }

    @Test
    void aPlainAuditIsComparedAsNmauditDiffComparesIt() throws ReportException {
        PreviousReportComparison c = PreviousReportComparison.of(previous(), inputs(false));
        assertEquals(new ChangeCounts("all rules", 1, 2, 1, 2, 0), c.totals(),
                "without a period the line of November is gone from the report, as diff says");
        assertEquals(List.of(FindingId.ofLine("NM-DUP-LINE", "C5", 1), HISTORY.findingId()),
                c.gone().stream().map(ReportedFinding::findingId).toList(), "most money first: 123.45, then 100.00");
    }

    @Test
    void theFiguresCarryTheComparisonOrWhyThereIsNone() {
        ReportFigures with = ReportFigures.of(inputs(true));
        assertEquals(new ChangeCounts("all rules", 1, 1, 1, 2, 1), with.comparison().totals());
        assertNull(with.comparisonProblem());

        ReportFigures broken = ReportFigures.of(inputs(true).withPrevious(tmp.resolve("no-such-report")));
        assertNull(broken.comparison());
        assertTrue(broken.comparisonProblem().startsWith("report folder " + tmp.resolve("no-such-report")
                + " does not exist"), broken.comparisonProblem());
    }

    @Test
    void theRunsRulesAndParametersThatDifferAreNamed() throws ReportException {
        PreviousReportComparison c = PreviousReportComparison.of(previous(), inputs(true));
        assertEquals(List.of("Rule files changed: parameters.properties",
                "Rule files only in the new run: trials.drl", "Rule files only in the old run: programming.drl",
                "Parameters changed: programming_window_days 30 -> (not set), ratio_threshold (not set) -> 0.50,"
                        + " ratio_min_decided_trials (not set) -> 5",
                "Finding rules run only in the old report (--only, --disable, or removed): NM-DUP-LINE, NM-PROG-FREQ,"
                        + " NM-RATIO, NM-UNITS",
                "Reference folder: null -> data/reference"), c.runNotes(), "RunComparison's notes, as diff prints them");
    }

    @Test
    void aFolderThatIsNoReportIsAReportException() {
        ReportException e = assertThrows(ReportException.class,
                () -> PreviousReportComparison.of(tmp, inputs(false)));
        assertTrue(e.getMessage().contains("has no run.json"), e.getMessage());
    }
}
