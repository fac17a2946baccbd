package org.nmaudit.report.monthly;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The months a period audit reports (periods.md): from the first day of {@code first} to the last day
 * of {@code last}, both inclusive. One month has {@code first == last}.
 */
public record ReportPeriod(YearMonth first, YearMonth last) {

    public ReportPeriod {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("period " + first + ".." + last + " ends before it starts");
        }
    }

    public static ReportPeriod of(YearMonth month) {
        return new ReportPeriod(month, month);
    }

    /** S of periods.md. */
    public LocalDate start() {
        return first.atDay(1);
    }

    /** E of periods.md. */
    public LocalDate end() {
        return last.atEndOfMonth();
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start()) && !date.isAfter(end());
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(first) && !month.isAfter(last);
    }

    /** As --period spells it: 2025-12, or 2025-10..2025-12. */
    public String label() {
        return first.equals(last) ? first.toString() : first + ".." + last;
    }
}
