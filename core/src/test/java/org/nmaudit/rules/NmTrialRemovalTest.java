package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_B;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_HOSPITAL;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;

/**
 * NM-TRIAL-REMOVAL (extended-rules.md): a 63661 line with 0 < D − T ≤ 10 days (global_days_minor)
 * after a trial episode T of the same patient whose owner NPI is the line's rendering NPI.
 * The trial (T1, NPI_A) is on 2025-03-01 throughout.
 */
class NmTrialRemovalTest {
    private static final String RULE = "NM-TRIAL-REMOVAL";

    @Test
    void removalOnTheTrialDayIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("R1").on("2025-03-01").cpt("63661")).findings(RULE));
    }

    @Test
    void removalOneDayAfterIsFlagged() {
        assertEquals(expected("NM-TRIAL-REMOVAL R1:1 MEDIUM"), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("R1").on("2025-03-02").cpt("63661")).findings(RULE));
    }

    @Test
    void removalTenDaysAfterIsFlagged() {
        assertEquals(expected("NM-TRIAL-REMOVAL R1:1 MEDIUM"), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("R1").on("2025-03-11").cpt("63661")).findings(RULE));
    }

    @Test
    void removalElevenDaysAfterIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("R1").on("2025-03-12").cpt("63661")).findings(RULE));
    }

    @Test
    void removalBeforeTheTrialIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("R1").on("2025-02-27").cpt("63661")).findings(RULE));
    }

    @Test
    void removalByAnotherNpiIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("R1").on("2025-03-05").cpt("63661").npi(NPI_B)).findings(RULE));
    }

    @Test
    void anotherPatientsTrialIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("T1").patient("P2").on("2025-03-01").cpt("63650"),
                claim("R1").patient("P1").on("2025-03-05").cpt("63661")).findings(RULE));
    }

    @Test
    void revisionCode63663IsNotThisRule() {
        assertEquals(List.of(), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("R1").on("2025-03-05").cpt("63663")).findings(RULE));
    }

    @Test
    void permanentLeadsAreNoTrial() {
        // 63650 with 63685 the same day is the permanent percutaneous leads, not a trial episode.
        assertEquals(List.of(), rules().lines(
                claim("I1", 1).on("2025-03-01").cpt("63650"),
                claim("I1", 2).on("2025-03-01").cpt("63685"),
                claim("R1").on("2025-03-05").cpt("63661")).findings(RULE));
    }

    // ---- Whose trial: the owner NPI -----------------------------------------------------------------

    @Test
    void trialOwnedByThePhysicianWhileTheHospitalBillsTheInstitutionalLine() {
        // The physician (NPI_A) owns the episode: the physician's removal is flagged; the hospital's
        // institutional removal line, under the hospital's NPI, is not the owner's.
        assertEquals(expected("NM-TRIAL-REMOVAL R1:1 MEDIUM"), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("H1").on("2025-03-01").cpt("63650").npi(NPI_HOSPITAL).institutional(),
                claim("R1").on("2025-03-05").cpt("63661"),
                claim("HR").on("2025-03-05").cpt("63661").npi(NPI_HOSPITAL).institutional()).findings(RULE));
    }

    @Test
    void anInstitutionalRemovalUnderThePhysiciansNpiIsFlagged() {
        assertEquals(expected("NM-TRIAL-REMOVAL HR:1 MEDIUM"), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("HR").on("2025-03-05").cpt("63661").institutional()).findings(RULE));
    }

    @Test
    void aTrialSeenOnlyOnTheHospitalClaimIsOwnedByTheHospitalNpi() {
        // core-rules.md: with only institutional trial lines the episode belongs to the first of those.
        assertEquals(expected("NM-TRIAL-REMOVAL HR:1 MEDIUM"), rules().lines(
                claim("H1").on("2025-03-01").cpt("63650").npi(NPI_HOSPITAL).institutional(),
                claim("R1").on("2025-03-05").cpt("63661"),
                claim("HR").on("2025-03-05").cpt("63661").npi(NPI_HOSPITAL).institutional()).findings(RULE));
    }

    @Test
    void theOwnerIsTheFirstProfessionalTrialLineByClaimId() {
        // "C10" sorts before "C9": NPI_B owns the episode.
        assertEquals(expected("NM-TRIAL-REMOVAL RB:1 MEDIUM"), rules().lines(
                claim("C9").on("2025-03-01").cpt("63650"),
                claim("C10").on("2025-03-01").cpt("63650").npi(NPI_B),
                claim("RA").on("2025-03-05").cpt("63661"),
                claim("RB").on("2025-03-05").cpt("63661").npi(NPI_B)).findings(RULE));
    }

    @Test
    void twoTrialsInTheWindowGiveOneFinding() {
        List<Finding> found = rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("T2").on("2025-03-04").cpt("63650"),
                claim("R1").on("2025-03-06").cpt("63661")).findingsOf(RULE);
        assertEquals(1, found.size());
    }

    @Test
    void messageNamesTheDaysAndTheTrialDate() {
        List<Finding> found = rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("R1").on("2025-03-08").cpt("63661")).findingsOf(RULE);
        assertEquals(1, found.size());
        assertEquals("63661 (lead removal) on 2025-03-08 by 1234567893 is 7 day(s) after the same physician's SCS"
                + " trial of 2025-03-01, inside the trial's 10-day global period: removing the trial leads is included"
                + " in 63650.", found.get(0).message());
    }

    // ---- Parameters ------------------------------------------------------------------------------------

    @Test
    void globalDaysMinorOverride() {
        // With 5 days: 5 days after is flagged, 6 days after is not.
        assertEquals(expected("NM-TRIAL-REMOVAL R1:1 MEDIUM"), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("R1").on("2025-03-06").cpt("63661"),
                claim("R2").on("2025-03-07").cpt("63661"))
                .param("global_days_minor", "5").findings(RULE));
    }

    @Test
    void globalDaysMinorOverrideCanWiden() {
        assertEquals(expected("NM-TRIAL-REMOVAL R1:1 MEDIUM"), rules().lines(
                claim("T1").on("2025-03-01").cpt("63650"),
                claim("R1").on("2025-03-16").cpt("63661"))
                .param("global_days_minor", "15").findings(RULE));
    }
}
