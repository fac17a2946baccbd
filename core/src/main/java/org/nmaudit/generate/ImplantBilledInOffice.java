package org.nmaudit.generate;

/**
 * NM-POS-PERM: the surgeon's claim for a permanent implant says place of service 11 (office), though
 * the hospital or ASC bills the same day: the generator (63685), or a new system whose lead is a paddle
 * placed by laminectomy (63655 and 63685). The claim is priced at the office rates it claims.
 */
final class ImplantBilledInOffice extends Injection {

    enum Variant {
        GENERATOR_63685("63685"),
        PADDLE_LEAD_63655("63655");

        private final String code;

        Variant(String code) {
            this.code = code;
        }
    }

    private final Variant variant;

    ImplantBilledInOffice(Variant variant) {
        super(Kind.VIOLATION, Stage.CLINICAL, "NM-POS-PERM/" + variant.code);
        this.variant = variant;
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return variant == Variant.GENERATOR_63685 ? !plan.implants.isEmpty() : plan.onlyNewImplant() != null;
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        ImplantPlan implant;
        if (variant == Variant.PADDLE_LEAD_63655) {
            implant = plan.onlyNewImplant();
            implant.paddleLead = true;
        } else {
            implant = dice.pick(plan.implants);
        }
        implant.officePlaceOfService = true;
    }
}
