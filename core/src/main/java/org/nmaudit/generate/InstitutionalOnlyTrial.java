package org.nmaudit.generate;

/**
 * Exception: the trial day is seen only on the facility's institutional claim (the physician's claim
 * is not in the extract). It is a trial episode for every rule, but NM-RATIO leaves it out.
 */
final class InstitutionalOnlyTrial extends Injection {

    InstitutionalOnlyTrial() {
        super(Kind.EXCEPTION, Stage.CLINICAL, "TRIAL_EPISODE/INSTITUTIONAL_ONLY");
    }

    @Override
    public boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.onlyTrial() != null;
    }

    @Override
    public void apply(PatientPlan plan, Dice dice, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        trial.professionalClaim = false;
        trial.secondPhysician = false;
        trial.emSameDay = false;
        if (trial.setting == Setting.OFFICE) {
            trial.setting = dice.chance(0.6) ? Setting.HOSPITAL : Setting.ASC;
        }
    }
}
