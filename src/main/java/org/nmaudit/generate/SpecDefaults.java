package org.nmaudit.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The parameter defaults of core-rules.md and extended-rules.md that the generator plans dates
 * around. The generator places events relative to these numbers so that a deliberate violation is
 * a violation and ordinary care is not; if the audit runs with other --param values, the labels
 * describe the defaults.
 */
final class SpecDefaults {
    static final int CONVERSION_WINDOW_DAYS = 180;
    static final int PROGRAMMING_WINDOW_DAYS = 30;
    static final int PROGRAMMING_GRACE_DAYS = 30;
    /** 010-day global period of 63650 and 63685: an E/M 0..10 days after needs modifier 24, 25 or 57. */
    static final int GLOBAL_DAYS = 10;
    static final int PSYCH_EVAL_MAX_AGE_DAYS = 365;
    static final int TRIAL_MIN_PCT = 50;
    /** ICD-10-CM FY2025: M62.85 exists only from this day. */
    static final LocalDate M62_85_EFFECTIVE = LocalDate.of(2024, 10, 1);
    /** CPT 2025 added the integrated peripheral nerve stimulator codes 64596-64598. */
    static final LocalDate INTEGRATED_PNS_CODES_EFFECTIVE = LocalDate.of(2025, 1, 1);

    private SpecDefaults() {
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
