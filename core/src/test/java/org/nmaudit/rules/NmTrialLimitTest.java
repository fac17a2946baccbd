package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.ClaimLineBuilder;

/**
 * NM-TRIAL-LIMIT (extended-rules.md): every 63650 line of a patient's third or later trial episode
 * (two SCS trials per region per lifetime; the region is not on the claim, so the count is per patient).
 */
class NmTrialLimitTest {
    private static final String RULE = "NM-TRIAL-LIMIT";

    @Test
    void oneTrialIsNotFlagged() {
        assertEquals(List.of(), rules().line(claim("T1").on("2024-01-10").cpt("63650")).findings(RULE));
    }

    @Test
    void twoTrialsAreNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("T1").on("2024-01-10").cpt("63650"),
                claim("T2").on("2024-06-10").cpt("63650")).findings(RULE));
    }

    @Test
    void everyTrialLineOfTheThirdTrialIsFlagged() {
        // The third trial: two lines on the physician's claim and the hospital's institutional line.
        // The E/M line that day is no trial line.
        assertEquals(expected("NM-TRIAL-LIMIT T3:1 HIGH", "NM-TRIAL-LIMIT T3:2 HIGH", "NM-TRIAL-LIMIT H3:1 HIGH"),
                rules().lines(
                        claim("T1").on("2024-01-10").cpt("63650"),
                        claim("T2").on("2024-06-10").cpt("63650"),
                        claim("T3", 1).on("2025-01-10").cpt("63650"),
                        claim("T3", 2).on("2025-01-10").cpt("63650"),
                        claim("T3", 3).on("2025-01-10").cpt("99213").modifiers("25"),
                        claim("H3").on("2025-01-10").cpt("63650").institutional()
                                .npi(ClaimLineBuilder.NPI_HOSPITAL)).findings(RULE));
    }

    @Test
    void theFourthTrialIsFlaggedToo() {
        assertEquals(expected("NM-TRIAL-LIMIT T3:1 HIGH", "NM-TRIAL-LIMIT T4:1 HIGH"), rules().lines(
                claim("T1").on("2024-01-10").cpt("63650"),
                claim("T2").on("2024-06-10").cpt("63650"),
                claim("T3").on("2025-01-10").cpt("63650"),
                claim("T4").on("2025-06-10").cpt("63650")).findings(RULE));
    }

    @Test
    void severalLinesAndClaimsOfOneDayAreOneTrial() {
        // The first day has three trial lines on two claims (and two units): still one trial.
        assertEquals(List.of(), rules().lines(
                claim("T1", 1).on("2024-01-10").cpt("63650"),
                claim("T1", 2).on("2024-01-10").cpt("63650").units("2"),
                claim("H1").on("2024-01-10").cpt("63650").institutional().npi(ClaimLineBuilder.NPI_HOSPITAL),
                claim("T2").on("2024-06-10").cpt("63650")).findings(RULE));
    }

    @Test
    void anInstitutionalOnlyTrialCounts() {
        assertEquals(expected("NM-TRIAL-LIMIT T3:1 HIGH"), rules().lines(
                claim("H1").on("2024-01-10").cpt("63650").institutional().npi(ClaimLineBuilder.NPI_HOSPITAL),
                claim("T2").on("2024-06-10").cpt("63650"),
                claim("T3").on("2025-01-10").cpt("63650")).findings(RULE));
    }

    @Test
    void twoPatientsAreCountedApart() {
        assertEquals(List.of(), rules().lines(
                claim("A1").patient("P1").on("2024-01-10").cpt("63650"),
                claim("B1").patient("P2").on("2024-02-10").cpt("63650"),
                claim("A2").patient("P1").on("2024-06-10").cpt("63650"),
                claim("B2").patient("P2").on("2024-07-10").cpt("63650")).findings(RULE));
    }

    @Test
    void onlyThePatientWithAThirdTrialIsFlagged() {
        assertEquals(expected("NM-TRIAL-LIMIT A3:1 HIGH"), rules().lines(
                claim("A1").patient("P1").on("2024-01-10").cpt("63650"),
                claim("B1").patient("P2").on("2024-02-10").cpt("63650"),
                claim("A2").patient("P1").on("2024-06-10").cpt("63650"),
                claim("B2").patient("P2").on("2024-07-10").cpt("63650"),
                claim("A3").patient("P1").on("2025-01-10").cpt("63650")).findings(RULE));
    }

    @Test
    void permanentLeadsWithTheGeneratorAreNoTrialAndDoNotCount() {
        // 2024-06-10 has 63650 and 63685: the permanent leads, not a trial. 2025-01-10 is the second trial.
        assertEquals(List.of(), rules().lines(
                claim("T1").on("2024-01-10").cpt("63650"),
                claim("I1", 1).on("2024-06-10").cpt("63650"),
                claim("I1", 2).on("2024-06-10").cpt("63685"),
                claim("T2").on("2025-01-10").cpt("63650")).findings(RULE));
    }

    @Test
    void permanentLeadsAfterTwoTrialsAreNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("T1").on("2024-01-10").cpt("63650"),
                claim("T2").on("2024-03-10").cpt("63650"),
                claim("I1", 1).on("2024-06-10").cpt("63650"),
                claim("I1", 2).on("2024-06-10").cpt("63685"),
                claim("H1").on("2024-06-10").cpt("63650").institutional().npi(ClaimLineBuilder.NPI_HOSPITAL))
                .findings(RULE));
    }

    @Test
    void anImplantInBetweenDoesNotResetTheLifetimeCount() {
        // Two trials per patient per lifetime: a generator implanted after the second does not reset it.
        assertEquals(expected("NM-TRIAL-LIMIT T3:1 HIGH"), rules().lines(
                claim("T1").on("2022-01-10").cpt("63650"),
                claim("T2").on("2022-06-10").cpt("63650"),
                claim("I1").on("2022-07-10").cpt("63685"),
                claim("T3").on("2025-01-10").cpt("63650")).findings(RULE));
    }

    @Test
    void messageSaysTheCountIsPerPatient() {
        List<Finding> found = rules().lines(
                claim("T1").on("2024-01-10").cpt("63650"),
                claim("T2").on("2024-06-10").cpt("63650"),
                claim("T3").on("2025-01-10").cpt("63650")).findingsOf(RULE);
        assertEquals(1, found.size());
        String message = found.get(0).message();
        assertTrue(message.contains("per patient"), "message should say the count is per patient: " + message);
        assertTrue(message.contains("2025-01-10") && message.contains("trial number 3"), message);
        assertTrue(message.contains("2024-01-10, 2024-06-10"), "message should name the earlier trials: " + message);
    }
}
