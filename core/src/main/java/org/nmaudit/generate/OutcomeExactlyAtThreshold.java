package org.nmaudit.generate;

/** Exception: the outcome is exactly 50% (pain relief or analgesic reduction), which meets the criterion. */
final class OutcomeExactlyAtThreshold extends Injection {

    OutcomeExactlyAtThreshold() {
        super(Kind.EXCEPTION, Stage.CLINICAL, "NM-TRIAL-DOC/OUTCOME_EXACTLY_50");
    }

    @Override
    public boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.isSingleTrialConversion()
                && !plan.outcomes.isEmpty();
    }

    @Override
    public void apply(PatientPlan plan, Dice dice, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        plan.outcomes.replaceAll(o -> TrialOutcome.exactlyAtThreshold(o.documented(), trial.lengthDays, dice));
    }
}
