package org.nmaudit.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * NM-DUP-LINE: a peripheral nerve stimulation patient's office visit billed again on a second claim
 * (same patient, day, code, physician, modifiers), and paid again. Only codes no other rule counts are
 * repeated, so the copy is a duplicate and nothing else. Without spinal surgery to move them, the
 * office visits always start in the window's first 61 days. (Peripheral patients only: planted in
 * every patient it fits, it would crowd out the rarer violations.)
 */
final class DuplicateClaimLine extends Injection {
    private static final Set<String> REPEATABLE = Set.of(
            "99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215",
            "64483", "62323", "64635", "64493", "20552");
    private static final int FIRST_VISIT_WITHIN_DAYS = 60;

    DuplicateClaimLine() {
        super(Kind.VIOLATION, Stage.CLAIMS, "NM-DUP-LINE/RESUBMITTED");
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.pathway == Pathway.PNS && window.days() > FIRST_VISIT_WITHIN_DAYS;
    }

    @Override
    void applyToClaims(List<Claim> claims, PatientPlan plan, Dice dice) {
        List<Claim> withLine = new ArrayList<>();
        List<ClaimLine> lines = new ArrayList<>();
        for (Claim c : claims) {
            if (c.institutional()) {
                continue;
            }
            for (ClaimLine l : c.lines) {
                if (REPEATABLE.contains(l.cpt)) {
                    withLine.add(c);
                    lines.add(l);
                }
            }
        }
        int k = dice.between(0, lines.size() - 1);
        Claim original = withLine.get(k);
        claims.add(claims.indexOf(original) + 1, original.resubmission(lines.get(k)));
    }
}
