package org.nmaudit.input;

import java.time.LocalDate;
import java.util.List;
import org.nmaudit.facts.RepeatTrialJustification;

/** repeat-trial-justifications.csv: documented extenuating circumstances for a repeat trial. */
final class RepeatTrialJustificationsFile extends DataFile<RepeatTrialJustification> {
    static final String NAME = "repeat-trial-justifications.csv";

    RepeatTrialJustificationsFile() {
        super(NAME, false,
                List.of("patient_id", "documented_date", "reason"),
                List.of());
    }

    @Override
    public RepeatTrialJustification read(Row row) {
        String patientId = row.requiredText("patient_id");
        LocalDate documented = row.required("documented_date", CellFormats::date);
        String reason = row.requiredText("reason");
        if (row.hasProblems()) {
            return null;
        }
        return new RepeatTrialJustification(patientId, documented, reason, row.line());
    }
}
