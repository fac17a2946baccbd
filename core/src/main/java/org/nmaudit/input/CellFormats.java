package org.nmaudit.input;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cell formats of data-format.md. Each method takes a trimmed, non-blank cell and returns the
 * value, or throws {@link InvalidCell} with a reason a billing clerk can act on (the reader prefixes
 * the column and value).
 */
final class CellFormats {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern CPT = Pattern.compile("\\d{5}|\\d{4}[TFU]|[A-Z]\\d{4}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern PLACE_OF_SERVICE = Pattern.compile("\\d{2}");
    private static final Pattern BILL_TYPE = Pattern.compile("0?\\d{3}");
    private static final Pattern GLOBAL_PERIOD = Pattern.compile("\\d{3}|XXX|YYY|ZZZ|MMM");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final int MAX_MODIFIERS = 4;

    private CellFormats() {
    }

    /**
     * An ISO date that exists. Read by hand, not with a regex and a {@code DateTimeFormatter}: claims.csv
     * carries a date on every line, and the regex and the formatter took about 7% of the reading thread's
     * samples (JFR, 1M lines). The same answers as {@code \d{4}-\d{2}-\d{2}} (ASCII digits) then
     * {@code uuuu-MM-dd} with the strict resolver ({@code CellFormatsTest} compares them).
     */
    static LocalDate date(String v) throws InvalidCell {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-' || !isDigits(v, 0, 4) || !isDigits(v, 5, 7)
                || !isDigits(v, 8, 10)) {
            throw new InvalidCell("is not a date in yyyy-MM-dd form (e.g. 2025-03-14)");
        }
        try {
            return LocalDate.of(digitsValue(v, 0, 4), digitsValue(v, 5, 7), digitsValue(v, 8, 10));
        } catch (DateTimeException e) {
            throw new InvalidCell("is not a real calendar date");
        }
    }

    /** A whole number of at least 1, written with ASCII digits only (no sign). */
    static int lineNumber(String v) throws InvalidCell {
        if (v.isEmpty() || !isDigits(v, 0, v.length())) {
            throw new InvalidCell("must be a whole number written with digits only (e.g. 3)");
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidCell("is too large for a line number");
        }
        if (n < 1) {
            throw new InvalidCell("must be 1 or more");
        }
        return n;
    }

    private static boolean isDigits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of ASCII digits known to be there (at most 9 of them). */
    private static int digitsValue(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return n;
    }

    static String npi(String v) throws InvalidCell {
        if (v.length() != 10 || !DIGITS.matcher(v).matches()) {
            throw new InvalidCell("must be exactly 10 digits");
        }
        if (!Npi.isValid(v)) {
            throw new InvalidCell("fails the NPI check digit");
        }
        return v;
    }

    static String cpt(String v) throws InvalidCell {
        String code = v.toUpperCase(Locale.ROOT);
        if (!CPT.matcher(code).matches()) {
            throw new InvalidCell("is not a procedure code: 5 digits (CPT), 4 digits and T, F or U"
                    + " (CPT category III/II/PLA), or a letter and 4 digits (HCPCS)");
        }
        return code;
    }

    static List<String> modifiers(String v) throws InvalidCell {
        List<String> out = new ArrayList<>();
        for (String item : ListCell.items(v)) {
            String m = item.toUpperCase(Locale.ROOT);
            if (!MODIFIER.matcher(m).matches()) {
                throw new InvalidCell("contains '" + EchoedText.of(item) + "', which is not a modifier: each is exactly"
                        + " two letters or digits, separated by ;");
            }
            out.add(m);
        }
        if (out.size() > MAX_MODIFIERS) {
            throw new InvalidCell("has " + out.size() + " modifiers; at most " + MAX_MODIFIERS + " are allowed");
        }
        return List.copyOf(out);
    }

    static List<String> diagnosisCodes(String v) {
        List<String> out = new ArrayList<>();
        for (String item : ListCell.items(v)) {
            String code = item.toUpperCase(Locale.ROOT);
            if (code.length() > 3 && code.indexOf('.') < 0) {
                code = code.substring(0, 3) + "." + code.substring(3);
            }
            out.add(code);
        }
        return out;
    }

    static BigDecimal units(String v) throws InvalidCell {
        if (!DECIMAL.matcher(v).matches()) {
            throw new InvalidCell("must be a number greater than 0 (e.g. 1 or 2)");
        }
        BigDecimal units = new BigDecimal(v);
        if (units.signum() <= 0) {
            throw new InvalidCell("must be greater than 0");
        }
        return units;
    }

    static String placeOfService(String v) throws InvalidCell {
        if (!PLACE_OF_SERVICE.matcher(v).matches()) {
            throw new InvalidCell("must be a 2-digit place-of-service code (e.g. 11 office, 22 outpatient hospital,"
                    + " 24 ASC)");
        }
        return v;
    }

    static String billType(String v) throws InvalidCell {
        if (!BILL_TYPE.matcher(v).matches()) {
            throw new InvalidCell("must be a 3-digit type of bill, or 4 digits starting with 0 (e.g. 131 or 0131)");
        }
        return v.length() == 4 ? v.substring(1) : v;
    }

    static BigDecimal amount(String v) throws InvalidCell {
        if (isPlainDecimal(v)) {
            return new BigDecimal(v); // the common form, e.g. 234.00 or -12.50: the same value and scale as below
        }
        String digits = amountDigits(v);
        if (digits == null) {
            throw new InvalidCell("is not a dollar amount; write e.g. 407.00, $29,617.00 or -12.50"
                    + " (thousands separators only in groups of three)");
        }
        BigDecimal amount = new BigDecimal(digits);
        return v.indexOf('-') >= 0 ? amount.negate() : amount;
    }

    /**
     * The general form of an amount, read by hand (a fifth of the generated 1M practice's lines carry
     * "$106,273.00"): an optional sign and dollar sign in either order ({@code -}, {@code -$}, {@code $},
     * {@code $-}), digits plain or with thousands in groups of three, optional decimals. Returns the digits and
     * decimals without sign, dollar and commas, or null when {@code v} is not of this form. The same answers
     * as the regex {@code (-\$?|\$-?)?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?} ({@code CellFormatsTest} compares
     * them).
     */
    static String amountDigits(String v) {
        int n = v.length();
        int i = 0;
        if (i < n && v.charAt(i) == '-') {
            i++;
            if (i < n && v.charAt(i) == '$') {
                i++;
            }
        } else if (i < n && v.charAt(i) == '$') {
            i++;
            if (i < n && v.charAt(i) == '-') {
                i++;
            }
        }
        StringBuilder digits = new StringBuilder(n - i);
        int lead = 0;
        while (i < n && isDigit(v.charAt(i))) {
            digits.append(v.charAt(i++));
            lead++;
        }
        if (lead == 0) {
            return null;
        }
        if (i < n && v.charAt(i) == ',') {
            if (lead > 3) {
                return null;
            }
            while (i < n && v.charAt(i) == ',') {
                if (i + 3 >= n) {
                    return null;
                }
                if (!isDigits(v, i + 1, i + 4)) {
                    return null;
                }
                digits.append(v, i + 1, i + 4);
                i += 4;
            }
        }
        if (i < n && v.charAt(i) == '.') {
            int decimalsStart = i + 1;
            i++;
            while (i < n && isDigit(v.charAt(i))) {
                i++;
            }
            if (i == decimalsStart) {
                return null;
            }
            digits.append(v, decimalsStart - 1, i);
        }
        return i == n ? digits.toString() : null;
    }

    /** Digits with an optional leading minus and an optional fraction ({@code -?\d+(\.\d+)?}), without a regex. */
    static boolean isPlainDecimal(String v) {
        int i = v.startsWith("-") ? 1 : 0;
        int digits = 0;
        while (i < v.length() && isDigit(v.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == v.length()) {
            return true;
        }
        if (v.charAt(i) != '.' || i + 1 == v.length()) {
            return false;
        }
        for (i++; i < v.length(); i++) {
            if (!isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A fee-schedule amount: a dollar amount that is not negative. */
    static BigDecimal nonNegativeAmount(String v) throws InvalidCell {
        BigDecimal amount = amount(v);
        if (amount.signum() < 0) {
            throw new InvalidCell("is negative; an expected payment is 0 or more");
        }
        return amount;
    }

    static BigDecimal workRvu(String v) throws InvalidCell {
        if (!DECIMAL.matcher(v).matches()) {
            throw new InvalidCell("is not a number; write the work RVU like 7.15");
        }
        return new BigDecimal(v);
    }

    /** A global surgery period: 000, 010 or 090 (any three digits), or XXX, YYY, ZZZ, MMM. */
    static String globalPeriod(String v) throws InvalidCell {
        String upper = v.toUpperCase(Locale.ROOT);
        if (!GLOBAL_PERIOD.matcher(upper).matches()) {
            throw new InvalidCell("is not a global period; write three digits (000, 010, 090) or XXX, YYY, ZZZ, MMM");
        }
        return upper;
    }

    static Double percent(String v) throws InvalidCell {
        if (!DECIMAL.matcher(v).matches()) {
            throw new InvalidCell("must be a number from 0 to 100, without a % sign (e.g. 62.5)");
        }
        BigDecimal pct = new BigDecimal(v);
        if (pct.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidCell("must be a number from 0 to 100");
        }
        return pct.doubleValue();
    }

    static Boolean yesNo(String v) throws InvalidCell {
        switch (v.toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "TRUE":
                return Boolean.TRUE;
            case "N", "NO", "FALSE":
                return Boolean.FALSE;
            default:
                throw new InvalidCell("must be Y or N (also yes/no, true/false), or blank when not documented");
        }
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String v) throws InvalidCell {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            throw new InvalidCell("is not one of " + String.join(", ", allowed));
        }
    }
}
