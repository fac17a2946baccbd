package org.nmaudit.generate;

import java.time.LocalDate;

/** A repeat-trial-justifications.csv row: the extenuating circumstance that made a trial fail. */
record Justification(LocalDate documented, String reason) {

    static final String[] REASONS = {
        "lead migration on day 2, trial inconclusive",
        "trial interrupted by infection at the lead exit site",
        "lead dislodged in a fall on day 3, trial aborted",
        "inadequate coverage from lead position; repeat trial with new lead placement",
        "patient hospitalized for an unrelated illness during the trial"};
}
