package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One loaded row of programming-sessions.csv: who performed a device analysis or programming. */
public final class ProgrammingSession implements PatientFact {
    private static final long serialVersionUID = 1L;

    private final String patientId;
    private final LocalDate sessionDate;
    private final int sessionDay;
    private final PerformedBy performedBy;
    private final String performerName;
    private final long sourceLine;

    public ProgrammingSession(String patientId, LocalDate sessionDate, PerformedBy performedBy,
            String performerName, long sourceLine) {
        this.patientId = patientId;
        this.sessionDate = sessionDate;
        this.sessionDay = (int) sessionDate.toEpochDay();
        this.performedBy = performedBy;
        this.performerName = performerName;
        this.sourceLine = sourceLine;
    }

    public String getPatientId() {
        return patientId;
    }

    @Override
    public int recordDay() {
        return sessionDay;
    }

    public LocalDate getSessionDate() {
        return sessionDate;
    }

    public int getSessionDay() {
        return sessionDay;
    }

    public PerformedBy getPerformedBy() {
        return performedBy;
    }

    public String getPerformerName() {
        return performerName;
    }

    public long getSourceLine() {
        return sourceLine;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient_id", patientId);
        m.put("session_date", sessionDate.toString());
        m.put("performed_by", performedBy.name());
        m.put("performer_name", performerName);
        m.put("source_line", sourceLine);
        return m;
    }
}
