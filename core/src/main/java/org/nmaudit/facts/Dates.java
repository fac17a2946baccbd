package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed policy dates written in DRL as text, compared as epoch days like every other date in the
 * rules: {@code serviceDay >= Dates.day("2021-07-01")}.
 */
public final class Dates {
    /**
     * The days of the texts parsed so far. A rule's constraint calls {@link #day} for every fact it tests (a
     * million claim lines), always with the same few texts, and LocalDate.parse was 1.4% of the workers' CPU.
     * Only texts that parsed are kept: a bad one throws every time, as before.
     */
    private static final Map<String, Integer> DAYS = new ConcurrentHashMap<>();

    private Dates() {
    }

    /** The epoch day of an ISO date (yyyy-MM-dd). */
    public static int day(String isoDate) {
        Integer known = DAYS.get(isoDate);
        if (known != null) {
            return known;
        }
        int day = (int) LocalDate.parse(isoDate).toEpochDay();
        if (DAYS.size() < 10_000) {
            DAYS.put(isoDate, day);
        }
        return day;
    }
}
