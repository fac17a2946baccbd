package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.ClaimLineBuilder;
import org.nmaudit.testing.RuleHarness;

/**
 * NM-PROG-TRIAL (extended-rules.md): a 95971 or 95972 line dated 0 <= D - T <= 10 days after a trial
 * episode T of the patient, with no permanent implant event on a date in [T, D].
 */
class NmProgTrialTest {
    private static final String RULE = "NM-PROG-TRIAL";
    private static final LocalDate T = LocalDate.parse("2025-03-01");

    /** The trial of P1 on T (claim T1) and a programming line (claim C1) D - T days later. */
    private static RuleHarness trialAndProgramming(String cpt, int daysAfterTrial) {
        return rules().lines(
                claim("T1").on(T).cpt("63650"),
                claim("C1").on(T.plusDays(daysAfterTrial)).cpt(cpt));
    }

    @ParameterizedTest
    @ValueSource(strings = {"95971", "95972"})
    void onTheTrialDayIsFlagged(String cpt) {
        assertEquals(expected("NM-PROG-TRIAL C1:1 MEDIUM"), trialAndProgramming(cpt, 0).findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"95971", "95972"})
    void tenDaysAfterTheTrialIsFlagged(String cpt) {
        assertEquals(expected("NM-PROG-TRIAL C1:1 MEDIUM"), trialAndProgramming(cpt, 10).findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"95971", "95972"})
    void elevenDaysAfterTheTrialIsNotFlagged(String cpt) {
        assertEquals(List.of(), trialAndProgramming(cpt, 11).findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"95971", "95972"})
    void theDayBeforeTheTrialIsNotFlagged(String cpt) {
        assertEquals(List.of(), trialAndProgramming(cpt, -1).findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 5, 10, 11})
    void a95970IsNeverFlagged(int daysAfterTrial) {
        assertEquals(List.of(), trialAndProgramming("95970", daysAfterTrial).findings(RULE));
    }

    @Test
    void trialPeriodDaysOverride() {
        // With 5 days: 5 days after the trial is flagged, 6 days after is not.
        assertEquals(expected("NM-PROG-TRIAL C1:1 MEDIUM"), rules().lines(
                claim("T1").on(T).cpt("63650"),
                claim("C1").on(T.plusDays(5)).cpt("95971"),
                claim("C2").on(T.plusDays(6)).cpt("95972"))
                .param("trial_period_days", "5").findings(RULE));
    }

    @Test
    void trialPeriodDaysOverrideCanWidenThePeriod() {
        assertEquals(expected("NM-PROG-TRIAL C1:1 MEDIUM"), rules().lines(
                claim("T1").on(T).cpt("63650"),
                claim("C1").on(T.plusDays(14)).cpt("95971"),
                claim("C2").on(T.plusDays(15)).cpt("95972"))
                .param("trial_period_days", "14").findings(RULE));
    }

    // ---- A permanent implant on a date in [T, D] ---------------------------------------------------
    // A trial day cannot carry a 63685 (the 63650 of such a day is not a trial line), so the implant
    // falls on T + 1 .. D.

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 10})
    void aNewImplantAfterTheTrialAndUpToTheLineClearsIt(int implantDaysAfterTrial) {
        assertEquals(List.of(), rules().lines(
                claim("T1").on(T).cpt("63650"),
                claim("I1").on(T.plusDays(implantDaysAfterTrial)).cpt("63685"),
                claim("C1").on(T.plusDays(10)).cpt("95972")).findings(RULE));
    }

    @Test
    void anImplantOnTheLinesOwnDayClearsIt() {
        assertEquals(List.of(), rules().lines(
                claim("T1").on(T).cpt("63650"),
                claim("I1").on(T.plusDays(3)).cpt("63685"),
                claim("C1").on(T.plusDays(3)).cpt("95971")).findings(RULE));
    }

    @Test
    void aReplacementImplantInTheWindowClearsIt() {
        // 2025-03-04 is a replacement: the patient already had a generator in 2023.
        assertEquals(List.of(), rules().lines(
                claim("I0").on("2023-01-10").cpt("63685"),
                claim("T1").on(T).cpt("63650"),
                claim("I1").on(T.plusDays(3)).cpt("63685"),
                claim("C1").on(T.plusDays(7)).cpt("95971")).findings(RULE));
    }

    @Test
    void aZ4542ReplacementInTheWindowClearsIt() {
        assertEquals(List.of(), rules().lines(
                claim("T1").on(T).cpt("63650"),
                claim("I1").on(T.plusDays(3)).cpt("63685").dx("Z45.42"),
                claim("C1").on(T.plusDays(7)).cpt("95971")).findings(RULE));
    }

    @Test
    void anImplantAfterTheLineDoesNotClearIt() {
        assertEquals(expected("NM-PROG-TRIAL C1:1 MEDIUM"), rules().lines(
                claim("T1").on(T).cpt("63650"),
                claim("C1").on(T.plusDays(3)).cpt("95971"),
                claim("I1").on(T.plusDays(4)).cpt("63685")).findings(RULE));
    }

    @Test
    void anImplantBeforeTheTrialDoesNotClearIt() {
        assertEquals(expected("NM-PROG-TRIAL C1:1 MEDIUM"), rules().lines(
                claim("I0").on(T.minusDays(1)).cpt("63685"),
                claim("T1").on(T).cpt("63650"),
                claim("C1").on(T.plusDays(3)).cpt("95971")).findings(RULE));
    }

    @Test
    void anotherPatientsImplantDoesNotClearIt() {
        assertEquals(expected("NM-PROG-TRIAL C1:1 MEDIUM"), rules().lines(
                claim("T1").on(T).cpt("63650"),
                claim("I1").patient("P2").on(T.plusDays(2)).cpt("63685"),
                claim("C1").on(T.plusDays(3)).cpt("95971")).findings(RULE));
    }

    @Test
    void anotherPatientsTrialDoesNotCount() {
        assertEquals(List.of(), rules().lines(
                claim("T1").patient("P2").on(T).cpt("63650"),
                claim("C1").patient("P1").on(T.plusDays(3)).cpt("95971")).findings(RULE));
    }

    @Test
    void a63650WithThePermanentGeneratorIsNoTrial() {
        // 63650 with 63685 the same day codes the permanent leads: no trial episode, no trial period.
        assertEquals(List.of(), rules().lines(
                claim("I1", 1).on(T).cpt("63650"),
                claim("I1", 2).on(T).cpt("63685"),
                claim("C1").on(T.plusDays(3)).cpt("95971")).findings(RULE));
    }

    @Test
    void anInstitutionalOnlyTrialAlsoOpensATrialPeriod() {
        assertEquals(expected("NM-PROG-TRIAL C1:1 MEDIUM"), rules().lines(
                claim("H1").on(T).cpt("63650").institutional().npi(ClaimLineBuilder.NPI_HOSPITAL),
                claim("C1").on(T.plusDays(3)).cpt("95971")).findings(RULE));
    }

    @Test
    void everyProgrammingLineInThePeriodIsFlagged() {
        assertEquals(expected("NM-PROG-TRIAL C1:1 MEDIUM", "NM-PROG-TRIAL C1:2 MEDIUM", "NM-PROG-TRIAL H1:1 MEDIUM"),
                rules().lines(
                        claim("T1").on(T).cpt("63650"),
                        claim("C1", 1).on(T.plusDays(2)).cpt("95971"),
                        claim("C1", 2).on(T.plusDays(2)).cpt("95972"),
                        claim("H1").on(T.plusDays(6)).cpt("95972").institutional(),
                        claim("C2").on(T.plusDays(6)).cpt("95970")).findings(RULE));
    }

    @Test
    void aLaterTrialWithoutAnImplantSinceOpensItsOwnPeriod() {
        // Trial T, implant T+2 (clears T), then a second trial T+5: the line on T+8 follows that trial
        // with no implant in [T+5, T+8].
        assertEquals(expected("NM-PROG-TRIAL C1:1 MEDIUM"), rules().lines(
                claim("T1").on(T).cpt("63650"),
                claim("I1").on(T.plusDays(2)).cpt("63685"),
                claim("T2").on(T.plusDays(5)).cpt("63650"),
                claim("C1").on(T.plusDays(8)).cpt("95971")).findings(RULE));
    }

    @Test
    void messageNamesTheTrialDate() {
        List<Finding> found = trialAndProgramming("95972", 4).findingsOf(RULE);
        assertEquals(1, found.size());
        String message = found.get(0).message();
        assertTrue(message.contains("2025-03-01"), "message should name the trial date: " + message);
        assertTrue(message.contains("95972") && message.contains("2025-03-05"), message);
    }
}
