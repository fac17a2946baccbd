package org.nmaudit.facts;

import java.time.LocalDate;

/**
 * Fixed policy dates written in DRL as text, compared as epoch days like every other date in the
 * rules: {@code serviceDay >= Dates.day("2021-07-01")}.
 */
public final class Dates {
    private Dates() {
    }

    /** The epoch day of an ISO date (yyyy-MM-dd). */
    public static int day(String isoDate) {
        return (int) LocalDate.parse(isoDate).toEpochDay();
    }
}
