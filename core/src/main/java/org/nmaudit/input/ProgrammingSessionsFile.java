package org.nmaudit.input;

import java.time.LocalDate;
import java.util.List;
import org.nmaudit.facts.PerformedBy;
import org.nmaudit.facts.ProgrammingSession;

/** programming-sessions.csv: who performed a device analysis or programming. */
final class ProgrammingSessionsFile extends DataFile<ProgrammingSession> {
    static final String NAME = "programming-sessions.csv";

    ProgrammingSessionsFile() {
        super(NAME, false,
                List.of("patient_id", "session_date", "performed_by"),
                List.of("performer_name"));
    }

    @Override
    public ProgrammingSession read(Row row) {
        String patientId = row.requiredText("patient_id");
        LocalDate date = row.required("session_date", CellFormats::date);
        PerformedBy by = row.required("performed_by", v -> CellFormats.oneOf(PerformedBy.class, v));
        String name = row.optionalText("performer_name");
        if (row.hasProblems()) {
            return null;
        }
        return new ProgrammingSession(patientId, date, by, name, row.line());
    }
}
