package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A (patient, service date) with at least one trial line. It belongs to the rendering NPI of its
 * first professional trial line, or of its first institutional one when the day has no professional
 * line; {@code rated} says whether a professional line exists, i.e. whether the episode counts in the
 * physician's conversion ratio.
 */
public final class TrialEpisode implements EvidenceFact {
    private final String patientId;
    private final LocalDate date;
    private final int day;
    private final String ownerNpi;
    private final boolean rated;

    public TrialEpisode(String patientId, LocalDate date, String ownerNpi, boolean rated) {
        this.patientId = patientId;
        this.date = date;
        this.day = (int) date.toEpochDay();
        this.ownerNpi = ownerNpi;
        this.rated = rated;
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

    public String getOwnerNpi() {
        return ownerNpi;
    }

    public boolean isRated() {
        return rated;
    }

    /** The dates of the given episodes, in date order, for messages: "2025-01-02, 2025-03-04". */
    public static String datesOf(Collection<?> episodes) {
        return episodes.stream().map(e -> ((TrialEpisode) e).getDate()).sorted().map(LocalDate::toString)
                .collect(Collectors.joining(", "));
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient_id", patientId);
        m.put("trial_date", date.toString());
        m.put("owner_npi", ownerNpi);
        m.put("on_professional_claim", rated);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialEpisode t && t.day == day && t.rated == rated && t.patientId.equals(patientId)
                && t.ownerNpi.equals(ownerNpi);
    }

    @Override
    public int hashCode() {
        return Objects.hash(patientId, day, ownerNpi, rated);
    }

    @Override
    public String toString() {
        return "trial of " + date + " (patient " + patientId + ")";
    }
}
