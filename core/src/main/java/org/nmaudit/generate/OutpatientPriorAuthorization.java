package org.nmaudit.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * NM-PA-MISSING: a Medicare hospital outpatient claim (bill type 131 or 0131) for 63650 without the
 * prior-authorization unique tracking number (BLOCKER: the claim is denied), or with a UTN mistyped so
 * it is no longer 14 letters and digits (HIGH): one character short, one too many, or a dash.
 */
final class OutpatientPriorAuthorization extends Injection {

    enum Variant {
        BLANK,
        MALFORMED
    }

    private final Variant variant;

    OutpatientPriorAuthorization(Variant variant) {
        super(Kind.VIOLATION, Stage.CLAIMS, "NM-PA-MISSING/" + variant.name());
        this.variant = variant;
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        if (plan.payer != PayerType.MEDICARE) {
            return false;
        }
        boolean trial = plan.trials.stream().anyMatch(t -> t.setting == Setting.HOSPITAL
                && !t.date.isBefore(SpecDefaults.OPD_PRIOR_AUTH_START));
        boolean leads = plan.implants.stream().anyMatch(i -> i.setting == Setting.HOSPITAL && i.leads > 0
                && !i.paddleLead && !i.date.isBefore(SpecDefaults.OPD_PRIOR_AUTH_START));
        return trial || leads;
    }

    @Override
    void applyToClaims(List<Claim> claims, PatientPlan plan, Dice dice) {
        List<Claim> outpatient = new ArrayList<>();
        for (Claim c : claims) {
            if (c.institutional() && c.facility.isHospital() && !c.date.isBefore(SpecDefaults.OPD_PRIOR_AUTH_START)
                    && c.lines.stream().anyMatch(l -> l.cpt.equals("63650"))) {
                outpatient.add(c);
            }
        }
        Claim claim = dice.pick(outpatient);
        String utn = claim.priorAuth;
        switch (variant) {
            case BLANK -> {
                claim.priorAuth = "";
                // Both spellings of the hospital outpatient bill type.
                claim.billType = dice.chance(0.5) ? "0" + claim.facility.billType() : claim.facility.billType();
            }
            case MALFORMED -> claim.priorAuth = switch (dice.between(0, 2)) {
                case 0 -> utn.substring(0, utn.length() - 1);
                case 1 -> utn + dice.between(0, 9);
                default -> utn.substring(0, 2) + "-" + utn.substring(2);
            };
        }
    }
}
