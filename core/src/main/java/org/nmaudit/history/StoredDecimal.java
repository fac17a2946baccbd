package org.nmaudit.history;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A decimal of data-format.md in two columns: the exact value, NUMERIC(38, 12), and the scale it was
 * written with, so 407.00 comes back as 407.00 and 1 as 1 (H2 keeps no written scale in a NUMERIC, and the
 * rules' evidence prints values as written).
 */
final class StoredDecimal {
    static final int MAX_SCALE = 12;
    static final int MAX_INTEGER_DIGITS = 38 - MAX_SCALE;

    private StoredDecimal() {
    }

    /** Why the value does not fit the columns, or null when it does. */
    static String problem(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.scale() > MAX_SCALE) {
            return "has " + value.scale() + " decimals; the history store keeps at most " + MAX_SCALE;
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return "has " + (value.precision() - value.scale()) + " digits before the decimal point; the history"
                    + " store keeps at most " + MAX_INTEGER_DIGITS;
        }
        return null;
    }

    /** The value, then its scale. */
    static void write(RowValues row, BigDecimal value) throws SQLException {
        row.decimal(value).smallint(value == null ? null : value.scale());
    }

    /** The value of column {@code index} at the scale of column {@code index + 1}, or null. */
    static BigDecimal read(ResultSet row, int index) throws SQLException {
        BigDecimal stored = row.getBigDecimal(index);
        if (stored == null) {
            return null;
        }
        // Only zeros are dropped: the value was stored with at most this many decimals.
        return stored.setScale(row.getShort(index + 1));
    }
}
