package org.nmaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Inserts rows with multi-row INSERT statements (INSERT ... VALUES (...), (...), ...) sent as a JDBC batch:
 * one statement run per {@value #ROWS_PER_STATEMENT} rows instead of one per row, which is what makes an
 * import of a million lines fast on both databases.
 */
final class RowsInsert<T> implements AutoCloseable {
    /** Rows per statement; 100 rows of the widest table use 2,000 parameters, far below every driver's limit. */
    static final int ROWS_PER_STATEMENT = 100;

    /** Writes the values of one row. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(RowValues values, T row) throws SQLException;
    }

    private final Connection connection;
    private final IntFunction<String> sql;
    private final int parametersPerRow;
    private final Binder<T> binder;
    private final PreparedStatement full;

    /** {@code sql}: the INSERT statement for a given number of rows. */
    RowsInsert(Connection connection, IntFunction<String> sql, int parametersPerRow, Binder<T> binder)
            throws SQLException {
        this.connection = connection;
        this.sql = sql;
        this.parametersPerRow = parametersPerRow;
        this.binder = binder;
        this.full = connection.prepareStatement(sql.apply(ROWS_PER_STATEMENT));
    }

    void insert(List<T> rows) throws SQLException {
        int whole = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (whole > 0) {
            for (int from = 0; from < whole; from += ROWS_PER_STATEMENT) {
                bind(full, rows.subList(from, from + ROWS_PER_STATEMENT));
                full.addBatch();
            }
            full.executeBatch();
        }
        if (whole < rows.size()) {
            List<T> rest = rows.subList(whole, rows.size());
            try (PreparedStatement last = connection.prepareStatement(sql.apply(rest.size()))) {
                bind(last, rest);
                last.executeUpdate();
            }
        }
    }

    private void bind(PreparedStatement statement, List<T> rows) throws SQLException {
        for (int i = 0; i < rows.size(); i++) {
            binder.bind(new StatementRow(statement, 1 + i * parametersPerRow), rows.get(i));
        }
    }

    @Override
    public void close() throws SQLException {
        full.close();
    }
}
