package org.nmaudit.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.nmaudit.facts.PerformedBy;
import org.nmaudit.facts.ProgrammingSession;

/** programming-sessions.csv and its table programming_sessions. */
final class ProgrammingSessionsTable extends DocumentationTable<ProgrammingSession> {
    ProgrammingSessionsTable() {
        super(ProgrammingSession.class, "programming-sessions.csv", "programming_sessions", "patient_id",
                "session_date", "performed_by", "performer_name");
    }

    @Override
    void writeColumns(RowValues row, ProgrammingSession fact) throws SQLException {
        row.date(fact.getSessionDate()).text(fact.getPerformedBy().name()).text(fact.getPerformerName());
    }

    @Override
    ProgrammingSession read(ResultSet row, String patientId, int first, long sourceLine) throws SQLException {
        return new ProgrammingSession(patientId, row.getObject(first, LocalDate.class),
                PerformedBy.valueOf(row.getString(first + 1)), row.getString(first + 2), sourceLine);
    }

    @Override
    long sourceLine(ProgrammingSession fact) {
        return fact.getSourceLine();
    }

    @Override
    RowKey key(ProgrammingSession fact) {
        return new RowKey().add(fact.getPatientId()).add(fact.getSessionDate()).add(fact.getPerformedBy())
                .add(fact.getPerformerName());
    }

    @Override
    List<String> cells(ProgrammingSession fact) {
        return List.of(fact.getPatientId(), Cells.date(fact.getSessionDate()), fact.getPerformedBy().name(),
                Cells.text(fact.getPerformerName()));
    }
}
