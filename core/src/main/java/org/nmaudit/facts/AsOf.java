package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit's as-of date: --as-of, or else the latest service_date among loaded claim lines. */
public final class AsOf implements EvidenceFact {
    private final LocalDate date;
    private final int day;

    public AsOf(LocalDate date) {
        this.date = date;
        this.day = (int) date.toEpochDay();
    }

    public LocalDate getDate() {
        return date;
    }

    public int getDay() {
        return day;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("as_of", date.toString());
        return m;
    }
}
