package org.nmaudit.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * NM-UNITS: more units than one date of service allows: a trial with three leads billed as 63650 with
 * units 3 on the physician's claim and the facility's (A56876 pays two arrays a day), or units keyed
 * wrong on the claims, 63685 with units 2 or a programming line with units 2. Billed and paid amounts
 * follow the units.
 */
final class UnitsAboveLimit extends Injection {

    enum Variant {
        LEADS_63650("63650"),
        GENERATOR_63685("63685"),
        PROGRAMMING("PROGRAMMING");

        private final String detail;

        Variant(String detail) {
            this.detail = detail;
        }
    }

    private static final List<String> PROGRAMMING_CODES = List.of("95970", "95971", "95972");

    private final Variant variant;

    UnitsAboveLimit(Variant variant) {
        super(Kind.VIOLATION, variant == Variant.LEADS_63650 ? Stage.CLINICAL : Stage.CLAIMS, "NM-UNITS/" + variant.detail);
        this.variant = variant;
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return switch (variant) {
            case LEADS_63650 -> plan.onlyTrial() != null;
            case GENERATOR_63685 -> !plan.implants.isEmpty();
            case PROGRAMMING -> plan.certainToBeProgrammed(window);
        };
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        trial.leads = SpecDefaults.UNITS_MAX_63650_PER_DAY + 1;
        trial.leadsAsUnits = true;
        trial.secondPhysician = false;
    }

    @Override
    void applyToClaims(List<Claim> claims, PatientPlan plan, Dice dice) {
        List<Claim> candidates = new ArrayList<>();
        for (Claim c : claims) {
            if (c.lines.stream().anyMatch(l -> matches(l))) {
                candidates.add(c);
            }
        }
        Claim claim = dice.pick(candidates);
        int index = -1;
        for (int i = 0; i < claim.lines.size() && index < 0; i++) {
            if (matches(claim.lines.get(i))) {
                index = i;
            }
        }
        claim.lines.set(index, claim.lines.get(index).withUnits(2));
    }

    private boolean matches(ClaimLine line) {
        return variant == Variant.GENERATOR_63685 ? line.cpt.equals("63685") : PROGRAMMING_CODES.contains(line.cpt);
    }
}
