package org.nmaudit.generate;

/**
 * NM-TRIAL-DOC CRITERIA_NOT_MET: the outcome row exists but misses a criterion (49.9% relief; 60%
 * without functional improvement; improvement not documented; only 45% fewer analgesics). With a CRPS
 * patient the same finding is MEDIUM instead of HIGH.
 */
final class OutcomeBelowCriteria extends Injection {
    private final boolean crps;

    OutcomeBelowCriteria(boolean crps) {
        super(Kind.VIOLATION, Stage.CLINICAL,
                crps ? "NM-TRIAL-DOC/CRITERIA_NOT_MET_CRPS" : "NM-TRIAL-DOC/CRITERIA_NOT_MET");
        this.crps = crps;
    }

    @Override
    public boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.isSingleTrialConversion()
                && !plan.outcomes.isEmpty();
    }

    @Override
    public void apply(PatientPlan plan, Dice dice, DataWindow window) {
        if (crps) {
            plan.diagnoses = DiagnosisProfile.crps(dice);
        } else if (plan.diagnoses.crps()) {
            plan.diagnoses = DiagnosisProfile.nonCrps(dice);
        }
        TrialPlan trial = plan.onlyTrial();
        plan.outcomes.replaceAll(o -> TrialOutcome.belowCriteria(o.documented(), trial.lengthDays, dice));
    }
}
