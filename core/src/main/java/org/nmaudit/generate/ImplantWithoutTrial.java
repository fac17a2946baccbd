package org.nmaudit.generate;

/**
 * NM-TRIAL-DOC NO_TRIAL: a new implant with no trial at all. The psych evaluation stays: the work-up
 * was done, the trial skipped.
 */
final class ImplantWithoutTrial extends Injection {

    ImplantWithoutTrial() {
        super(Kind.VIOLATION, Stage.CLINICAL, "NM-TRIAL-DOC/NO_TRIAL");
    }

    @Override
    public boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.isSingleTrialConversion();
    }

    @Override
    public void apply(PatientPlan plan, Dice dice, DataWindow window) {
        plan.trials.clear();
        plan.outcomes.clear();
    }
}
