package org.nmaudit.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty history database for one test: an H2 file in a temporary folder, or a schema of its own
 * (random name, dropped at {@link #close()}) in the PostgreSQL server of NMAUDIT_TEST_PG_URL (default
 * jdbc:postgresql://127.0.0.1:5432/test, trust authentication as the operating system user, or
 * NMAUDIT_DB_USER / NMAUDIT_DB_PASSWORD). Where no PostgreSQL server answers, a test that asks for the
 * PostgreSQL database is skipped with the reason, never passed.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String PG_URL = System.getenv().getOrDefault("NMAUDIT_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static volatile String postgresAbsence;
    private static volatile boolean postgresChecked;

    private final StoreLocation.Kind kind;
    private Path folder;
    private String schema;
    private String url;

    private TestDatabase(StoreLocation.Kind kind) {
        this.kind = kind;
    }

    public static TestDatabase h2() {
        return new TestDatabase(StoreLocation.Kind.H2);
    }

    public static TestDatabase postgres() {
        return new TestDatabase(StoreLocation.Kind.POSTGRESQL);
    }

    /** Both kinds, for a parameterized test. */
    public static Stream<TestDatabase> both() {
        return Stream.of(h2(), postgres());
    }

    public StoreLocation.Kind kind() {
        return kind;
    }

    /** The database's JDBC URL, created on first call; skips the test when PostgreSQL is not there. */
    public synchronized String url() {
        if (url != null) {
            return url;
        }
        if (kind == StoreLocation.Kind.H2) {
            try {
                folder = Files.createTempDirectory("nmaudit-history-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            url = "jdbc:h2:file:" + folder.resolve("history");
        } else {
            String absent = postgresAbsence();
            Assumptions.assumeTrue(absent == null, () -> "skipped: no PostgreSQL at " + PG_URL + " (" + absent + ")");
            schema = "nmaudit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            execute("CREATE SCHEMA " + schema);
            url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        return url;
    }

    public StoreLocation location() {
        try {
            return StoreLocation.parse(url());
        } catch (HistoryException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the store (migrating it) with the environment's credentials. */
    public HistoryStore open() throws HistoryException {
        return HistoryStore.open(location(), Credentials.fromEnvironment(), 2);
    }

    /** A plain JDBC connection, for looking behind the store's back. */
    public Connection connect() throws SQLException {
        Properties p = properties();
        if (kind == StoreLocation.Kind.H2 && !p.containsKey("user")) {
            p.setProperty("user", "sa");
            p.setProperty("password", "");
        }
        return DriverManager.getConnection(url(), p);
    }

    private static Properties properties() {
        Properties p = new Properties();
        Credentials c = Credentials.fromEnvironment();
        if (c.user() != null) {
            p.setProperty("user", c.user());
        }
        if (c.password() != null) {
            p.setProperty("password", c.password());
        }
        return p;
    }

    private static synchronized String postgresAbsence() {
        if (!postgresChecked) {
            Properties p = properties();
            p.setProperty("connectTimeout", "3");
            try (Connection c = DriverManager.getConnection(PG_URL, p)) {
                postgresAbsence = c.isValid(3) ? null : "the server does not answer";
            } catch (SQLException e) {
                postgresAbsence = e.getMessage();
            }
            postgresChecked = true;
        }
        return postgresAbsence;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, properties()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public String toString() {
        return kind == StoreLocation.Kind.H2 ? "H2" : "PostgreSQL";
    }
}
