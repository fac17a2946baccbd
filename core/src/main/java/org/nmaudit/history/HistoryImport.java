package org.nmaudit.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.input.InputSink;
import org.nmaudit.input.Reject;

/**
 * An import in progress: the sink that {@link org.nmaudit.input.DataSetReader} reads a data set into. Loaded
 * rows go to the store as they come, inside one transaction, written by a thread of their own so that reading
 * the files and writing the database overlap; rejects are kept for rejects.csv. Nothing is visible in the
 * store until {@link #commit()}; closing without it (or a killed process) leaves the store as it was.
 *
 * <p>An import into a disposable copy of the store ({@link StagedImport}, which publishes the copy only after
 * {@link #commit()}) may instead commit as it goes, every {@value #COMMIT_EVERY_CHUNKS} chunks: nothing of the
 * copy is seen before it is published, and a failed or killed import's copy is thrown away whatever it holds.
 * On H2 this is 15% faster (1M lines: 24.1 to 24.9 s against 28.9 to 29.3 s, alternating runs): H2's commit
 * goes back over every row the transaction wrote, and one commit at the end of a million rows took 6 s,
 * where many small ones go over rows still in pages H2 has not saved yet.
 *
 * <p>A row the store cannot hold, or a database failure, stops the import: it is thrown as
 * {@link UncheckedHistoryException} out of the reader when the writing thread has already met it, else as a
 * {@link HistoryException} from {@link #commit()}.
 */
public final class HistoryImport implements InputSink, AutoCloseable {
    /** Rows handed to the writing thread at a time, and chunks waiting for it at most. */
    private static final int CHUNK = 2_000;
    private static final int CHUNKS_WAITING = 8;
    /**
     * Chunks between commits when the import may commit as it goes (8,000 rows). Measured on 1M lines: every
     * chunk and every 4 chunks about the same, every 40 chunks nearly as slow as one commit at the end.
     */
    static final int COMMIT_EVERY_CHUNKS = 4;
    /** Tells the writing thread that no more rows come. */
    private static final List<PatientFact> END = new ArrayList<>();
    /** System property naming the step a test import pauses at; see {@link #pauseForTests(String)}. */
    static final String PAUSE_PROPERTY = "nmaudit.test.pauseImportAt";

    private final StoreLocation location;
    private final Connection connection;
    private final HistoryWriter writer;
    private final List<Reject> rejects = new ArrayList<>();
    private final BlockingQueue<List<PatientFact>> queue = new ArrayBlockingQueue<>(CHUNKS_WAITING);
    private final Thread writing;
    private volatile Throwable failure;
    /** Whether the writing thread commits every {@link #COMMIT_EVERY_CHUNKS} chunks (see the class comment). */
    private final boolean commitsAsItGoes;
    private List<PatientFact> chunk = new ArrayList<>(CHUNK);
    private boolean ended;
    private boolean committed;

    /** {@code commitsAsItGoes}: only for a copy of the store that is thrown away unless the import commits. */
    HistoryImport(StoreLocation location, Connection connection, String source, boolean commitsAsItGoes)
            throws SQLException {
        this.location = location;
        this.connection = connection;
        if (commitsAsItGoes && location.kind() == StoreLocation.Kind.POSTGRESQL) {
            // PostgreSQL imports write into the store itself (and a commit would end an open COPY).
            throw new IllegalArgumentException("a PostgreSQL import is one transaction");
        }
        this.commitsAsItGoes = commitsAsItGoes;
        connection.setAutoCommit(false);
        this.writer = HistoryWriter.begin(connection, StoredBatch.IMPORT, source,
                location.kind() == StoreLocation.Kind.POSTGRESQL);
        this.writing = new Thread(this::write, "nmaudit-history-import");
        writing.setDaemon(true);
        writing.start();
    }

    /** The writing thread: chunks into the writer until the end marker, or the first failure. */
    private void write() {
        try {
            long chunks = 0;
            for (List<PatientFact> rows = queue.take(); rows != END; rows = queue.take()) {
                if (failure == null) {
                    for (PatientFact fact : rows) {
                        writer.add(fact);
                    }
                    if (commitsAsItGoes && ++chunks % COMMIT_EVERY_CHUNKS == 0) {
                        connection.commit();
                    }
                }
            }
        } catch (Throwable e) {
            failure = e;
            queue.clear();
        }
    }

    @Override
    public void loaded(PatientFact fact) {
        chunk.add(fact);
        if (chunk.size() == CHUNK) {
            hand(chunk);
            chunk = new ArrayList<>(CHUNK);
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

    /** Waits for room in the queue, stopping at once when the writing thread failed. */
    private void hand(List<PatientFact> rows) {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                throwIfFailed();
            }
            throwIfFailed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    private void throwIfFailed() {
        Throwable e = failure;
        if (e == null) {
            return;
        }
        if (e instanceof HistoryException h) {
            throw new UncheckedHistoryException(h);
        }
        if (e instanceof SQLException s) {
            throw new UncheckedHistoryException(StoreErrors.failed(location, "storing the import", s));
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }

    /** Lets the writing thread finish what it was given and stop; true when it stopped. */
    private void endWriting() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null) {
                    queue.clear();
                }
            }
            writing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    /** Stores everything read, all at once. */
    public StoredBatch commit() throws HistoryException {
        try {
            if (!chunk.isEmpty()) {
                hand(chunk);
                chunk = new ArrayList<>();
            }
            endWriting();
            throwIfFailed();
            StoredBatch batch = writer.finish();
            pauseForTests("before commit");
            connection.commit();
            committed = true;
            if (location.kind() == StoreLocation.Kind.POSTGRESQL) {
                refreshStatistics();
            }
            return batch;
        } catch (UncheckedHistoryException e) {
            throw e.getCause();
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "storing the import", e);
        }
    }

    /**
     * KilledImportTest kills a child import at a step of its end; a small import ends in well under a second
     * on a quiet machine, so the child waits at the step the test names ("before commit": every row written,
     * the last commit not made, and into an H2 copy the earlier ones made; "copy committed, not yet in place":
     * see {@link StagedImport#publish()}).
     */
    static void pauseForTests(String step) {
        if (step.equals(System.getProperty(PAUSE_PROPERTY))) {
            System.err.println("nmaudit-import: paused at " + step);
            System.err.flush();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
        if (!committed) {
            // The rows not written yet are dropped; what was written goes with the rollback.
            failure = failure == null ? new IllegalStateException("closed before commit") : failure;
            queue.clear();
        }
        endWriting();
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
