package org.nmaudit.generate;

import java.util.List;

/**
 * Exception of NM-DUP-LINE: the hospital's or ASC's claim for the trial carries the physician's NPI as
 * rendering NPI, so its 63650 line matches the physician's own 63650 line in patient, day, code, NPI and
 * modifiers. One is institutional and one professional: two payments, not a duplicate.
 */
final class FacilityClaimWithPhysicianNpi extends Injection {

    FacilityClaimWithPhysicianNpi() {
        super(Kind.EXCEPTION, Stage.CLAIMS, "NM-DUP-LINE/PROFESSIONAL_AND_INSTITUTIONAL");
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        return trial != null && trial.professionalClaim && trial.setting != Setting.OFFICE && !trial.secondPhysician;
    }

    @Override
    void applyToClaims(List<Claim> claims, PatientPlan plan, Dice dice) {
        TrialPlan trial = plan.onlyTrial();
        Claim facility = null;
        Claim physician = null;
        for (Claim c : claims) {
            if (c.date.equals(trial.date) && c.lines.stream().anyMatch(l -> l.cpt.equals("63650"))) {
                if (c.institutional()) {
                    facility = c;
                } else if (physician == null) {
                    physician = c;
                }
            }
        }
        facility.renderingNpi = physician.renderingNpi;
    }
}
