package org.nmaudit.input.x12;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/** X12 data types as nmaudit reads them: dates CCYYMMDD, date ranges, decimal numbers (R). */
final class X12Values {
    private X12Values() {
    }

    /**
     * A date or date range (DTP02 D8 or RD8), or the problem with it.
     *
     * @param warning a remark that does not reject the line (a range, or an RD8 with one date)
     */
    record Dates(LocalDate from, LocalDate to, String problem, String warning) {
        boolean ok() {
            return problem == null;
        }
    }

    /** Parses DTP03 by its DTP02 format qualifier (D8, RD8). */
    static Dates dates(String format, String text) {
        if (text.isEmpty()) {
            return new Dates(null, null, null, null);
        }
        switch (format) {
            case "D8" -> {
                LocalDate d = date(text);
                return d == null ? invalid(text) : new Dates(d, d, null, null);
            }
            case "RD8" -> {
                int dash = text.indexOf('-');
                if (dash < 0) {
                    LocalDate d = date(text);
                    return d == null ? invalid(text)
                            : new Dates(d, d, null, "RD8 range " + text + " has one date; read as that date");
                }
                String fromText = text.substring(0, dash);
                String toText = text.substring(dash + 1);
                LocalDate from = date(fromText);
                LocalDate to = date(toText);
                if (from == null) {
                    return invalid(fromText);
                }
                if (to == null) {
                    return invalid(toText);
                }
                if (from.isAfter(to)) {
                    return new Dates(null, null, "the range " + text + " ends before it starts", null);
                }
                String warning = from.equals(to) ? null
                        : "RD8 range " + text + ": the line is read on its from date " + from
                                + " (as the CMS-1500 From date; units and charge are not split)";
                return new Dates(from, to, null, warning);
            }
            default -> {
                return new Dates(null, null, "date format qualifier '" + format + "' is not D8 (a date) or RD8"
                        + " (a range)", null);
            }
        }
    }

    private static Dates invalid(String text) {
        if (text.length() != 8 || !digits(text)) {
            return new Dates(null, null, text + " is not a date written CCYYMMDD (e.g. 20250314)", null);
        }
        return new Dates(null, null, text + " is not a real calendar date", null);
    }

    /** A CCYYMMDD date that exists, or null. */
    static LocalDate date(String text) {
        if (text.length() != 8 || !digits(text)) {
            return null;
        }
        try {
            return LocalDate.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the digits {@code text[from..to)} write (they are digits). */
    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + text.charAt(i) - '0';
        }
        return n;
    }

    static boolean digits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * An X12 decimal (R) as a claims.csv cell: the text as sent, with a leading 0 added before a bare
     * decimal point ({@code .5} is 0.5 in X12), so the cell formats of data-format.md judge it.
     */
    static String decimalCell(String text) {
        if (text.startsWith(".")) {
            return "0" + text;
        }
        if (text.startsWith("-.")) {
            return "-0" + text.substring(1);
        }
        return text;
    }

    /** An X12 decimal (R): optional minus, digits with an optional decimal point; null when not one. */
    static BigDecimal decimal(String text) {
        String t = decimalCell(text);
        int start = t.startsWith("-") ? 1 : 0;
        if (t.length() == start) {
            return null;
        }
        boolean point = false;
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.' && !point && i > start && i < t.length() - 1) {
                point = true;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        return new BigDecimal(t);
    }
}
