package org.nmaudit.report.monthly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.FindingFixture.line;
import static org.nmaudit.testing.FindingFixture.provider;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;
import org.nmaudit.testing.FindingFixture;

/** The tallies, top lines and trend behind report.html and findings.xlsx, from findings made by hand. */
class ReportFiguresTest {
    private static final LocalDate AS_OF = LocalDate.parse("2025-12-31");

    private static List<Finding> findings() {
        return List.of(
                line("NM-PA-MISSING", Severity.BLOCKER, "C3", 2, "2025-11-20", "400.00", "no UTN"),
                line("NM-TRIAL-DOC", Severity.HIGH, "C1", 1, "2025-12-03", "100.00", "no trial"),
                line("NM-TRIAL-DOC", Severity.HIGH, "C2", 1, "2025-12-10", null, "no trial, unpaid and unbilled"),
                provider("NM-RATIO", Severity.HIGH, FindingFixture.NPI, "900.00", "low ratio"),
                line("NM-UNBUNDLE-63688", Severity.MEDIUM, "C1", 1, "2025-12-03", "250.00", "63688 with 63685"));
    }

    private static AuditReportInputs plain(List<Finding> findings) {
        return AuditReportInputs.of(FindingFixture.run(AS_OF, 120, 110, 10), findings, List.of(), List.of());
    }

    @Test
    void talliesPerSeverityAndRuleAndTheAmountOnFlaggedLines() {
        ReportFigures f = ReportFigures.of(plain(findings()));
        Map<Severity, Integer> bySeverity = new LinkedHashMap<>();
        bySeverity.put(Severity.BLOCKER, 1);
        bySeverity.put(Severity.HIGH, 3);
        bySeverity.put(Severity.MEDIUM, 1);
        bySeverity.put(Severity.LOW, 0);
        bySeverity.put(Severity.INFO, 0);
        assertEquals(bySeverity, new LinkedHashMap<>(f.findings().bySeverity()));
        assertEquals(List.of(
                new RuleTally("NM-PA-MISSING", Scope.LINE, 1, new BigDecimal("400.00"), Map.of(Severity.BLOCKER, 1),
                        "citation of NM-PA-MISSING"),
                new RuleTally("NM-RATIO", Scope.PROVIDER, 1, new BigDecimal("900.00"), Map.of(Severity.HIGH, 1),
                        "citation of NM-RATIO"),
                new RuleTally("NM-TRIAL-DOC", Scope.LINE, 2, new BigDecimal("100.00"), Map.of(Severity.HIGH, 2),
                        "citation of NM-TRIAL-DOC"),
                new RuleTally("NM-UNBUNDLE-63688", Scope.LINE, 1, new BigDecimal("250.00"),
                        Map.of(Severity.MEDIUM, 1), "citation of NM-UNBUNDLE-63688")),
                f.findings().rules());
        assertEquals(5, f.findings().total());
        assertEquals(4, f.findings().lineFindings());
        assertEquals(1, f.findings().providerFindings());
        assertEquals(new BigDecimal("750.00"), f.findings().lineAmountAtRisk(), "400 + 100 + 250; the provider's 900 is not a line's");
        assertEquals(java.util.Set.of(FindingFixture.NPI), f.flaggedPhysicians());
        assertEquals(10, f.rowsRejected());
        assertEquals(110, f.inputs().linesAudited(), "a plain audit covers every loaded claim line");
    }

    @Test
    void aLineFlaggedTwiceIsOneTopLineLedByItsLargestAmount() {
        List<TopLines.TopLine> top = ReportFigures.of(plain(findings())).topLines();
        assertEquals(2, top.size(), "C2 line 1 has no amount, the provider finding is not a line");
        TopLines.TopLine first = top.get(0);
        assertEquals(List.of("C3", "2", "400.00", "NM-PA-MISSING", "[]"), List.of(first.claimId(),
                String.valueOf(first.lineNumber()), first.amountAtRisk().toPlainString(), first.lead().ruleId(),
                first.others().toString()));
        TopLines.TopLine second = top.get(1);
        assertEquals("C1", second.claimId());
        assertEquals(new BigDecimal("250.00"), second.amountAtRisk());
        assertEquals(new TopLines.LineFinding("NM-UNBUNDLE-63688", Severity.MEDIUM, new BigDecimal("250.00"),
                "63688 with 63685"), second.lead());
        assertEquals(List.of(new TopLines.LineFinding("NM-TRIAL-DOC", Severity.HIGH, new BigDecimal("100.00"),
                "no trial")), second.others());
        assertEquals(LocalDate.parse("2025-12-03"), second.serviceDate());
        assertEquals("P-C1", second.patientId());
    }

    @Test
    void theBoundedSelectionFindsWhatSortingEveryLineFinds() {
        Random random = new Random(20251);
        List<Finding> all = new ArrayList<>();
        String[] rules = {"NM-A", "NM-B", "NM-C", "NM-D"};
        for (int i = 0; i < 3000; i++) {
            int claim = random.nextInt(400);
            int amountCents = random.nextInt(10) == 0 ? -1 : random.nextInt(500_000);
            all.add(line(rules[random.nextInt(rules.length)], Severity.values()[random.nextInt(5)],
                    String.format("C%04d", claim), 1 + random.nextInt(2), "2025-12-01",
                    amountCents < 0 ? null : BigDecimal.valueOf(amountCents, 2).toPlainString(), "m" + i));
        }
        // one finding per rule and line, as the engine reports them
        Map<String, Finding> unique = new LinkedHashMap<>();
        all.forEach(f -> unique.putIfAbsent(f.subjectKey(), f));
        List<Finding> findings = new ArrayList<>(unique.values());

        Map<String, BigDecimal> largest = new TreeMap<>();
        Map<String, List<String>> rulesOfLine = new TreeMap<>();
        for (Finding f : findings) {
            String key = f.claimId() + "/" + f.lineNumber();
            rulesOfLine.computeIfAbsent(key, k -> new ArrayList<>()).add(f.ruleId());
            if (f.amountAtRisk() != null) {
                largest.merge(key, f.amountAtRisk(), BigDecimal::max);
            }
        }
        List<String> expected = largest.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20).map(e -> e.getKey() + " " + e.getValue() + " " + rulesOfLine.get(e.getKey()).size()).toList();

        List<String> got = TopLines.of(findings, 20).stream()
                .map(t -> t.claimId() + "/" + t.lineNumber() + " " + t.amountAtRisk() + " " + (1 + t.others().size()))
                .toList();
        assertEquals(expected, got);
    }

    @Test
    void eachPassIteratesTheFindingsAFixedNumberOfTimes() {
        AtomicInteger reported = new AtomicInteger();
        AtomicInteger everyLine = new AtomicInteger();
        List<Finding> list = findings();
        Iterable<Finding> counted = () -> {
            reported.incrementAndGet();
            return list.iterator();
        };
        Iterable<Finding> all = () -> {
            everyLine.incrementAndGet();
            return list.iterator();
        };
        ReportFigures.of(new AuditReportInputs(FindingFixture.run(AS_OF, 5, 5, 0), ReportPeriod.of(YearMonth.of(2025,
                12)), counted, all, List.of(), List.of(), 3, null));
        assertEquals(2, reported.get(), "tallies and the top lines' first pass, then their second pass");
        assertEquals(1, everyLine.get(), "the trend");
    }

    @Test
    void theTrendCountsEveryLineFindingOfTheTwelveMonthsAndMarksThePeriodsMonths() {
        List<Finding> history = List.of(
                line("NM-TRIAL-DOC", Severity.HIGH, "H0", 1, "2024-12-31", "1.00", "before the window"),
                line("NM-TRIAL-DOC", Severity.HIGH, "H1", 1, "2025-01-01", "10.00", "first month"),
                line("NM-TRIAL-DOC", Severity.HIGH, "H2", 1, "2025-06-15", "20.50", "June"),
                line("NM-UNITS", Severity.HIGH, "H2", 1, "2025-06-15", null, "June, no amount"));
        List<Finding> reported = new ArrayList<>(findings());
        List<Finding> all = new ArrayList<>(history);
        reported.stream().filter(f -> f.scope() == Scope.LINE).forEach(all::add);
        AuditReportInputs inputs = plain(reported).withPeriod(new ReportPeriod(YearMonth.of(2025, 11),
                YearMonth.of(2025, 12))).withAllLineFindings(all);
        List<MonthTally> trend = ReportFigures.of(inputs).trend();
        assertEquals(12, trend.size());
        assertEquals(YearMonth.of(2025, 1), trend.get(0).month());
        assertEquals(YearMonth.of(2025, 12), trend.get(11).month());
        assertEquals(new MonthTally(YearMonth.of(2025, 1), 1, new BigDecimal("10.00"), false), trend.get(0));
        assertEquals(new MonthTally(YearMonth.of(2025, 6), 2, new BigDecimal("20.50"), false), trend.get(5));
        assertEquals(new MonthTally(YearMonth.of(2025, 7), 0, BigDecimal.ZERO, false), trend.get(6));
        assertEquals(new MonthTally(YearMonth.of(2025, 11), 1, new BigDecimal("400.00"), true), trend.get(10));
        assertEquals(new MonthTally(YearMonth.of(2025, 12), 3, new BigDecimal("350.00"), true), trend.get(11));
    }

    @Test
    void withoutAPeriodTheTrendEndsAtTheAsOfMonthAndEveryMonthIsReported() {
        List<MonthTally> trend = ReportFigures.of(AuditReportInputs.of(FindingFixture.run(LocalDate.parse(
                "2025-11-05"), 1, 1, 0), findings(), List.of(), List.of())).trend();
        assertEquals(YearMonth.of(2024, 12), trend.get(0).month());
        assertEquals(new MonthTally(YearMonth.of(2025, 11), 1, new BigDecimal("400.00"), true), trend.get(11));
        assertTrue(trend.stream().allMatch(MonthTally::reported));
        assertFalse(trend.stream().anyMatch(m -> m.month().equals(YearMonth.of(2025, 12))),
                "December is after the as-of month");
    }

    @Test
    void periodsSpellTheirMonthsAsPeriodDoes() {
        ReportPeriod quarter = new ReportPeriod(YearMonth.of(2025, 10), YearMonth.of(2025, 12));
        assertEquals("2025-10..2025-12", quarter.label());
        assertEquals(LocalDate.parse("2025-10-01"), quarter.start());
        assertEquals(LocalDate.parse("2025-12-31"), quarter.end());
        assertEquals("2025-12", ReportPeriod.of(YearMonth.of(2025, 12)).label());
        assertTrue(quarter.contains(LocalDate.parse("2025-10-01")));
        assertFalse(quarter.contains(LocalDate.parse("2025-09-30")));
        assertFalse(quarter.contains(LocalDate.parse("2026-01-01")));
    }
}
