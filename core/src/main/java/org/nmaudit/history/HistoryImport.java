package org.nmaudit.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.input.InputSink;
import org.nmaudit.input.Reject;

/**
 * An import in progress: the sink that {@link org.nmaudit.input.DataSetReader} reads a data set into. Loaded
 * rows go to the store as they come, inside one transaction; rejects are kept for rejects.csv. Nothing is
 * visible in the store until {@link #commit()}; closing without it (or a killed process) leaves the store as
 * it was.
 *
 * <p>A store failure while reading is thrown as {@link UncheckedHistoryException} out of the reader.
 */
public final class HistoryImport implements InputSink, AutoCloseable {
    private final StoreLocation location;
    private final Connection connection;
    private final HistoryWriter writer;
    private final List<Reject> rejects = new ArrayList<>();
    private boolean committed;

    HistoryImport(StoreLocation location, Connection connection, String source) throws SQLException {
        this.location = location;
        this.connection = connection;
        connection.setAutoCommit(false);
        this.writer = HistoryWriter.begin(connection, StoredBatch.IMPORT, source,
                location.kind() == StoreLocation.Kind.POSTGRESQL);
    }

    @Override
    public void loaded(PatientFact fact) {
        try {
            writer.add(fact);
        } catch (HistoryException e) {
            throw new UncheckedHistoryException(e);
        } catch (SQLException e) {
            throw new UncheckedHistoryException(StoreErrors.failed(location, "storing the import", e));
        }
    }

    @Override
    public void rejected(Reject reject) {
        rejects.add(reject);
    }

    /** Every problem of every rejected row, in file order, as rejects.csv lists them. */
    public List<Reject> rejects() {
        return rejects;
    }

    /** Stores everything read, all at once. */
    public StoredBatch commit() throws HistoryException {
        try {
            StoredBatch batch = writer.finish();
            connection.commit();
            committed = true;
            if (location.kind() == StoreLocation.Kind.POSTGRESQL) {
                refreshStatistics();
            }
            return batch;
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "storing the import", e);
        }
    }

    /**
     * PostgreSQL plans queries from table statistics, which a large import makes stale until autovacuum
     * catches up: without them a scrub's lookup of a few patients may scan whole tables.
     */
    private void refreshStatistics() throws SQLException {
        StringBuilder tables = new StringBuilder("claim_lines");
        for (DocumentationTable<?> table : DocumentationTable.ALL) {
            tables.append(", ").append(table.table());
        }
        connection.setAutoCommit(true);
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("ANALYZE " + tables);
        }
    }

    /** Without a commit, takes back everything written so far. */
    @Override
    public void close() throws HistoryException {
        try (Connection c = connection) {
            writer.close();
            if (!committed) {
                c.rollback();
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "ending the import", e);
        }
    }
}
