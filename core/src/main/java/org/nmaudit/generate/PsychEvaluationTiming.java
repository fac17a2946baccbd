package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * NM-PSYCH-EVAL: the trial has no psychological evaluation, or only one 366 days before it. Exceptions:
 * an evaluation exactly 365 days before the trial, and one on the trial day.
 */
final class PsychEvaluationTiming extends Injection {

    enum Variant {
        MISSING(Kind.VIOLATION, -1),
        DAYS_366_BEFORE(Kind.VIOLATION, SpecDefaults.PSYCH_EVAL_MAX_AGE_DAYS + 1),
        DAYS_365_BEFORE(Kind.EXCEPTION, SpecDefaults.PSYCH_EVAL_MAX_AGE_DAYS),
        ON_TRIAL_DAY(Kind.EXCEPTION, 0);

        private final Kind kind;
        private final int daysBefore;

        Variant(Kind kind, int daysBefore) {
            this.kind = kind;
            this.daysBefore = daysBefore;
        }
    }

    private final Variant variant;

    PsychEvaluationTiming(Variant variant) {
        super(variant.kind, Stage.CLINICAL, "NM-PSYCH-EVAL/" + variant.name());
        this.variant = variant;
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.onlyTrial() != null;
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        LocalDate trial = plan.onlyTrial().date;
        plan.psychEvaluations.clear();
        if (variant != Variant.MISSING) {
            plan.psychEvaluations.add(PsychEvaluation.on(trial.minusDays(variant.daysBefore), dice));
        }
    }
}
