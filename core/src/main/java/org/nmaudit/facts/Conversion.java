package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A trial episode followed, within the conversion window and with no trial between, by a new implant. */
public final class Conversion implements EvidenceFact {
    private final TrialEpisode trial;
    private final PermanentImplant implant;

    public Conversion(TrialEpisode trial, PermanentImplant implant) {
        this.trial = trial;
        this.implant = implant;
    }

    public TrialEpisode getTrial() {
        return trial;
    }

    public PermanentImplant getImplant() {
        return implant;
    }

    public String getPatientId() {
        return trial.getPatientId();
    }

    public int getTrialDay() {
        return trial.getDay();
    }

    public int getImplantDay() {
        return implant.getDay();
    }

    public LocalDate getImplantDate() {
        return implant.getDate();
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient_id", trial.getPatientId());
        m.put("trial_date", trial.getDate().toString());
        m.put("implant_date", implant.getDate().toString());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Conversion c && c.trial.equals(trial) && c.implant.equals(implant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trial, implant);
    }
}
