package org.nmaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Loaded values written back as data-format.md cells that the reader loads as the same values again:
 * decimals as written (plain, never in exponent form), percentages in a form that reads back as the same
 * double, lists joined by ';', blank for "not known".
 */
final class Cells {
    private Cells() {
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /**
     * A percentage: the reader keeps it as a double, and Double.toString gives digits that read back as the
     * same double; written plain (0.00001, not 1.0E-5) and without trailing zeros (40, not 40.0).
     */
    static String percent(Double value) {
        return value == null ? "" : new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    static String yesNo(Boolean value) {
        return value == null ? "" : value ? "Y" : "N";
    }

    static String list(List<String> items) {
        return String.join(";", items);
    }

    /** The stored form of a list: its items joined by ';', null for none. */
    static String storedList(List<String> items) {
        return items.isEmpty() ? null : String.join(";", items);
    }

    /** A stored list back as the reader's list. */
    static List<String> parseList(String stored) {
        return stored == null ? List.of() : List.of(stored.split(";", -1));
    }
}
