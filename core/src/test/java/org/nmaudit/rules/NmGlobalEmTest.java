package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_B;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.findings.Finding;

/**
 * NM-GLOBAL-EM (extended-rules.md): an E/M line (99202–99205, 99211–99215) of the same patient and
 * rendering NPI with 0 ≤ D − S ≤ global_days_minor days after a 63650 or 63685 line S, lacking modifier
 * 24, 25 or 57. The surgery (S1, NPI_A) is on 2025-03-01 unless a test says otherwise.
 */
class NmGlobalEmTest {
    private static final String RULE = "NM-GLOBAL-EM";
    private static final String FLAGGED = "NM-GLOBAL-EM E1:1 MEDIUM";

    @ParameterizedTest
    @ValueSource(strings = {"99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215"})
    void visitOnTheSurgeryDayIsFlagged(String em) {
        assertEquals(expected(FLAGGED), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-01").cpt(em)).findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215"})
    void visitTenDaysAfterIsFlagged(String em) {
        assertEquals(expected(FLAGGED), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-11").cpt(em)).findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215"})
    void visitElevenDaysAfterIsNotFlagged(String em) {
        assertEquals(List.of(), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-12").cpt(em)).findings(RULE));
    }

    @Test
    void visitTheDayBeforeIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-02-28").cpt("99213")).findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99201", "99024", "99216", "99291", "95970"})
    void otherCodesAreNotEmVisitsOfTheRule(String code) {
        // 99201 was deleted in 2021; 99024 is the post-operative visit included in the global period.
        assertEquals(List.of(), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-05").cpt(code)).findings(RULE));
    }

    // ---- Modifiers ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"24", "25", "57"})
    void modifier24Or25Or57Exempts(String modifier) {
        assertEquals(List.of(), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-05").cpt("99213").modifiers(modifier)).findings(RULE));
    }

    @Test
    void anExemptingModifierAmongOthersExempts() {
        assertEquals(List.of(), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-05").cpt("99213").modifiers("59", "25")).findings(RULE));
    }

    @Test
    void modifier59DoesNotExempt() {
        assertEquals(expected(FLAGGED), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-05").cpt("99213").modifiers("59")).findings(RULE));
    }

    @Test
    void otherModifiersDoNotExempt() {
        assertEquals(expected(FLAGGED), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-05").cpt("99213").modifiers("XU", "GT")).findings(RULE));
    }

    // ---- Which surgery, whose visit ----------------------------------------------------------------------

    @Test
    void aTrial63650OpensTheGlobalPeriod() {
        assertEquals(expected(FLAGGED), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-05").cpt("99214")).findings(RULE));
    }

    @Test
    void aPermanent63650OpensTheGlobalPeriod() {
        // NPI_A places the permanent percutaneous leads; NPI_B bills the generator the same day.
        assertEquals(expected(FLAGGED), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("S2").on("2025-03-01").cpt("63685").npi(NPI_B),
                claim("E1").on("2025-03-05").cpt("99214")).findings(RULE));
    }

    @Test
    void aGenerator63685OpensTheGlobalPeriod() {
        assertEquals(expected(FLAGGED), rules().lines(
                claim("S1").on("2025-03-01").cpt("63685"),
                claim("E1").on("2025-03-11").cpt("99214")).findings(RULE));
    }

    @Test
    void otherProceduresOpenNoGlobalPeriodHere() {
        assertEquals(List.of(), rules().lines(
                claim("S1").on("2025-03-01").cpt("63661"),
                claim("S2").on("2025-03-01").cpt("63655"),
                claim("S3").on("2025-03-01").cpt("64555"),
                claim("E1").on("2025-03-05").cpt("99214")).findings(RULE));
    }

    @Test
    void anotherNpisVisitIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-05").cpt("99213").npi(NPI_B)).findings(RULE));
    }

    @Test
    void anotherPatientsSurgeryIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("S1").patient("P2").on("2025-03-01").cpt("63650"),
                claim("E1").patient("P1").on("2025-03-05").cpt("99213")).findings(RULE));
    }

    @Test
    void twoSurgeriesInTheWindowGiveOneFinding() {
        assertEquals(expected(FLAGGED), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("S2").on("2025-03-04").cpt("63685"),
                claim("E1").on("2025-03-06").cpt("99213")).findings(RULE));
    }

    @Test
    void onlyTheVisitIsFlaggedAndTheMessageNamesTheSurgery() {
        List<Finding> found = rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-04").cpt("99213")).findingsOf(RULE);
        assertEquals(1, found.size());
        assertEquals("99213 on 2025-03-04 is 3 day(s) after the same physician's 63650 of 2025-03-01 (claim S1 line 1),"
                + " inside its 10-day global period, and carries none of modifiers 24, 25, 57.",
                found.get(0).message());
    }

    // ---- Parameters ----------------------------------------------------------------------------------------

    @Test
    void globalDaysMinorOverride() {
        assertEquals(expected("NM-GLOBAL-EM E1:1 MEDIUM"), rules().lines(
                claim("S1").on("2025-03-01").cpt("63650"),
                claim("E1").on("2025-03-04").cpt("99213"),
                claim("E2").on("2025-03-05").cpt("99213"))
                .param("global_days_minor", "3").findings(RULE));
    }
}
