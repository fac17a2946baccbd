package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * NM-UNDERPAID: Medicare pays a line (units 1) 10-40% under the amount data/reference/fee-schedule.csv
 * expects. Exception: paid exactly 95% of it, the tolerance's edge, which is not an underpayment.
 * Patients with an implant always have such a line (63685, professional and facility fee).
 */
final class Underpayment extends Injection {

    enum Variant {
        BELOW_95_PCT(Kind.VIOLATION),
        EXACTLY_95_PCT(Kind.EXCEPTION);

        private final Kind kind;

        Variant(Kind kind) {
            this.kind = kind;
        }
    }

    private static final LocalDate SCHEDULE_EFFECTIVE = LocalDate.of(2024, 1, 1);

    private final Variant variant;

    Underpayment(Variant variant) {
        super(variant.kind, Stage.CLAIMS, "NM-UNDERPAID/" + variant.name());
        this.variant = variant;
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.payer == PayerType.MEDICARE
                && plan.implants.stream().anyMatch(i -> !i.date.isBefore(SCHEDULE_EFFECTIVE));
    }

    @Override
    void applyToClaims(List<Claim> claims, PatientPlan plan, Dice dice) {
        List<ClaimLine> lines = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (Claim c : claims) {
            for (ClaimLine l : c.lines) {
                Long cents = FeeSchedule.shippedMedicareCents(l.cpt, c.institutional(), c.placeOfService, c.date);
                if (cents != null && l.units == 1 && !l.packaged) {
                    lines.add(l);
                    expected.add(cents);
                }
            }
        }
        int k = dice.between(0, lines.size() - 1);
        long cents = expected.get(k);
        lines.get(k).paidCents = switch (variant) {
            case BELOW_95_PCT -> Math.round(cents * dice.between(0.60, 0.90));
            case EXACTLY_95_PCT -> cents * (100 - SpecDefaults.UNDERPAYMENT_TOLERANCE_PCT) / 100;
        };
    }
}
