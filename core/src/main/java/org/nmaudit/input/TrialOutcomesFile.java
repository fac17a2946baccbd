package org.nmaudit.input;

import java.time.LocalDate;
import java.util.List;
import org.nmaudit.facts.TrialOutcome;

/** trial-outcomes.csv: the documented result of a stimulator trial. */
final class TrialOutcomesFile extends DataFile<TrialOutcome> {
    static final String NAME = "trial-outcomes.csv";

    /** Patient ids, NPIs and dates repeat: one object each, as in ClaimsFile. */
    private final ValuePool pool = ValuePool.bounded();
    private final Row.Format<LocalDate> dates = new MemoizedFormat<>(CellFormats::date);

    TrialOutcomesFile() {
        super(NAME, false,
                List.of("patient_id", "documented_date"),
                List.of("pain_relief_pct", "analgesic_reduction_pct", "functional_improvement", "rendering_npi",
                        "note"));
    }

    @Override
    public TrialOutcome read(Row row) {
        String patientId = pool.of(row.requiredText("patient_id"));
        LocalDate documented = row.required("documented_date", dates);
        Double pain = row.optional("pain_relief_pct", CellFormats::percent);
        Double analgesic = row.optional("analgesic_reduction_pct", CellFormats::percent);
        Boolean functional = row.optional("functional_improvement", CellFormats::yesNo);
        String npi = pool.of(row.optionalText("rendering_npi"));
        String note = row.optionalText("note");
        if (row.hasProblems()) {
            return null;
        }
        return new TrialOutcome(patientId, documented, pain, analgesic, functional, npi, note, row.line());
    }
}
