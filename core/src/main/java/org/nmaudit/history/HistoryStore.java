package org.nmaudit.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;

/**
 * The claim history (scrubbing.md, "The history store"): the loaded claim lines and documentation rows of
 * earlier imports and recorded scrubs, in H2 (embedded, the default) or PostgreSQL. Opening migrates the
 * schema. Thread-safe: every call takes its own pooled connection, so a server shares one store.
 *
 * <p>Facts read back are those the CSV reader loaded (same values, decimal scales, list order; the source line
 * of the file they were imported from), claim lines first, then trial outcomes, repeat-trial justifications,
 * programming sessions and psychological evaluations, each in the order they were stored.
 */
public final class HistoryStore implements AutoCloseable {
    /** Enough for a server on this project's 2-core machines; the command line uses one. */
    public static final int DEFAULT_CONNECTIONS = 4;
    private static final String H2_DEFAULT_USER = "sa";
    /** The page cache of an embedded database opened by {@link #openForServing}, in KB (H2's default: 16 MB). */
    static final int SERVING_H2_CACHE_KB = 4096;
    /** Rows of the latest service dates read at first when looking for the latest one outside a batch. */
    private static final int LATEST_DATE_PAGE = 64;

    private final StoreLocation location;
    private final HikariDataSource pool;

    private HistoryStore(StoreLocation location, HikariDataSource pool) {
        this.location = location;
        this.pool = pool;
    }

    /**
     * The store at a --db URL (null: the default embedded database under the working folder), with the user
     * and password of NMAUDIT_DB_USER and NMAUDIT_DB_PASSWORD.
     */
    public static HistoryStore open(String url) throws HistoryException {
        return open(StoreLocation.of(url), Credentials.fromEnvironment(), DEFAULT_CONNECTIONS);
    }

    /**
     * Connects (creating an embedded database on first use), migrates the schema, and keeps a pool of at most
     * {@code maxConnections} (at least 2). Unreachable servers, refused credentials and a database in use elsewhere are
     * a {@link HistoryException} with a message for the console.
     */
    public static HistoryStore open(StoreLocation location, Credentials credentials, int maxConnections)
            throws HistoryException {
        return open(location, connectionProperties(location, credentials), maxConnections);
    }

    /**
     * The store of a server that answers one claim at a time: {@link #open(StoreLocation, Credentials, int)}, with
     * an embedded database's page cache at {@value #SERVING_H2_CACHE_KB} KB (unless the URL sets CACHE_SIZE).
     * Such a server reads a few pages of random patients per request, which a larger cache seldom holds anyway;
     * what a larger cache does is turn its pages over, and every page it took in since the last young collection is
     * copied by that collection. Measured under nmaudit serve's load benchmark: H2's default 16 MB cache left 10 to
     * 16 MB in the survivor space after each young collection, 4 MB left 2.5 to 5 MB, and the longest pause fell
     * from 80 to 25 ms, with the same CPU per request.
     */
    public static HistoryStore openForServing(StoreLocation location, Credentials credentials, int maxConnections)
            throws HistoryException {
        Properties properties = connectionProperties(location, credentials);
        if (location.kind() == StoreLocation.Kind.H2
                && !location.jdbcUrl().toUpperCase(java.util.Locale.ROOT).contains(";CACHE_SIZE=")) {
            properties.setProperty("CACHE_SIZE", Integer.toString(SERVING_H2_CACHE_KB));
        }
        return open(location, properties, maxConnections);
    }

    private static HistoryStore open(StoreLocation location, Properties properties, int maxConnections)
            throws HistoryException {
        // A first connection of our own: its failure is reported as a message, where the pool would log a
        // stack trace. It stays open until the pool holds one (an embedded database closes with its last).
        Connection probe;
        try {
            probe = DriverManager.getConnection(location.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw StoreErrors.connecting(location, e);
        }
        try {
            return pooled(location, properties, maxConnections);
        } finally {
            closeQuietly(probe);
        }
    }

    private static HistoryStore pooled(StoreLocation location, Properties properties, int maxConnections)
            throws HistoryException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("nmaudit-history");
        config.setJdbcUrl(location.jdbcUrl());
        config.setDataSourceProperties(properties);
        // Flyway holds two connections while it migrates.
        config.setMaximumPoolSize(Math.max(2, maxConnections));
        config.setMinimumIdle(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            SQLException cause = sqlCause(e);
            throw cause != null ? StoreErrors.connecting(location, cause)
                    : new HistoryException("cannot open the history database " + location + ": " + e.getMessage(), e);
        }
        try {
            Schema.migrate(pool, location);
        } catch (HistoryException e) {
            pool.close();
            throw e;
        }
        return new HistoryStore(location, pool);
    }

    /**
     * Rewrites a closed embedded database file with its live pages only (H2's SHUTDOWN COMPACT), so that the
     * dead pages of a large write do not stay in the file.
     */
    static void compact(StoreLocation location, Credentials credentials) throws HistoryException {
        Connection connection;
        try {
            connection = DriverManager.getConnection(location.jdbcUrl(), connectionProperties(location, credentials));
        } catch (SQLException e) {
            throw StoreErrors.connecting(location, e);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "compacting the database file", e);
        } finally {
            closeQuietly(connection); // already closed by the shutdown
        }
    }

    private static Properties connectionProperties(StoreLocation location, Credentials credentials) {
        Properties p = new Properties();
        String user = credentials.user();
        if (user == null && location.kind() == StoreLocation.Kind.H2) {
            user = H2_DEFAULT_USER;
        }
        if (user != null) {
            p.setProperty("user", user);
        }
        if (credentials.password() != null) {
            p.setProperty("password", credentials.password());
        } else if (location.kind() == StoreLocation.Kind.H2) {
            p.setProperty("password", "");
        }
        if (location.kind() == StoreLocation.Kind.POSTGRESQL) {
            p.setProperty("ApplicationName", "nmaudit");
            p.setProperty("connectTimeout", "10");
        }
        return p;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    public StoreLocation location() {
        return location;
    }

    /**
     * Starts an import of a data set: read it into the returned sink with
     * {@link org.nmaudit.input.DataSetReader#read(Path, org.nmaudit.input.InputSink)}, then commit. A claim_id
     * already stored is replaced as a whole by the imported claim; a documentation row identical to a stored
     * one is not added again.
     *
     * @param source what is imported, for the batches table (e.g. the data folder)
     */
    public HistoryImport beginImport(String source) throws HistoryException {
        return beginImport(source, false);
    }

    /** {@code commitsAsItGoes}: see {@link HistoryImport}; only for a store that is a disposable copy. */
    HistoryImport beginImport(String source, boolean commitsAsItGoes) throws HistoryException {
        Connection connection = connection("starting the import");
        try {
            return new HistoryImport(location, connection, source, commitsAsItGoes);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw StoreErrors.failed(location, "starting the import", e);
        }
    }

    /**
     * Stores claims and documentation rows in one transaction, as a batch of kind RECORD: each claim_id of
     * {@code claims} replaces the stored claim of that id as a whole (so give every line of each claim);
     * documentation rows identical to stored ones are not added again.
     *
     * @param documentation TrialOutcome, RepeatTrialJustification, ProgrammingSession or PsychEvaluation rows
     * @param source what recorded them, for the batches table (e.g. "scrub data/batch-0412")
     * @throws IllegalArgumentException when two lines share a (claim_id, line_number), or a documentation row
     *     is a claim line
     */
    public StoredBatch record(List<ClaimLine> claims, List<? extends PatientFact> documentation, String source)
            throws HistoryException {
        Set<String> keys = new HashSet<>();
        for (ClaimLine line : claims) {
            if (!keys.add(line.getClaimId() + '\n' + line.getLineNumber())) {
                throw new IllegalArgumentException("claim " + line.getClaimId() + " line " + line.getLineNumber()
                        + " is given twice");
            }
        }
        for (PatientFact row : documentation) {
            DocumentationTable.of(row);
        }
        try (Connection connection = connection("recording claims")) {
            connection.setAutoCommit(false);
            try (HistoryWriter writer = HistoryWriter.begin(connection, StoredBatch.RECORD, source, false)) {
                for (ClaimLine line : claims) {
                    writer.add(line);
                }
                for (PatientFact row : documentation) {
                    writer.add(row);
                }
                StoredBatch batch = writer.finish();
                connection.commit();
                return batch;
            } catch (HistoryException | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "recording claims", e);
        }
    }

    /**
     * The stored facts of these patients (ids without history have none): what a scrub evaluates its batch
     * against. Claim lines first, then the documentation files, each in stored order.
     */
    public List<PatientFact> factsOfPatients(Collection<String> patientIds) throws HistoryException {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        try (Connection connection = connection("reading patients' history")) {
            return new HistoryReader(connection).factsOf(patientIds);
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "reading patients' history", e);
        }
    }

    /**
     * Every stored patient's facts, one list per patient (for an audit of the store), in the database's order
     * of patient_id: Java's String order on H2 and on a PostgreSQL database with the C collation, the
     * collation's order otherwise. A thousand patients are held at a time, so memory stays bounded; the walk
     * reads one snapshot. An exception of {@code perPatient} stops the walk and is thrown as it is.
     */
    public void streamAllByPatient(Consumer<List<PatientFact>> perPatient) throws HistoryException {
        try (Connection connection = connection("reading the history")) {
            // One snapshot for the whole walk: a write committed meanwhile is either wholly in it or not at all.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                new HistoryReader(connection).forEachPatient(perPatient);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "reading the history", e);
        }
    }

    /** Every patient with stored history, in the database's order of patient_id (see {@link #streamAllByPatient}). */
    public List<String> patientIds() throws HistoryException {
        try (Connection connection = connection("listing patients")) {
            return new HistoryReader(connection).patientIds();
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "listing patients", e);
        }
    }

    /** The latest service_date of a stored claim line (the default as-of date), empty for an empty store. */
    public Optional<LocalDate> latestServiceDate() throws HistoryException {
        try (Connection connection = connection("reading the latest service date");
                PreparedStatement select = connection.prepareStatement("SELECT MAX(service_date) FROM claim_lines");
                ResultSet row = select.executeQuery()) {
            row.next();
            return Optional.ofNullable(row.getObject(1, LocalDate.class));
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "reading the latest service date", e);
        }
    }

    /**
     * The latest service_date of a stored claim line whose claim is not one of {@code exceptClaimIds} (a scrub's
     * evaluation set leaves out the stored claims its batch sends again). Walks the service_date index from the
     * latest day down, a page of rows at a time, so it reads a few rows, not the table: without a row limit an
     * embedded H2 builds the whole ordered result before handing over the first row (a second per query on a
     * million lines, which every request of nmaudit serve paid).
     */
    public Optional<LocalDate> latestServiceDate(Set<String> exceptClaimIds) throws HistoryException {
        if (exceptClaimIds.isEmpty()) {
            return latestServiceDate();
        }
        try (Connection connection = connection("reading the latest service date");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT claim_id, service_date FROM claim_lines ORDER BY service_date DESC"
                                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            long offset = 0;
            int page = LATEST_DATE_PAGE;
            while (true) {
                select.setLong(1, offset);
                select.setInt(2, page);
                int read = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        if (!exceptClaimIds.contains(rows.getString(1))) {
                            return Optional.of(rows.getObject(2, LocalDate.class));
                        }
                    }
                }
                if (read < page) {
                    return Optional.empty();
                }
                offset += read;
                page = (int) Math.min(Integer.MAX_VALUE, page * 4L); // a batch resending the latest claims: rare
            }
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "reading the latest service date", e);
        }
    }

    /** Rows per table (claims: distinct claim ids), for a health check; each count reads a whole table. */
    public StoreCounts counts() throws HistoryException {
        try (Connection connection = connection("counting rows")) {
            return new StoreCounts(count(connection, "*", "batches"),
                    // Not COUNT(*) over a SELECT DISTINCT: on H2 that builds the distinct rows first (1M lines:
                    // 1.45 s against 0.6 s).
                    count(connection, "DISTINCT claim_id", "claim_lines"),
                    count(connection, "*", "claim_lines"), count(connection, "*", "trial_outcomes"),
                    count(connection, "*", "repeat_trial_justifications"),
                    count(connection, "*", "programming_sessions"), count(connection, "*", "psych_evaluations"));
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "counting rows", e);
        }
    }

    /** COUNT({@code what}) of a table: "*" for its rows, "DISTINCT column" for a column's values. */
    private static long count(Connection connection, String what, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(" + what + ") FROM " + table);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Whether the database answers now (for a health check); the reason when it does not. */
    public void ping() throws HistoryException {
        try (Connection connection = connection("checking the connection")) {
            if (!connection.isValid(5)) {
                throw new HistoryException("the history database " + location + " does not answer");
            }
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "checking the connection", e);
        }
    }

    /** Writes everything committed to the database file (H2), so that the file can be copied. */
    void checkpoint() throws HistoryException {
        try (Connection connection = connection("writing the database file");
                Statement s = connection.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "writing the database file", e);
        }
    }

    /**
     * Writes the stored rows as a data set into {@code folder} (see {@link HistoryExport}), from one snapshot of
     * the store.
     */
    public ExportSummary export(Path folder) throws HistoryException, IOException {
        try (Connection connection = connection("exporting the history")) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return new HistoryExport(connection).writeTo(folder);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreErrors.failed(location, "exporting the history", e);
        }
    }

    private Connection connection(String doing) throws HistoryException {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw StoreErrors.failed(location, doing, e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Already failing with a better message.
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
