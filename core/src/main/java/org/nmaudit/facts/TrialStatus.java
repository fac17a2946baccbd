package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Where a trial episode stands on the as-of date: converted, pending, or failed. */
public final class TrialStatus implements EvidenceFact {

    /** The three statuses of core-rules.md. */
    public enum Status {
        CONVERTED, PENDING, FAILED
    }

    private final TrialEpisode trial;
    private final Status status;
    private final LocalDate implantDate;

    private TrialStatus(TrialEpisode trial, Status status, LocalDate implantDate) {
        this.trial = trial;
        this.status = status;
        this.implantDate = implantDate;
    }

    public static TrialStatus converted(Conversion conversion) {
        return new TrialStatus(conversion.getTrial(), Status.CONVERTED, conversion.getImplantDate());
    }

    public static TrialStatus pending(TrialEpisode trial) {
        return new TrialStatus(trial, Status.PENDING, null);
    }

    public static TrialStatus failed(TrialEpisode trial) {
        return new TrialStatus(trial, Status.FAILED, null);
    }

    public TrialEpisode getTrial() {
        return trial;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isConverted() {
        return status == Status.CONVERTED;
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }

    public String getPatientId() {
        return trial.getPatientId();
    }

    public int getDay() {
        return trial.getDay();
    }

    public String getOwnerNpi() {
        return trial.getOwnerNpi();
    }

    public boolean isRated() {
        return trial.isRated();
    }

    /** The new implant's date when converted, else null. */
    public LocalDate getImplantDate() {
        return implantDate;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>(trial.evidence());
        m.put("status", status.name());
        if (implantDate != null) {
            m.put("implant_date", implantDate.toString());
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialStatus s && s.status == status && s.trial.equals(trial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trial, status);
    }
}
