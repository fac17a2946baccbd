package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One loaded row of repeat-trial-justifications.csv: documented extenuating circumstances. */
public final class RepeatTrialJustification implements PatientFact {
    private static final long serialVersionUID = 1L;

    private final String patientId;
    private final LocalDate documentedDate;
    private final int documentedDay;
    private final String reason;
    private final long sourceLine;

    public RepeatTrialJustification(String patientId, LocalDate documentedDate, String reason, long sourceLine) {
        this.patientId = patientId;
        this.documentedDate = documentedDate;
        this.documentedDay = (int) documentedDate.toEpochDay();
        this.reason = reason;
        this.sourceLine = sourceLine;
    }

    public String getPatientId() {
        return patientId;
    }

    @Override
    public int recordDay() {
        return documentedDay;
    }

    public LocalDate getDocumentedDate() {
        return documentedDate;
    }

    public int getDocumentedDay() {
        return documentedDay;
    }

    public String getReason() {
        return reason;
    }

    public long getSourceLine() {
        return sourceLine;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient_id", patientId);
        m.put("documented_date", documentedDate.toString());
        m.put("reason", reason);
        m.put("source_line", sourceLine);
        return m;
    }
}
