package org.nmaudit.audit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The months a period audit reports (periods.md): {@code yyyy-MM} or {@code yyyy-MM..yyyy-MM}, from the first
 * day of the first month (S) to the last day of the last month (E).
 *
 * @param text the period as given, which names the default output folder (reports/2025-10..2025-12)
 */
public record AuditPeriod(String text, LocalDate start, LocalDate end) {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern FORM = Pattern.compile("(\\d{4}-\\d{2})(?:\\.\\.(\\d{4}-\\d{2}))?");

    /** Thrown for a period that is not of the two forms, or whose end is before its start. */
    public static final class InvalidPeriod extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidPeriod(String message) {
            super(message);
        }
    }

    public static AuditPeriod parse(String text) throws InvalidPeriod {
        Matcher form = FORM.matcher(text);
        if (!form.matches()) {
            throw new InvalidPeriod("--period " + text + " is not a month (yyyy-MM, e.g. 2025-11) or a range of"
                    + " months (yyyy-MM..yyyy-MM, e.g. 2025-10..2025-12)");
        }
        YearMonth first = month(text, form.group(1));
        YearMonth last = form.group(2) == null ? first : month(text, form.group(2));
        if (last.isBefore(first)) {
            throw new InvalidPeriod("--period " + text + " ends (" + last + ") before it starts (" + first + ")");
        }
        return new AuditPeriod(text, first.atDay(1), last.atEndOfMonth());
    }

    private static YearMonth month(String text, String month) throws InvalidPeriod {
        Matcher m = MONTH.matcher(month);
        if (!m.matches()) {
            throw new InvalidPeriod("--period " + text + ": " + month + " is not a month (the month is 01 to 12)");
        }
        return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public int startDay() {
        return (int) start.toEpochDay();
    }

    public int endDay() {
        return (int) end.toEpochDay();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
