package org.nmaudit.facts;

/** Who performed a device analysis or programming session (programming-sessions.csv). */
public enum PerformedBy {
    PHYSICIAN, QHP, MANUFACTURER_REP
}
