package org.nmaudit.generate;

/**
 * Exception of NM-PROG-TRIAL: a 5-day trial, the permanent system implanted the next day, and the
 * first programming (95971/95972 on day 1-4 after the implant) still within 10 days of the trial. The
 * implant lies between the trial and the programming, so it is programming of the permanent system.
 */
final class ImplantRightAfterTrial extends Injection {
    private static final int TRIAL_DAYS = 5;

    ImplantRightAfterTrial() {
        super(Kind.EXCEPTION, Stage.CLINICAL, "NM-PROG-TRIAL/IMPLANT_IN_BETWEEN");
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.isSingleTrialConversion();
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        plan.setTrialLength(trial, TRIAL_DAYS, window);
        // The day after the leads come out: not the removal day, whose office claim would take the 63685.
        plan.onlyNewImplant().date = trial.leadsRemoved().plusDays(1);
    }
}
