package org.nmaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row's values as one line of PostgreSQL COPY ... (FORMAT csv) text: text always quoted (so an empty text,
 * a comma, a quote, a line break or a backslash stays data), numbers and dates plain, NULL as an unquoted
 * empty field.
 */
final class CopyRow implements RowValues {
    private final StringBuilder out;
    private boolean first = true;

    /** Appends to {@code out}; call {@link #end()} after the last value. */
    CopyRow(StringBuilder out) {
        this.out = out;
    }

    private CopyRow field(String plain) {
        if (!first) {
            out.append(',');
        }
        first = false;
        if (plain != null) {
            out.append(plain);
        }
        return this;
    }

    @Override
    public RowValues text(String value) {
        if (value == null) {
            return field(null);
        }
        field("");
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
        return this;
    }

    @Override
    public RowValues integer(int value) {
        return field(Integer.toString(value));
    }

    @Override
    public RowValues bigint(long value) {
        return field(Long.toString(value));
    }

    @Override
    public RowValues smallint(Integer value) {
        return field(value == null ? null : value.toString());
    }

    @Override
    public RowValues date(LocalDate value) {
        return field(value == null ? null : value.toString());
    }

    @Override
    public RowValues decimal(BigDecimal value) {
        return field(value == null ? null : value.toPlainString());
    }

    /** Double.toString reads back as the same double (PostgreSQL rounds its input correctly). */
    @Override
    public RowValues float8(Double value) {
        return field(value == null ? null : value.toString());
    }

    @Override
    public RowValues bool(Boolean value) {
        return field(value == null ? null : value ? "t" : "f");
    }

    void end() {
        out.append('\n');
    }
}
