package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * A failed first trial 35-150 days before the pathway's trial, with no implant between: the second
 * trial is a repeat trial (NM-REPEAT-TRIAL). Justified when repeat-trial-justifications.csv has a row
 * after the first trial and on or before the second; a row dated on the first trial's day does not
 * count.
 */
final class RepeatTrial extends Injection {

    enum Variant {
        UNJUSTIFIED(Kind.VIOLATION, "NM-REPEAT-TRIAL/UNJUSTIFIED"),
        JUSTIFIED_ON_FIRST_TRIAL_DAY(Kind.VIOLATION, "NM-REPEAT-TRIAL/JUSTIFIED_ON_FIRST_TRIAL_DAY"),
        JUSTIFIED(Kind.EXCEPTION, "NM-REPEAT-TRIAL/JUSTIFIED"),
        JUSTIFIED_ON_SECOND_TRIAL_DAY(Kind.EXCEPTION, "NM-REPEAT-TRIAL/JUSTIFIED_ON_SECOND_TRIAL_DAY");

        private final Kind kind;
        private final String label;

        Variant(Kind kind, String label) {
            this.kind = kind;
            this.label = label;
        }
    }

    private static final int MIN_GAP_DAYS = 35;

    private final Variant variant;

    RepeatTrial(Variant variant) {
        super(variant.kind, Stage.CLINICAL, variant.label);
        this.variant = variant;
    }

    @Override
    public boolean isEligible(PatientPlan plan, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        boolean trialPathway = plan.pathway == Pathway.SCS_SUCCESS || plan.pathway == Pathway.SCS_FAILED_TRIAL
                || plan.pathway == Pathway.SCS_PENDING_TRIAL;
        return trialPathway && trial != null && SpecDefaults.days(window.start(), trial.date) >= MIN_GAP_DAYS;
    }

    @Override
    public void apply(PatientPlan plan, Dice dice, DataWindow window) {
        LocalDate second = plan.onlyTrial().date;
        int gap = dice.between(MIN_GAP_DAYS, (int) Math.min(150, SpecDefaults.days(window.start(), second)));
        LocalDate first = second.minusDays(gap);
        // One psych evaluation before the first trial covers both (at most 270 days before the second).
        plan.psychEvaluations.clear();
        ScsTrialPathway.addTrial(plan, first, ScsTrialPathway.Result.FAILURE, dice, window);
        String reason = dice.pick(Justification.REASONS);
        switch (variant) {
            case UNJUSTIFIED -> {
            }
            case JUSTIFIED_ON_FIRST_TRIAL_DAY -> plan.justifications.add(new Justification(first, reason));
            case JUSTIFIED -> plan.justifications.add(
                    new Justification(dice.dayBetween(first.plusDays(1), second.minusDays(1)), reason));
            case JUSTIFIED_ON_SECOND_TRIAL_DAY -> plan.justifications.add(new Justification(second, reason));
        }
    }
}
