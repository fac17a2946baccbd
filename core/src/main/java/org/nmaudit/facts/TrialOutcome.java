package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.Map;

/** One loaded row of trial-outcomes.csv: the documented result of a stimulator trial. */
public final class TrialOutcome implements PatientFact {
    private static final long serialVersionUID = 1L;

    private final String patientId;
    private final LocalDate documentedDate;
    private final int documentedDay;
    private final Double painReliefPct;
    private final Double analgesicReductionPct;
    private final Boolean functionalImprovement;
    private final String renderingNpi;
    private final String note;
    private final long sourceLine;

    public TrialOutcome(String patientId, LocalDate documentedDate, Double painReliefPct,
            Double analgesicReductionPct, Boolean functionalImprovement, String renderingNpi, String note,
            long sourceLine) {
        this.patientId = patientId;
        this.documentedDate = documentedDate;
        this.documentedDay = (int) documentedDate.toEpochDay();
        this.painReliefPct = painReliefPct;
        this.analgesicReductionPct = analgesicReductionPct;
        this.functionalImprovement = functionalImprovement;
        this.renderingNpi = renderingNpi;
        this.note = note;
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

    /** Null when the row leaves it blank (not documented). */
    public Double getPainReliefPct() {
        return painReliefPct;
    }

    /** Null when the row leaves it blank (not documented). */
    public Double getAnalgesicReductionPct() {
        return analgesicReductionPct;
    }

    /** TRUE for Y, FALSE for N, null when blank (not documented). */
    public Boolean getFunctionalImprovement() {
        return functionalImprovement;
    }

    public String getRenderingNpi() {
        return renderingNpi;
    }

    public String getNote() {
        return note;
    }

    public long getSourceLine() {
        return sourceLine;
    }

    /** Y, N or blank, as the file would say it. */
    public String functionalImprovementText() {
        return functionalImprovement == null ? "blank" : functionalImprovement ? "Y" : "N";
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient_id", patientId);
        m.put("documented_date", documentedDate.toString());
        m.put("pain_relief_pct", painReliefPct);
        m.put("analgesic_reduction_pct", analgesicReductionPct);
        m.put("functional_improvement", functionalImprovementText());
        m.put("source_line", sourceLine);
        return m;
    }

    /** Several outcomes for a message, in date order: "2025-03-01 pain relief 40%, ...; 2025-03-09 ...". */
    public static String summary(Collection<?> outcomes) {
        return outcomes.stream().map(TrialOutcome.class::cast)
                .sorted(Comparator.comparingInt(TrialOutcome::getDocumentedDay).thenComparingLong(TrialOutcome::getSourceLine))
                .map(TrialOutcome::toString).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return documentedDate + " pain relief " + Percent.text(painReliefPct) + ", analgesic reduction "
                + Percent.text(analgesicReductionPct) + ", functional improvement " + functionalImprovementText();
    }
}
