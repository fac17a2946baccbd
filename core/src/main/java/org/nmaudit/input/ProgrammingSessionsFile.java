package org.nmaudit.input;

import java.time.LocalDate;
import java.util.List;
import org.nmaudit.facts.PerformedBy;
import org.nmaudit.facts.ProgrammingSession;

/** programming-sessions.csv: who performed a device analysis or programming. */
final class ProgrammingSessionsFile extends DataFile<ProgrammingSession> {
    static final String NAME = "programming-sessions.csv";

    /*
     * A patient's sessions share one patient id and the file's dates and performers repeat: one object each
     * instead of one a row, since every row is held until the patient pass (as ClaimsFile does).
     */
    private final ValuePool pool = ValuePool.bounded();
    private final Row.Format<LocalDate> dates = new MemoizedFormat<>(CellFormats::date);

    ProgrammingSessionsFile() {
        super(NAME, false,
                List.of("patient_id", "session_date", "performed_by"),
                List.of("performer_name"));
    }

    @Override
    public ProgrammingSession read(Row row) {
        String patientId = pool.of(row.requiredText("patient_id"));
        LocalDate date = row.required("session_date", dates);
        PerformedBy by = row.required("performed_by", v -> CellFormats.oneOf(PerformedBy.class, v));
        String name = pool.of(row.optionalText("performer_name"));
        if (row.hasProblems()) {
            return null;
        }
        return new ProgrammingSession(patientId, date, by, name, row.line());
    }
}
