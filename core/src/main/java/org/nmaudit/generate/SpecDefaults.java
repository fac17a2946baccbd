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
    /** NM-PROG-TRIAL: programming 0..10 days after a trial (no implant between) programs the trial device. */
    static final int TRIAL_PERIOD_DAYS = 10;
    /** NM-UNDERPAID: a payment more than 5% under the expected amount is an underpayment. */
    static final int UNDERPAYMENT_TOLERANCE_PCT = 5;
    /** NM-UNITS: 63650 at most 2 per (patient, date, claim type). */
    static final int UNITS_MAX_63650_PER_DAY = 2;
    /** 42 CFR 419.82: Medicare OPD prior authorization of 63650 from this day. */
    static final LocalDate OPD_PRIOR_AUTH_START = LocalDate.of(2021, 7, 1);
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
