package org.nmaudit.generate;

/**
 * Exception: two physicians each bill a 63650 on the trial day (co-surgeons, modifier 62, one lead
 * each). Still one trial episode, owned by the physician whose claim comes first.
 */
final class TwoPhysiciansOnTrialDay extends Injection {
    private final boolean practiceHasColleagues;

    TwoPhysiciansOnTrialDay(boolean practiceHasColleagues) {
        super(Kind.EXCEPTION, Stage.CLINICAL, "TRIAL_EPISODE/TWO_PHYSICIANS");
        this.practiceHasColleagues = practiceHasColleagues;
    }

    @Override
    public boolean isEligible(PatientPlan plan, DataWindow window) {
        return practiceHasColleagues && plan.onlyTrial() != null && plan.onlyTrial().professionalClaim;
    }

    @Override
    public void apply(PatientPlan plan, Dice dice, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        trial.secondPhysician = true;
        trial.leads = 2;
        trial.leadsAsUnits = false;
        if (trial.setting == Setting.OFFICE) {
            trial.setting = Setting.HOSPITAL;
        }
    }
}
