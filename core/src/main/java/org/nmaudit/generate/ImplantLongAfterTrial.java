package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * NM-TRIAL-DOC NO_TRIAL with reason TRIAL_OUTSIDE_WINDOW: the implant comes 181-260 days after the
 * trial, so the trial is outside the conversion window (and counts as FAILED for its physician).
 */
final class ImplantLongAfterTrial extends Injection {

    ImplantLongAfterTrial() {
        super(Kind.VIOLATION, Stage.CLINICAL, "NM-TRIAL-DOC/TRIAL_OUTSIDE_WINDOW");
    }

    @Override
    public boolean isEligible(PatientPlan plan, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        return plan.pathway == Pathway.SCS_SUCCESS && trial != null && plan.onlyNewImplant() != null
                && SpecDefaults.days(trial.date, window.end()) > SpecDefaults.CONVERSION_WINDOW_DAYS;
    }

    @Override
    public void apply(PatientPlan plan, Dice dice, DataWindow window) {
        LocalDate trial = plan.onlyTrial().date;
        int latest = (int) Math.min(260, SpecDefaults.days(trial, window.end()));
        plan.onlyNewImplant().date = trial.plusDays(dice.between(SpecDefaults.CONVERSION_WINDOW_DAYS + 1, latest));
    }
}
