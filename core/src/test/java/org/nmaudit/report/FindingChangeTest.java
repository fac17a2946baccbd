package org.nmaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four labels of a finding between two reports, and how they are counted. */
class FindingChangeTest {
    private static ReportedFinding row(String id, String rule, String severity, String amount, String message) {
        return new ReportedFinding(id, rule, severity, "LINE", "C1", "1", "P1", "1234567893", "2025-03-04", amount,
                message, "a citation");
    }

    @Test
    void onlyInTheNewReportIsNewAndOnlyInTheOldIsAbsent() {
        ReportedFinding f = row("a1", "NM-X", "HIGH", "10.00", "m");
        assertEquals(ChangeStatus.NEW, FindingChange.of(null, f).status());
        assertEquals(ChangeStatus.ABSENT, FindingChange.of(f, null).status());
    }

    @Test
    void anotherSeverityOrMessageIsUpdated() {
        ReportedFinding f = row("a1", "NM-X", "HIGH", "10.00", "m");
        assertEquals(ChangeStatus.UPDATED, FindingChange.of(f, row("a1", "NM-X", "MEDIUM", "10.00", "m")).status());
        assertEquals(ChangeStatus.UPDATED, FindingChange.of(f, row("a1", "NM-X", "HIGH", "10.00", "m2")).status());
    }

    @Test
    void theSameSeverityAndMessageIsUnchangedEvenIfTheAmountMoved() {
        ReportedFinding f = row("a1", "NM-X", "HIGH", "10.00", "m");
        assertEquals(ChangeStatus.UNCHANGED, FindingChange.of(f, row("a1", "NM-X", "HIGH", "10.00", "m")).status());
        assertEquals(ChangeStatus.UNCHANGED, FindingChange.of(f, row("a1", "NM-X", "HIGH", "12.00", "m")).status());
    }

    @Test
    void countsEveryStatusPerRuleAndInAll() {
        FindingDiff diff = FindingDiff.of(
                List.of(row("a1", "NM-X", "HIGH", "", "m"), row("a2", "NM-X", "HIGH", "", "m"),
                        row("b1", "NM-Y", "LOW", "", "m")),
                List.of(row("a1", "NM-X", "HIGH", "", "m"), row("a2", "NM-X", "LOW", "", "m"),
                        row("c1", "NM-Z", "LOW", "", "m")));
        assertEquals(Map.of(
                "NM-X", Map.of(ChangeStatus.NEW, 0, ChangeStatus.ABSENT, 0, ChangeStatus.UPDATED, 1,
                        ChangeStatus.UNCHANGED, 1),
                "NM-Y", Map.of(ChangeStatus.NEW, 0, ChangeStatus.ABSENT, 1, ChangeStatus.UPDATED, 0,
                        ChangeStatus.UNCHANGED, 0),
                "NM-Z", Map.of(ChangeStatus.NEW, 1, ChangeStatus.ABSENT, 0, ChangeStatus.UPDATED, 0,
                        ChangeStatus.UNCHANGED, 0)), diff.countsByRule());
        assertEquals(Map.of(ChangeStatus.NEW, 1, ChangeStatus.ABSENT, 1, ChangeStatus.UPDATED, 1,
                ChangeStatus.UNCHANGED, 1), diff.totals());
        assertEquals(List.of("c1", "b1", "a2"), diff.changed().stream().map(FindingChange::findingId).toList());
    }
}
