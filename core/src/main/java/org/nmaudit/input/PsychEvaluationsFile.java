package org.nmaudit.input;

import java.time.LocalDate;
import java.util.List;
import org.nmaudit.facts.PsychEvaluation;

/** psych-evaluations.csv: pre-trial psychological evaluations. */
final class PsychEvaluationsFile extends DataFile<PsychEvaluation> {
    static final String NAME = "psych-evaluations.csv";

    /** Patient ids, credentials and dates repeat: one object each, as in ClaimsFile. */
    private final ValuePool pool = ValuePool.bounded();
    private final Row.Format<LocalDate> dates = new MemoizedFormat<>(CellFormats::date);

    PsychEvaluationsFile() {
        super(NAME, false,
                List.of("patient_id", "evaluation_date"),
                List.of("evaluator_credential"));
    }

    @Override
    public PsychEvaluation read(Row row) {
        String patientId = pool.of(row.requiredText("patient_id"));
        LocalDate date = row.required("evaluation_date", dates);
        String credential = pool.of(row.optionalText("evaluator_credential"));
        if (row.hasProblems()) {
            return null;
        }
        return new PsychEvaluation(patientId, date, credential, row.line());
    }
}
