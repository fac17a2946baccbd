package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * NM-TRIAL-DOC NO_OUTCOME: no trial-outcomes row between the trial and the implant. Sometimes the
 * outcome was written up after the implant, which does not count either.
 */
final class ImplantWithoutOutcome extends Injection {

    ImplantWithoutOutcome() {
        super(Kind.VIOLATION, Stage.CLINICAL, "NM-TRIAL-DOC/NO_OUTCOME");
    }

    @Override
    public boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.isSingleTrialConversion();
    }

    @Override
    public void apply(PatientPlan plan, Dice dice, DataWindow window) {
        plan.outcomes.clear();
        LocalDate late = plan.onlyNewImplant().date.plusDays(dice.between(3, 20));
        if (dice.chance(0.4) && !late.isAfter(window.end())) {
            plan.outcomes.add(TrialOutcome.success(late, plan.onlyTrial().lengthDays, dice));
        }
    }
}
