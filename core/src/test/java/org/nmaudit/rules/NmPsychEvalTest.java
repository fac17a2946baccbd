package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.ClaimLineBuilder;
import org.nmaudit.testing.RuleHarness;

/**
 * NM-PSYCH-EVAL (extended-rules.md): every 63650 line of a trial episode T without a
 * psych-evaluations.csv row with 0 <= T - evaluation_date <= 365 days.
 */
class NmPsychEvalTest {
    private static final String RULE = "NM-PSYCH-EVAL";
    private static final LocalDate T = LocalDate.parse("2025-03-01");

    /** A trial of P1 on T (claim T1) and P1's evaluation the given number of days before T. */
    private static RuleHarness trialWithEvaluation(int daysBeforeTrial) {
        return rules().line(claim("T1").on(T).cpt("63650"))
                .psychEvaluation("P1", T.minusDays(daysBeforeTrial).toString());
    }

    @Test
    void anEvaluation365DaysBeforeTheTrialIsInTime() {
        assertEquals(List.of(), trialWithEvaluation(365).findings(RULE));
    }

    @Test
    void anEvaluation366DaysBeforeTheTrialIsTooOld() {
        assertEquals(expected("NM-PSYCH-EVAL T1:1 HIGH"), trialWithEvaluation(366).findings(RULE));
    }

    @Test
    void anEvaluationOnTheTrialDayIsInTime() {
        assertEquals(List.of(), trialWithEvaluation(0).findings(RULE));
    }

    @Test
    void anEvaluationAfterTheTrialDoesNotCount() {
        assertEquals(expected("NM-PSYCH-EVAL T1:1 HIGH"), trialWithEvaluation(-1).findings(RULE));
    }

    @Test
    void noEvaluationAtAllIsFlagged() {
        assertEquals(expected("NM-PSYCH-EVAL T1:1 HIGH"),
                rules().line(claim("T1").on(T).cpt("63650")).findings(RULE));
    }

    @Test
    void oneEvaluationInTheWindowIsEnoughAmongOthers() {
        assertEquals(List.of(), rules().line(claim("T1").on(T).cpt("63650"))
                .psychEvaluation("P1", T.minusDays(400).toString())
                .psychEvaluation("P1", T.minusDays(30).toString())
                .psychEvaluation("P1", T.plusDays(5).toString()).findings(RULE));
    }

    @Test
    void evaluationsOnlyOutsideTheWindowAreFlagged() {
        assertEquals(expected("NM-PSYCH-EVAL T1:1 HIGH"), rules().line(claim("T1").on(T).cpt("63650"))
                .psychEvaluation("P1", T.minusDays(366).toString())
                .psychEvaluation("P1", T.plusDays(1).toString()).findings(RULE));
    }

    @Test
    void psychEvalMaxAgeDaysOverride() {
        // With 180 days: the evaluation 181 days before the trial is too old, 180 days is in time.
        assertEquals(expected("NM-PSYCH-EVAL T1:1 HIGH"), trialWithEvaluation(181)
                .param("psych_eval_max_age_days", "180").findings(RULE));
        assertEquals(List.of(), trialWithEvaluation(180)
                .param("psych_eval_max_age_days", "180").findings(RULE));
    }

    @Test
    void psychEvalMaxAgeDaysOverrideCanWidenTheWindow() {
        assertEquals(List.of(), trialWithEvaluation(500)
                .param("psych_eval_max_age_days", "730").findings(RULE));
    }

    @Test
    void everyTrialLineOfTheDayIsFlaggedProfessionalAndInstitutional() {
        // Two trial lines on the physician's claim, one on the hospital's; the E/M line is not a trial line.
        assertEquals(expected("NM-PSYCH-EVAL T1:1 HIGH", "NM-PSYCH-EVAL T1:2 HIGH", "NM-PSYCH-EVAL H1:1 HIGH"),
                rules().lines(
                        claim("T1", 1).on(T).cpt("63650"),
                        claim("T1", 2).on(T).cpt("63650"),
                        claim("T1", 3).on(T).cpt("99213").modifiers("25"),
                        claim("H1").on(T).cpt("63650").institutional().npi(ClaimLineBuilder.NPI_HOSPITAL))
                        .findings(RULE));
    }

    @Test
    void anInstitutionalOnlyTrialIsFlagged() {
        assertEquals(expected("NM-PSYCH-EVAL H1:1 HIGH"), rules()
                .line(claim("H1").on(T).cpt("63650").institutional().npi(ClaimLineBuilder.NPI_HOSPITAL))
                .findings(RULE));
    }

    @Test
    void anotherPatientsEvaluationDoesNotCount() {
        assertEquals(expected("NM-PSYCH-EVAL T1:1 HIGH"), rules()
                .line(claim("T1").patient("P1").on(T).cpt("63650"))
                .psychEvaluation("P2", T.minusDays(10).toString()).findings(RULE));
    }

    @Test
    void eachPatientsTrialIsJudgedOnItsOwnEvaluations() {
        assertEquals(expected("NM-PSYCH-EVAL B1:1 HIGH"), rules().lines(
                claim("A1").patient("P1").on(T).cpt("63650"),
                claim("B1").patient("P2").on(T).cpt("63650"))
                .psychEvaluation("P1", T.minusDays(10).toString()).findings(RULE));
    }

    @Test
    void eachTrialOfAPatientNeedsItsOwnRecentEvaluation() {
        // The evaluation covers the trial of T, not the one 400 days later.
        assertEquals(expected("NM-PSYCH-EVAL T2:1 HIGH"), rules().lines(
                claim("T1").on(T).cpt("63650"),
                claim("T2").on(T.plusDays(400)).cpt("63650"))
                .psychEvaluation("P1", T.minusDays(10).toString()).findings(RULE));
    }

    @Test
    void permanentLeadsWithTheGeneratorAreNoTrial() {
        assertEquals(List.of(), rules().lines(
                claim("I1", 1).on(T).cpt("63650"),
                claim("I1", 2).on(T).cpt("63685")).findings(RULE));
    }

    @Test
    void messageNamesTheTrialDateAndTheWindow() {
        List<Finding> found = trialWithEvaluation(366).findingsOf(RULE);
        assertEquals(1, found.size());
        String message = found.get(0).message();
        assertTrue(message.contains("2025-03-01") && message.contains("2024-03-01") && message.contains("365"),
                message);
    }
}
