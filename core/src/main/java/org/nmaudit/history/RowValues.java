package org.nmaudit.history;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The values of one row to store, column after column: what a table's mapping writes, whether the row goes
 * into an INSERT's parameters ({@link StatementRow}) or into PostgreSQL COPY text ({@link CopyRow}). Null is
 * SQL NULL.
 */
interface RowValues {
    RowValues text(String value) throws SQLException;

    RowValues integer(int value) throws SQLException;

    RowValues bigint(long value) throws SQLException;

    RowValues smallint(Integer value) throws SQLException;

    RowValues date(LocalDate value) throws SQLException;

    RowValues decimal(BigDecimal value) throws SQLException;

    RowValues float8(Double value) throws SQLException;

    RowValues bool(Boolean value) throws SQLException;
}
