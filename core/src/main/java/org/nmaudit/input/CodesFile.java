package org.nmaudit.input;

import java.math.BigDecimal;
import java.util.List;
import org.nmaudit.facts.ProcedureCode;

/**
 * codes.csv of the reference folder: each code's description, work RVU and global period. Optional: a
 * practice's own reference folder may hold only its fee schedule.
 */
final class CodesFile extends DataFile<ProcedureCode> {
    static final String NAME = "codes.csv";

    CodesFile() {
        super(NAME, false,
                List.of("cpt_code", "description"),
                List.of("work_rvu", "global_period", "source"));
    }

    @Override
    ProcedureCode read(Row row) {
        String cpt = row.required("cpt_code", CellFormats::cpt);
        String description = row.requiredText("description");
        BigDecimal rvu = row.optional("work_rvu", CellFormats::workRvu);
        String global = row.optional("global_period", CellFormats::globalPeriod);
        row.optionalText("source");
        if (row.hasProblems()) {
            return null;
        }
        return new ProcedureCode(cpt, description, rvu, global, row.line());
    }
}
