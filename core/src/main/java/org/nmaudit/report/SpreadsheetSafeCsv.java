package org.nmaudit.report;

import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;

/**
 * CSV cells a spreadsheet opens without evaluating anything (findings-format.md, "Safe to open"). Billing
 * teams open nmaudit's CSV files in Excel, and a claim id such as {@code =HYPERLINK("http://x")} or
 * {@code @SUM(A1)} copied from the input would become a live formula. A text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is therefore written with a
 * leading apostrophe, which spreadsheets read as "this is text".
 *
 * <p>Which cells are text is decided by the column, not by the value: a claim id {@code -5} is text and
 * gets the apostrophe, an amount at risk {@code -12.50} that nmaudit computed is a number and stays plain.
 * Every CSV nmaudit writes goes through {@link #text} for its text columns; nmaudit's own readers (diff)
 * undo it with {@link #original}.
 *
 * <p>To keep the round trip exact, a value that already starts with apostrophes followed by one of those
 * characters ({@code '=x}) gets one more apostrophe too ({@code ''=x}), so reading it back gives
 * {@code '=x} again. Any other value is written as it is.
 */
public final class SpreadsheetSafeCsv {
    /** The CSV dialect of every file nmaudit writes: RFC 4180 with {@code \n} line ends. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private static final char GUARD = '\'';
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private SpreadsheetSafeCsv() {
    }

    /** A text cell as it is written: with a leading apostrophe when a spreadsheet could read a formula in it. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        return needsGuard(value) ? GUARD + value : value;
    }

    /**
     * A number cell whose value nmaudit read rather than computed (diff copies amounts and line numbers
     * from findings.csv): plain when it is a plain decimal number such as -12.50, else guarded as text.
     */
    public static String number(String value) {
        if (value == null) {
            return "";
        }
        return PLAIN_NUMBER.matcher(value).matches() ? value : text(value);
    }

    /** A text cell of a file nmaudit wrote, as the value it was written from (the guard removed). */
    public static String original(String cell) {
        if (cell == null || cell.isEmpty() || cell.charAt(0) != GUARD) {
            return cell;
        }
        String rest = cell.substring(1);
        return needsGuard(rest) ? rest : cell;
    }

    /** True when the value starts with a formula character, after any number of apostrophes. */
    private static boolean needsGuard(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == GUARD) {
            i++;
        }
        return i < value.length() && isFormulaStart(value.charAt(i));
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
