package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_HOSPITAL;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.RuleHarness;

/**
 * NM-TRIAL-DOC (core-rules.md): a new implant P without a documented successful trial T, the latest
 * trial with 0 &lt; P - T &lt;= 180 days. Most fixtures: trial on 2025-01-10 (claim C1), new implant on
 * 2025-02-09 (claim C2, one professional 63685 line).
 */
class NmTrialDocTest {
    private static final String RULE = "NM-TRIAL-DOC";

    private static RuleHarness trialAndImplant() {
        return rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-02-09").cpt("63685"));
    }

    /** Exactly these findings, and each message states every one of the facts. */
    private static void assertFindings(List<Finding> found, List<String> expected, String... facts) {
        assertEquals(expected, RuleHarness.compact(found));
        for (Finding f : found) {
            for (String fact : facts) {
                assertTrue(f.message().contains(fact), "message lacks \"" + fact + "\": " + f.message());
            }
        }
    }

    // ---- NO_TRIAL and the conversion window ------------------------------------------------------------

    @Test
    void noTrialEverIsNoTrial() {
        List<Finding> found = rules().lines(claim("C2").on("2025-02-09").cpt("63685")).findingsOf(RULE);
        assertFindings(found, expected("NM-TRIAL-DOC C2:1 HIGH"), "NO_TRIAL", "2025-02-09");
        assertFalse(found.get(0).message().contains("TRIAL_OUTSIDE_WINDOW"), found.get(0).message());
    }

    @Test
    void aTrialAfterTheImplantIsNoTrialBeforeIt() {
        List<Finding> found = rules().lines(
                claim("C2").on("2025-02-09").cpt("63685"),
                claim("C3").on("2025-02-19").cpt("63650")).findingsOf(RULE);
        assertFindings(found, expected("NM-TRIAL-DOC C2:1 HIGH"), "NO_TRIAL");
        assertFalse(found.get(0).message().contains("TRIAL_OUTSIDE_WINDOW"), found.get(0).message());
    }

    @Test
    void aTrial181DaysBeforeIsOutsideTheWindowAndNamed() {
        List<Finding> found = rules().lines(
                claim("C1").on("2025-01-09").cpt("63650"),
                claim("C2").on("2025-07-09").cpt("63685"))
                .outcome("P1", "2025-02-01", 80.0, 80.0, true)
                .findingsOf(RULE);
        assertFindings(found, expected("NM-TRIAL-DOC C2:1 HIGH"), "TRIAL_OUTSIDE_WINDOW", "2025-01-09");
    }

    @Test
    void aTrialExactly180DaysBeforeIsInTheWindow() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-07-09").cpt("63685"))
                .outcome("P1", "2025-02-01", 80.0, null, true)
                .findings(RULE));
    }

    @Test
    void aTrialExactly180DaysBeforeIsTheTrialAnOutcomeIsLookedFor() {
        assertFindings(rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-07-09").cpt("63685")).findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "NO_OUTCOME", "2025-01-10");
    }

    @Test
    void theLatestTrialInTheWindowIsTheOneUsed() {
        // The outcome of 2024-11-05 documents the trial of 2024-11-01, not the later one of 2025-01-10.
        List<Finding> found = rules().lines(
                claim("C0").on("2024-11-01").cpt("63650"),
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-02-09").cpt("63685"))
                .outcome("P1", "2024-11-05", 80.0, 80.0, true)
                .findingsOf(RULE);
        assertFindings(found, expected("NM-TRIAL-DOC C2:1 HIGH"), "NO_OUTCOME", "2025-01-10");
    }

    @Test
    void anInstitutionalOnlyTrialIsATrial() {
        assertEquals(List.of(), rules().lines(
                claim("H1").on("2025-01-10").cpt("63650").institutional().npi(NPI_HOSPITAL),
                claim("C2").on("2025-02-09").cpt("63685"))
                .outcome("P1", "2025-01-20", 80.0, null, true)
                .findings(RULE));
    }

    // ---- NO_OUTCOME: an outcome dated T <= date <= P -------------------------------------------------

    @Test
    void anOutcomeTheDayBeforeTheTrialIsNoOutcome() {
        assertFindings(trialAndImplant().outcome("P1", "2025-01-09", 80.0, 80.0, true).findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "NO_OUTCOME", "2025-01-10");
    }

    @Test
    void anOutcomeTheDayAfterTheImplantIsNoOutcome() {
        assertFindings(trialAndImplant().outcome("P1", "2025-02-10", 80.0, 80.0, true).findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "NO_OUTCOME", "2025-01-10");
    }

    @Test
    void anotherPatientsOutcomeIsNoOutcome() {
        assertFindings(trialAndImplant().outcome("P2", "2025-01-20", 80.0, 80.0, true).findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "NO_OUTCOME");
    }

    @Test
    void anOutcomeOnTheTrialDayCounts() {
        assertEquals(List.of(), trialAndImplant().outcome("P1", "2025-01-10", 80.0, null, true).findings(RULE));
    }

    @Test
    void anOutcomeOnTheImplantDayCounts() {
        assertEquals(List.of(), trialAndImplant().outcome("P1", "2025-02-09", 80.0, null, true).findings(RULE));
    }

    // ---- CRITERIA_NOT_MET: (pain >= 50 or analgesic >= 50) and functional improvement Y ------------------

    @Test
    void painAndAnalgesicAt49Point9AreCriteriaNotMet() {
        assertFindings(trialAndImplant().outcome("P1", "2025-01-20", 49.9, 49.9, true).findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "CRITERIA_NOT_MET");
    }

    @Test
    void exactly50PercentPainReliefWithFunctionalImprovementMeetsTheCriteria() {
        assertEquals(List.of(), trialAndImplant().outcome("P1", "2025-01-20", 50.0, null, true).findings(RULE));
    }

    @Test
    void exactly50PercentAnalgesicReductionWithFunctionalImprovementMeetsTheCriteria() {
        assertEquals(List.of(), trialAndImplant().outcome("P1", "2025-01-20", 10.0, 50.0, true).findings(RULE));
    }

    @Test
    void sixtyPercentPainReliefWithoutFunctionalImprovementIsCriteriaNotMet() {
        assertFindings(trialAndImplant().outcome("P1", "2025-01-20", 60.0, null, false).findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "CRITERIA_NOT_MET");
    }

    @Test
    void blankFunctionalImprovementIsCriteriaNotMet() {
        assertFindings(trialAndImplant().outcome("P1", "2025-01-20", 60.0, 60.0, null).findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "CRITERIA_NOT_MET");
    }

    @Test
    void blankPercentagesWithFunctionalImprovementAreCriteriaNotMet() {
        assertFindings(trialAndImplant().outcome("P1", "2025-01-20", null, null, true).findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "CRITERIA_NOT_MET");
    }

    @Test
    void oneGoodRowAmongSeveralMeetsTheCriteria() {
        assertEquals(List.of(), trialAndImplant()
                .outcome("P1", "2025-01-11", 30.0, 30.0, true)
                .outcome("P1", "2025-01-15", 70.0, null, true)
                .outcome("P1", "2025-01-17", 20.0, 10.0, false)
                .findings(RULE));
    }

    @Test
    void theCriteriaMustBeMetWithinOneRow() {
        // Pain relief on one row, functional improvement on another: no row is a success.
        assertFindings(trialAndImplant()
                .outcome("P1", "2025-01-15", 70.0, null, false)
                .outcome("P1", "2025-01-17", 20.0, null, true)
                .findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "CRITERIA_NOT_MET");
    }

    // ---- CRPS (G90.5x on any line of the patient dated T or P) -------------------------------------------

    @Test
    void crpsOnAnOfficeVisitOnTheTrialDayMakesItMedium() {
        assertFindings(trialAndImplant()
                .lines(claim("E1").on("2025-01-10").cpt("99213").dx("G90.50"))
                .outcome("P1", "2025-01-20", 40.0, null, true)
                .findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 MEDIUM"), "CRITERIA_NOT_MET", "CRPS", "physician judgment");
    }

    @Test
    void crpsOnAnotherLineOfTheImplantDayMakesEveryGeneratorLineMedium() {
        // Only the hospital's line carries G90.59; both 63685 lines of the day are MEDIUM.
        assertFindings(trialAndImplant()
                .lines(claim("H2").on("2025-02-09").cpt("63685").institutional().npi(NPI_HOSPITAL).dx("G90.59"))
                .outcome("P1", "2025-01-20", 40.0, null, true)
                .findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 MEDIUM", "NM-TRIAL-DOC H2:1 MEDIUM"),
                "CRITERIA_NOT_MET", "CRPS", "physician judgment");
    }

    @Test
    void crpsOnAnotherDayStaysHigh() {
        assertFindings(trialAndImplant()
                .lines(claim("E1").on("2025-01-15").cpt("99213").dx("G90.50"))
                .outcome("P1", "2025-01-20", 40.0, null, true)
                .findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "CRITERIA_NOT_MET");
    }

    @Test
    void crpsOfAnotherPatientStaysHigh() {
        assertFindings(trialAndImplant()
                .lines(claim("E1").patient("P2").on("2025-01-10").cpt("99213").dx("G90.50"))
                .outcome("P1", "2025-01-20", 40.0, null, true)
                .findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "CRITERIA_NOT_MET");
    }

    @Test
    void crpsDoesNotSoftenNoOutcome() {
        // The CRPS allowance belongs to reason 3 (CRITERIA_NOT_MET) only.
        assertFindings(trialAndImplant()
                .lines(claim("E1").on("2025-01-10").cpt("99213").dx("G90.50"))
                .findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "NO_OUTCOME");
    }

    // ---- Which lines -------------------------------------------------------------------------------------

    @Test
    void everyGeneratorLineOfTheImplantIsFlaggedWithItsOwnAmount() {
        // Professional and institutional 63685 lines; the permanent leads (63650) and the E/M line are not.
        List<Finding> found = rules().lines(
                claim("C2", 1).on("2025-02-09").cpt("63685").paid("1035.00"),
                claim("C2", 2).on("2025-02-09").cpt("63650").paid("400.00"),
                claim("C2", 3).on("2025-02-09").cpt("99213"),
                claim("H2").on("2025-02-09").cpt("63685").institutional().npi(NPI_HOSPITAL).billed("29617.00"))
                .findingsOf(RULE);
        assertFindings(found, expected("NM-TRIAL-DOC C2:1 HIGH", "NM-TRIAL-DOC H2:1 HIGH"), "NO_TRIAL");
        for (Finding f : found) {
            String amount = f.claimId().equals("C2") ? "1035.00" : "29617.00";
            assertEquals(0, new BigDecimal(amount).compareTo(f.amountAtRisk()), f.claimId() + " " + f.amountAtRisk());
        }
    }

    @Test
    void aReplacementByZ4542IsNeverFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C2").on("2025-02-09").cpt("63685").dx("Z45.42")).findings(RULE));
    }

    @Test
    void aReplacementByAT851DiagnosisIsNeverFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C2").on("2025-02-09").cpt("63685").dx("T85.192A")).findings(RULE));
    }

    @Test
    void aReplacementBySameDay63688IsNeverFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C2", 1).on("2025-02-09").cpt("63688"),
                claim("C2", 2).on("2025-02-09").cpt("63685")).findings(RULE));
    }

    @Test
    void aReplacementByAnEarlierImplantIsNeverFlagged() {
        // The first generator (no trial) is flagged; the second, a replacement, is not, though it has
        // an undocumented trial in its window.
        assertEquals(expected("NM-TRIAL-DOC C0:1 HIGH"), rules().lines(
                claim("C0").on("2024-01-10").cpt("63685"),
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-02-09").cpt("63685")).findings(RULE));
    }

    // ---- Parameters ------------------------------------------------------------------------------------

    @Test
    void conversionWindowDaysOverrideMovesTheWindow() {
        // 100 days from trial to implant: inside the default window, outside a 90-day one.
        RuleHarness h = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-04-20").cpt("63685"))
                .outcome("P1", "2025-01-20", 80.0, null, true);
        assertEquals(List.of(), h.findings(RULE));
        assertFindings(h.param("conversion_window_days", "90").findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "TRIAL_OUTSIDE_WINDOW", "2025-01-10");
    }

    @Test
    void painReliefThresholdOverride() {
        assertFindings(trialAndImplant().outcome("P1", "2025-01-20", 55.0, null, true)
                .param("trial_min_pain_relief_pct", "60").findingsOf(RULE),
                expected("NM-TRIAL-DOC C2:1 HIGH"), "CRITERIA_NOT_MET");
    }

    @Test
    void analgesicReductionThresholdOverride() {
        assertEquals(List.of(), trialAndImplant().outcome("P1", "2025-01-20", 10.0, 40.0, true)
                .param("trial_min_analgesic_reduction_pct", "40").findings(RULE));
    }
}
