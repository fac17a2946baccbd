package org.nmaudit.generate;

/**
 * NM-TRIAL-DOC NO_TRIAL: a new implant with no trial at all. The psych evaluation stays: the work-up
 * was done, the trial skipped.
 */
final class ImplantWithoutTrial implements Injection {

    @Override
    public Kind kind() {
        return Kind.VIOLATION;
    }

    @Override
    public Stage stage() {
        return Stage.CLINICAL;
    }

    @Override
    public String label() {
        return "NM-TRIAL-DOC/NO_TRIAL";
    }

    @Override
    public boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.pathway == Pathway.SCS_SUCCESS && plan.onlyTrial() != null && plan.onlyNewImplant() != null;
    }

    @Override
    public void apply(PatientPlan plan, Dice dice, DataWindow window) {
        plan.trials.clear();
        plan.outcomes.clear();
    }
}
