package org.nmaudit.report.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How report.html writes numbers, money and dates: US English, as the claims are in dollars. */
final class Formats {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.US);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.US);

    private Formats() {
    }

    /** $1,234.56; "" when unknown. */
    static String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat f = new DecimalFormat("$#,##0.00;-$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(amount);
    }

    /** $1,235 (whole dollars), for a chart's labels. */
    static String wholeMoney(double amount) {
        DecimalFormat f = new DecimalFormat("$#,##0;-$#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(amount);
    }

    /** $950, $12.3k, $1.25M: an axis label or a label over a narrow column. */
    static String compactMoney(double amount) {
        double a = Math.abs(amount);
        if (a >= 1_000_000) {
            return "$" + trim(amount / 1_000_000, a >= 10_000_000 ? 1 : 2) + "M";
        }
        if (a >= 1_000) {
            return "$" + trim(amount / 1_000, a >= 100_000 ? 0 : 1) + "k";
        }
        return "$" + trim(amount, 0);
    }

    private static String trim(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** 31,692. */
    static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** "1 finding", "2 findings", "1,024 findings". */
    static String counted(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** 15.6% from 0.156; one decimal, trailing .0 dropped. */
    static String percent(double fraction) {
        return trim(fraction * 100, 1) + "%";
    }

    /** 31 Dec 2025. */
    static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    /** December 2025. */
    static String monthYear(YearMonth m) {
        return MONTH_YEAR.format(m);
    }

    /** December 2025, or October – December 2025, or November 2024 – January 2025. */
    static String months(YearMonth first, YearMonth last) {
        if (first.equals(last)) {
            return monthYear(first);
        }
        String from = first.getYear() == last.getYear() ? MONTH.format(first) : monthYear(first);
        return from + " \u2013 " + monthYear(last);
    }

    /** Dec. */
    static String shortMonth(YearMonth m) {
        return SHORT_MONTH.format(m);
    }
}
