package org.nmaudit.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The service dates a data set covers, both ends included. Every claim line falls inside it, and the
 * generator bills one visit on the last day, so an audit's as-of date (the latest service date) is
 * always {@link #end()}: trial statuses PENDING and FAILED are planned against that date.
 */
record DataWindow(LocalDate start, LocalDate end) {

    long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    LocalDate asOf() {
        return end;
    }
}
