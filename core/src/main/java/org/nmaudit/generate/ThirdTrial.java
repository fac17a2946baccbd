package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * NM-TRIAL-LIMIT: two failed trials 35-100 days apart before the pathway's trial, which is then the
 * patient's third (A56876 pays two per region per lifetime). Each repeat is documented in
 * repeat-trial-justifications.csv, so NM-REPEAT-TRIAL does not flag them: the third trial is only over
 * the limit. One psych evaluation before the first trial covers all three (at most 320 days before the
 * third).
 */
final class ThirdTrial extends Injection {
    private static final int MIN_GAP_DAYS = 35;
    private static final int MAX_GAP_DAYS = 100;

    ThirdTrial() {
        super(Kind.VIOLATION, Stage.CLINICAL, "NM-TRIAL-LIMIT/THIRD_TRIAL_REPEATS_JUSTIFIED");
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        boolean trialPathway = plan.pathway == Pathway.SCS_SUCCESS || plan.pathway == Pathway.SCS_FAILED_TRIAL
                || plan.pathway == Pathway.SCS_PENDING_TRIAL;
        return trialPathway && trial != null && SpecDefaults.days(window.start(), trial.date) >= 2 * MIN_GAP_DAYS;
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        LocalDate third = plan.onlyTrial().date;
        int room = (int) SpecDefaults.days(window.start(), third);
        int toThird = dice.between(MIN_GAP_DAYS, Math.min(MAX_GAP_DAYS, room - MIN_GAP_DAYS));
        int toSecond = dice.between(MIN_GAP_DAYS, Math.min(MAX_GAP_DAYS, room - toThird));
        LocalDate second = third.minusDays(toThird);
        LocalDate first = second.minusDays(toSecond);
        plan.psychEvaluations.clear();
        ScsTrialPathway.addTrial(plan, first, ScsTrialPathway.Result.FAILURE, dice, window);
        ScsTrialPathway.addTrial(plan, second, ScsTrialPathway.Result.FAILURE, dice, window);
        plan.justifications.add(new Justification(dice.dayBetween(first.plusDays(1), second), dice.pick(Justification.REASONS)));
        plan.justifications.add(new Justification(dice.dayBetween(second.plusDays(1), third), dice.pick(Justification.REASONS)));
    }
}
