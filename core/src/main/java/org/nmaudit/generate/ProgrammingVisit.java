package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.List;

/** One device analysis/programming service (95970-95972) and who performed it. */
final class ProgrammingVisit {

    enum Performer {
        PHYSICIAN,
        QHP,
        /** The manufacturer's representative alone: the session cannot be billed (NM-PROG-REP). */
        MANUFACTURER_REP
    }

    final LocalDate date;
    final String cpt;
    final Performer performer;
    /** The manufacturer's representative attended too (a second programming-sessions row). */
    final boolean repAlongside;
    final List<String> modifiers;
    /** Billed on its own claim, not with the day's other services. */
    final boolean ownClaim;

    ProgrammingVisit(LocalDate date, String cpt, Performer performer, boolean repAlongside,
            List<String> modifiers, boolean ownClaim) {
        this.date = date;
        this.cpt = cpt;
        this.performer = performer;
        this.repAlongside = repAlongside;
        this.modifiers = List.copyOf(modifiers);
        this.ownClaim = ownClaim;
    }

    /** The same session with another performer and no one alongside. */
    ProgrammingVisit performedBy(Performer who) {
        return new ProgrammingVisit(date, cpt, who, false, modifiers, ownClaim);
    }

    static ProgrammingVisit routine(LocalDate date, String cpt, Dice dice) {
        return new ProgrammingVisit(date, cpt, dice.chance(0.45) ? Performer.PHYSICIAN : Performer.QHP,
                dice.chance(0.12), List.of(), false);
    }
}
