package org.nmaudit.history;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/** A row's values bound to consecutive parameters of a prepared statement. */
final class StatementRow implements RowValues {
    private final PreparedStatement statement;
    private int next;

    /** The first value goes to parameter {@code first}. */
    StatementRow(PreparedStatement statement, int first) {
        this.statement = statement;
        this.next = first;
    }

    @Override
    public RowValues text(String value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.VARCHAR);
        } else {
            statement.setString(next++, value);
        }
        return this;
    }

    @Override
    public RowValues integer(int value) throws SQLException {
        statement.setInt(next++, value);
        return this;
    }

    @Override
    public RowValues bigint(long value) throws SQLException {
        statement.setLong(next++, value);
        return this;
    }

    @Override
    public RowValues smallint(Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.SMALLINT);
        } else {
            statement.setShort(next++, value.shortValue());
        }
        return this;
    }

    @Override
    public RowValues date(LocalDate value) throws SQLException {
        statement.setObject(next++, value);
        return this;
    }

    @Override
    public RowValues decimal(BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.NUMERIC);
        } else {
            statement.setBigDecimal(next++, value);
        }
        return this;
    }

    @Override
    public RowValues float8(Double value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.DOUBLE);
        } else {
            statement.setDouble(next++, value);
        }
        return this;
    }

    @Override
    public RowValues bool(Boolean value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.BOOLEAN);
        } else {
            statement.setBoolean(next++, value);
        }
        return this;
    }
}
