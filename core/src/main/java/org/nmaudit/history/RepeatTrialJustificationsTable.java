package org.nmaudit.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.nmaudit.facts.RepeatTrialJustification;

/** repeat-trial-justifications.csv and its table repeat_trial_justifications. */
final class RepeatTrialJustificationsTable extends DocumentationTable<RepeatTrialJustification> {
    RepeatTrialJustificationsTable() {
        super(RepeatTrialJustification.class, "repeat-trial-justifications.csv", "repeat_trial_justifications",
                "patient_id", "documented_date", "reason");
    }

    @Override
    void writeColumns(RowValues row, RepeatTrialJustification fact) throws SQLException {
        row.date(fact.getDocumentedDate()).text(fact.getReason());
    }

    @Override
    RepeatTrialJustification read(ResultSet row, String patientId, int first, long sourceLine) throws SQLException {
        return new RepeatTrialJustification(patientId, row.getObject(first, LocalDate.class), row.getString(first + 1),
                sourceLine);
    }

    @Override
    long sourceLine(RepeatTrialJustification fact) {
        return fact.getSourceLine();
    }

    @Override
    RowKey key(RepeatTrialJustification fact) {
        return new RowKey().add(fact.getPatientId()).add(fact.getDocumentedDate()).add(fact.getReason());
    }

    @Override
    List<String> cells(RepeatTrialJustification fact) {
        return List.of(fact.getPatientId(), Cells.date(fact.getDocumentedDate()), fact.getReason());
    }
}
