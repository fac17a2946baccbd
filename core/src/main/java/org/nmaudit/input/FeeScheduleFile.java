package org.nmaudit.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.nmaudit.facts.FeeScheduleRate;
import org.nmaudit.facts.PayerType;

/** fee-schedule.csv of the reference folder: expected payment per payer type, code, setting and component. */
final class FeeScheduleFile extends DataFile<FeeScheduleRate> {
    static final String NAME = "fee-schedule.csv";

    /** extended-rules.md, NM-UNDERPAID: where the service was done, for the fee schedule. */
    enum Setting {
        FACILITY,
        NON_FACILITY
    }

    /** Which payment the row is: the physician's or the facility's. */
    enum Component {
        PROFESSIONAL,
        FACILITY_FEE
    }

    FeeScheduleFile() {
        super(NAME, true,
                List.of("payer_type", "cpt_code", "setting", "component", "expected_amount", "effective_from"),
                List.of("source"));
    }

    @Override
    FeeScheduleRate read(Row row) {
        PayerType payer = row.required("payer_type", v -> CellFormats.oneOf(PayerType.class, v));
        String cpt = row.required("cpt_code", CellFormats::cpt);
        Setting setting = row.required("setting", v -> CellFormats.oneOf(Setting.class, v));
        Component component = row.required("component", v -> CellFormats.oneOf(Component.class, v));
        BigDecimal expected = row.required("expected_amount", CellFormats::nonNegativeAmount);
        LocalDate from = row.required("effective_from", CellFormats::date);
        String source = row.optionalText("source");
        if (row.hasProblems()) {
            return null;
        }
        return new FeeScheduleRate(payer, cpt, setting.name(), component.name(), expected, from, source, row.line());
    }
}
