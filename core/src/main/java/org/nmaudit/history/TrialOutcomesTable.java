package org.nmaudit.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.nmaudit.facts.TrialOutcome;

/** trial-outcomes.csv and its table trial_outcomes. */
final class TrialOutcomesTable extends DocumentationTable<TrialOutcome> {
    TrialOutcomesTable() {
        super(TrialOutcome.class, "trial-outcomes.csv", "trial_outcomes", "patient_id", "documented_date",
                "pain_relief_pct", "analgesic_reduction_pct", "functional_improvement", "rendering_npi", "note");
    }

    @Override
    void writeColumns(RowValues row, TrialOutcome fact) throws SQLException {
        row.date(fact.getDocumentedDate()).float8(fact.getPainReliefPct()).float8(fact.getAnalgesicReductionPct())
                .bool(fact.getFunctionalImprovement()).text(fact.getRenderingNpi()).text(fact.getNote());
    }

    @Override
    TrialOutcome read(ResultSet row, String patientId, int first, long sourceLine) throws SQLException {
        return new TrialOutcome(patientId, row.getObject(first, LocalDate.class), getDouble(row, first + 1),
                getDouble(row, first + 2), getBoolean(row, first + 3), row.getString(first + 4),
                row.getString(first + 5), sourceLine);
    }

    @Override
    long sourceLine(TrialOutcome fact) {
        return fact.getSourceLine();
    }

    @Override
    RowKey key(TrialOutcome fact) {
        return new RowKey().add(fact.getPatientId()).add(fact.getDocumentedDate()).add(fact.getPainReliefPct())
                .add(fact.getAnalgesicReductionPct()).add(fact.getFunctionalImprovement())
                .add(fact.getRenderingNpi()).add(fact.getNote());
    }

    @Override
    List<String> cells(TrialOutcome fact) {
        return List.of(fact.getPatientId(), Cells.date(fact.getDocumentedDate()), Cells.percent(fact.getPainReliefPct()),
                Cells.percent(fact.getAnalgesicReductionPct()), Cells.yesNo(fact.getFunctionalImprovement()),
                Cells.text(fact.getRenderingNpi()), Cells.text(fact.getNote()));
    }

    private static Double getDouble(ResultSet row, int index) throws SQLException {
        double value = row.getDouble(index);
        return row.wasNull() ? null : value;
    }

    private static Boolean getBoolean(ResultSet row, int index) throws SQLException {
        boolean value = row.getBoolean(index);
        return row.wasNull() ? null : value;
    }
}
