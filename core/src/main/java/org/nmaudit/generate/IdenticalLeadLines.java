package org.nmaudit.generate;

/**
 * Exception of NM-DUP-LINE: the trial's two leads billed as two identical 63650 lines (no modifier 59)
 * on the one claim. Identical lines on one claim are two leads, not a duplicate.
 */
final class IdenticalLeadLines extends Injection {

    IdenticalLeadLines() {
        super(Kind.EXCEPTION, Stage.CLINICAL, "NM-DUP-LINE/TWO_LEADS_ONE_CLAIM");
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.onlyTrial() != null && plan.onlyTrial().professionalClaim;
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        trial.leads = 2;
        trial.leadsAsUnits = false;
        trial.secondPhysician = false;
        trial.identicalLeadLines = true;
    }
}
