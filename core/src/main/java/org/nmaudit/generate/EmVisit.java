package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * An office evaluation and management visit (99203/99204 new, 99213-99215 established).
 *
 * @param withoutModifier billed with no modifier, whatever surgery lies before it (the
 *                        {@link ClaimAssembler} otherwise adds 24, 25 or 57 in a global period)
 * @param byColleague     seen by a colleague of the patient's physician (a covering partner)
 */
record EmVisit(LocalDate date, String cpt, boolean withoutModifier, boolean byColleague) {

    EmVisit(LocalDate date, String cpt) {
        this(date, cpt, false, false);
    }
}
