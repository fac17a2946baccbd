package org.nmaudit.generate;

import java.util.List;

/** One service line as billed; amounts in cents, paid null when not paid (pending, packaged or bundled). */
final class ClaimLine {
    final String cpt;
    final List<String> modifiers;
    final int units;
    final List<String> diagnoses;
    /** Paid as part of another line (hospital comprehensive APC, devices) or denied as bundled. */
    final boolean packaged;
    long billedCents;
    Long paidCents;

    ClaimLine(String cpt, int units, List<String> modifiers, List<String> diagnoses, boolean packaged) {
        this.cpt = cpt;
        this.units = units;
        this.modifiers = List.copyOf(modifiers);
        this.diagnoses = List.copyOf(diagnoses.size() > 4 ? diagnoses.subList(0, 4) : diagnoses);
        this.packaged = packaged;
    }

    /** The same line, amounts included. */
    ClaimLine copy() {
        return withUnits(units);
    }

    /** The line with other units, billed and paid in proportion. */
    ClaimLine withUnits(int newUnits) {
        ClaimLine l = new ClaimLine(cpt, newUnits, modifiers, diagnoses, packaged);
        l.billedCents = billedCents * newUnits / units;
        l.paidCents = paidCents == null ? null : paidCents * newUnits / units;
        return l;
    }
}
