package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.RuleHarness;

/** NM-PROG-FREQ (core-rules.md): analysis/programming more than once in 30 days. */
class NmProgFreqTest {
    private static final String RULE = "NM-PROG-FREQ";

    @Test
    void twentyNineDaysApartIsFlagged() {
        assertEquals(expected("NM-PROG-FREQ C2:1 MEDIUM"), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-30").cpt("95971")).findings(RULE));
    }

    @Test
    void thirtyDaysApartIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-31").cpt("95972")).findings(RULE));
    }

    @Test
    void messageNamesTheImmediatelyPrecedingLine() {
        List<Finding> found = rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-10").cpt("95971"),
                claim("C3").on("2025-03-20").cpt("95972")).findingsOf(RULE);
        assertEquals(2, found.size());
        assertEquals("95972 on 2025-03-20 is 10 days after the previous analysis/programming line (claim C2 line 1,"
                + " 95971 on 2025-03-10); one is allowed every 30 days outside the first month after an implant.",
                found.get(1).message());
    }

    /** The single finding's message names the preceding line's claim, line number and date. */
    private static void assertNamesPrevious(List<Finding> found, String flagged, String claimAndLine, String date) {
        Finding f = found.stream().filter(x -> RuleHarness.compact(x).equals(flagged)).findFirst().orElseThrow();
        assertTrue(f.message().contains(claimAndLine) && f.message().contains(date),
                "message should name " + claimAndLine + " of " + date + ": " + f.message());
    }

    // ---- Order of a patient's programming lines ----------------------------------------------------

    @Test
    void sameDayLinesAreOrderedByClaimIdAsText() {
        // "C10" sorts before "C9" as text: C9 is the second line of the day.
        List<Finding> found = rules().lines(
                claim("C9").on("2025-03-01").cpt("95970"),
                claim("C10").on("2025-03-01").cpt("95972")).findingsOf(RULE);
        assertEquals(expected("NM-PROG-FREQ C9:1 MEDIUM"), RuleHarness.compact(found));
        assertNamesPrevious(found, "NM-PROG-FREQ C9:1 MEDIUM", "claim C10 line 1", "2025-03-01");
    }

    @Test
    void sameDayLinesOfOneClaimAreOrderedByLineNumberAsAnInteger() {
        List<Finding> found = rules().lines(
                claim("C1", 10).on("2025-03-01").cpt("95971"),
                claim("C1", 2).on("2025-03-01").cpt("95970")).findingsOf(RULE);
        assertEquals(expected("NM-PROG-FREQ C1:10 MEDIUM"), RuleHarness.compact(found));
        assertNamesPrevious(found, "NM-PROG-FREQ C1:10 MEDIUM", "claim C1 line 2", "2025-03-01");
    }

    @Test
    void serviceDateOrdersBeforeClaimId() {
        assertEquals(expected("NM-PROG-FREQ C1:1 MEDIUM"), rules().lines(
                claim("C1").on("2025-03-10").cpt("95970"),
                claim("C2").on("2025-03-01").cpt("95970")).findings(RULE));
    }

    @Test
    void anotherPatientsLineIsNoEarlierLine() {
        assertEquals(List.of(), rules().lines(
                claim("C1").patient("P1").on("2025-03-01").cpt("95970"),
                claim("C2").patient("P2").on("2025-03-10").cpt("95970")).findings(RULE));
    }

    @Test
    void aLineThatWasItselfFlaggedStillCountsAsL1() {
        // C3 is 45 days after C1 but 25 days after C2, which was flagged itself.
        List<Finding> found = rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-21").cpt("95971"),
                claim("C3").on("2025-04-15").cpt("95972")).findingsOf(RULE);
        assertEquals(expected("NM-PROG-FREQ C2:1 MEDIUM", "NM-PROG-FREQ C3:1 MEDIUM"), RuleHarness.compact(found));
        assertNamesPrevious(found, "NM-PROG-FREQ C3:1 MEDIUM", "claim C2 line 1", "2025-03-21");
    }

    // ---- The first month after an implant ------------------------------------------------------------
    // Implant (63685, claim I1) on 2025-01-10: the grace month is 2025-01-10 .. 2025-02-08.

    @Test
    void graceStartsOnTheImplantDay() {
        assertEquals(List.of(), rules().lines(
                claim("I1").on("2025-01-10").cpt("63685"),
                claim("C1").on("2025-01-05").cpt("95970"),
                claim("C2").on("2025-01-10").cpt("95970")).findings(RULE));
    }

    @Test
    void theDayBeforeTheImplantHasNoGrace() {
        assertEquals(expected("NM-PROG-FREQ C2:1 MEDIUM"), rules().lines(
                claim("I1").on("2025-01-10").cpt("63685"),
                claim("C1").on("2024-12-21").cpt("95970"),
                claim("C2").on("2025-01-09").cpt("95970")).findings(RULE));
    }

    @Test
    void graceLastsUntil29DaysAfterTheImplant() {
        assertEquals(List.of(), rules().lines(
                claim("I1").on("2025-01-10").cpt("63685"),
                claim("C1").on("2025-01-30").cpt("95970"),
                claim("C2").on("2025-02-08").cpt("95971")).findings(RULE));
    }

    @Test
    void noGrace30DaysAfterTheImplant() {
        // C2 is 10 days after C1, a line of the grace month, which counts as L1.
        List<Finding> found = rules().lines(
                claim("I1").on("2025-01-10").cpt("63685"),
                claim("C1").on("2025-01-30").cpt("95970"),
                claim("C2").on("2025-02-09").cpt("95971")).findingsOf(RULE);
        assertEquals(expected("NM-PROG-FREQ C2:1 MEDIUM"), RuleHarness.compact(found));
        assertNamesPrevious(found, "NM-PROG-FREQ C2:1 MEDIUM", "claim C1 line 1", "2025-01-30");
    }

    @Test
    void aReplacementImplantAlsoOpensAGraceMonth() {
        // 2025-01-10 is a replacement (the patient had a generator in 2024).
        assertEquals(List.of(), rules().lines(
                claim("I0").on("2024-01-10").cpt("63685"),
                claim("I1").on("2025-01-10").cpt("63685"),
                claim("C1").on("2025-01-05").cpt("95970"),
                claim("C2").on("2025-01-15").cpt("95970")).findings(RULE));
    }

    @Test
    void aZ4542ReplacementAlsoOpensAGraceMonth() {
        assertEquals(List.of(), rules().lines(
                claim("I1").on("2025-01-10").cpt("63685").dx("Z45.42"),
                claim("C1").on("2025-01-05").cpt("95970"),
                claim("C2").on("2025-01-15").cpt("95970")).findings(RULE));
    }

    @Test
    void linesBeforeTheImplantAndInTheGraceMonthCountAsL1() {
        // C1 before the implant, C2 and C3 in the grace month (not flagged); C4, 40 days after the
        // implant, is 15 days after C3.
        List<Finding> found = rules().lines(
                claim("I1").on("2025-01-10").cpt("63685"),
                claim("C1").on("2024-12-31").cpt("95970"),
                claim("C2").on("2025-01-15").cpt("95971"),
                claim("C3").on("2025-02-04").cpt("95972"),
                claim("C4").on("2025-02-19").cpt("95970")).findingsOf(RULE);
        assertEquals(expected("NM-PROG-FREQ C4:1 MEDIUM"), RuleHarness.compact(found));
        assertNamesPrevious(found, "NM-PROG-FREQ C4:1 MEDIUM", "claim C3 line 1", "2025-02-04");
    }

    @Test
    void anotherPatientsImplantOpensNoGraceMonth() {
        assertEquals(expected("NM-PROG-FREQ C2:1 MEDIUM"), rules().lines(
                claim("I1").patient("P2").on("2025-03-01").cpt("63685"),
                claim("C1").patient("P1").on("2025-03-01").cpt("95970"),
                claim("C2").patient("P1").on("2025-03-10").cpt("95970")).findings(RULE));
    }

    // ---- Parameters ------------------------------------------------------------------------------------

    @Test
    void programmingWindowDaysOverride() {
        // With 20 days: 19 days apart is flagged, 20 days apart is not.
        assertEquals(expected("NM-PROG-FREQ C2:1 MEDIUM"), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-20").cpt("95970"),
                claim("C3").on("2025-04-09").cpt("95970"))
                .param("programming_window_days", "20").findings(RULE));
    }

    @Test
    void programmingGraceDaysOverride() {
        // With 10 days of grace, 2025-01-20 (10 days after the implant) is outside it.
        assertEquals(expected("NM-PROG-FREQ C2:1 MEDIUM"), rules().lines(
                claim("I1").on("2025-01-10").cpt("63685"),
                claim("C1").on("2025-01-15").cpt("95970"),
                claim("C2").on("2025-01-20").cpt("95970"))
                .param("programming_grace_days", "10").findings(RULE));
    }

    @Test
    void onlyTheThreeAnalysisCodesAreProgrammingLines() {
        // 95976 (another neurostimulator programming code) is not one of 95970, 95971, 95972.
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-10").cpt("95976"),
                claim("C3").on("2025-03-20").cpt("95976")).findings(RULE));
    }
}
