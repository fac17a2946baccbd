package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One loaded row of psych-evaluations.csv: a pre-trial psychological evaluation. */
public final class PsychEvaluation implements PatientFact {
    private static final long serialVersionUID = 1L;

    private final String patientId;
    private final LocalDate evaluationDate;
    private final int evaluationDay;
    private final String evaluatorCredential;
    private final long sourceLine;

    public PsychEvaluation(String patientId, LocalDate evaluationDate, String evaluatorCredential, long sourceLine) {
        this.patientId = patientId;
        this.evaluationDate = evaluationDate;
        this.evaluationDay = (int) evaluationDate.toEpochDay();
        this.evaluatorCredential = evaluatorCredential;
        this.sourceLine = sourceLine;
    }

    public String getPatientId() {
        return patientId;
    }

    @Override
    public int recordDay() {
        return evaluationDay;
    }

    public LocalDate getEvaluationDate() {
        return evaluationDate;
    }

    public int getEvaluationDay() {
        return evaluationDay;
    }

    public String getEvaluatorCredential() {
        return evaluatorCredential;
    }

    public long getSourceLine() {
        return sourceLine;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient_id", patientId);
        m.put("evaluation_date", evaluationDate.toString());
        m.put("evaluator_credential", evaluatorCredential);
        m.put("source_line", sourceLine);
        return m;
    }
}
