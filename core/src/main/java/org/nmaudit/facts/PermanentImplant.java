package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A (patient, service date) with at least one 63685 line: a new implant, or a replacement (battery
 * change, end of service, malfunction) that needs no trial. Equality ignores {@code basis}, so the
 * several reasons a day is a replacement still make one fact.
 */
public final class PermanentImplant implements EvidenceFact {
    private final String patientId;
    private final LocalDate date;
    private final int day;
    private final boolean replacement;
    private final String basis;

    private PermanentImplant(String patientId, LocalDate date, boolean replacement, String basis) {
        this.patientId = patientId;
        this.date = date;
        this.day = (int) date.toEpochDay();
        this.replacement = replacement;
        this.basis = basis;
    }

    public static PermanentImplant newImplant(String patientId, LocalDate date) {
        return new PermanentImplant(patientId, date, false, "no earlier implant, no replacement diagnosis, no 63688");
    }

    /** @param basis why the day is a replacement, in words for the evidence */
    public static PermanentImplant replacement(String patientId, LocalDate date, String basis) {
        return new PermanentImplant(patientId, date, true, basis);
    }

    public String getPatientId() {
        return patientId;
    }

    public LocalDate getDate() {
        return date;
    }

    public int getDay() {
        return day;
    }

    public boolean isReplacement() {
        return replacement;
    }

    public boolean isNewImplant() {
        return !replacement;
    }

    public String getBasis() {
        return basis;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient_id", patientId);
        m.put("implant_date", date.toString());
        m.put("kind", replacement ? "replacement" : "new implant");
        m.put("basis", basis);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermanentImplant p && p.day == day && p.replacement == replacement
                && p.patientId.equals(patientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(patientId, day, replacement);
    }

    @Override
    public String toString() {
        return (replacement ? "replacement implant of " : "new implant of ") + date;
    }
}
