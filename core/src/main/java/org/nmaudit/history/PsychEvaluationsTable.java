package org.nmaudit.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.nmaudit.facts.PsychEvaluation;

/** psych-evaluations.csv and its table psych_evaluations. */
final class PsychEvaluationsTable extends DocumentationTable<PsychEvaluation> {
    PsychEvaluationsTable() {
        super(PsychEvaluation.class, "psych-evaluations.csv", "psych_evaluations", "patient_id", "evaluation_date",
                "evaluator_credential");
    }

    @Override
    void writeColumns(RowValues row, PsychEvaluation fact) throws SQLException {
        row.date(fact.getEvaluationDate()).text(fact.getEvaluatorCredential());
    }

    @Override
    PsychEvaluation read(ResultSet row, String patientId, int first, long sourceLine) throws SQLException {
        return new PsychEvaluation(patientId, row.getObject(first, LocalDate.class), row.getString(first + 1),
                sourceLine);
    }

    @Override
    long sourceLine(PsychEvaluation fact) {
        return fact.getSourceLine();
    }

    @Override
    RowKey key(PsychEvaluation fact) {
        return new RowKey().add(fact.getPatientId()).add(fact.getEvaluationDate()).add(fact.getEvaluatorCredential());
    }

    @Override
    List<String> cells(PsychEvaluation fact) {
        return List.of(fact.getPatientId(), Cells.date(fact.getEvaluationDate()), Cells.text(fact.getEvaluatorCredential()));
    }
}
