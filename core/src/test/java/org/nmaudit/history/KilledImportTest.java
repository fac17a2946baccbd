package org.nmaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PayerType;

/**
 * An import killed (SIGKILL) while its transaction is open leaves the store as it was: a real child JVM runs
 * {@code nmaudit history import data/sample}, the test watches the database until the child's transaction
 * has written, kills it, and reopens the store. On H2 the child owns the database file (AUTO_SERVER lets the
 * test look in), so the reopening is a crash recovery; on PostgreSQL the server rolls back the dead session.
 */
class KilledImportTest {
    @TempDir
    Path tmp;

    static List<TestDatabase> databases() {
        return TestDatabase.both().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aKilledImportLeavesTheStoreAsItWas(TestDatabase db) throws Exception {
        String tag = "nmaudit-kill-" + UUID.randomUUID().toString().substring(0, 8);
        String url = db.kind() == StoreLocation.Kind.H2 ? db.url() + ";AUTO_SERVER=TRUE"
                : db.url() + "&ApplicationName=" + tag;
        ClaimLine kept = new ClaimLine("C000000001", 1, "P00000001", PayerType.MEDICARE, "1234567893",
                LocalDate.of(2020, 1, 2), "95970", List.of(), BigDecimal.ONE, List.of(), "11", null, null,
                new BigDecimal("1.00"), null, 2);
        StoreCounts before;
        try (HistoryStore store = HistoryStore.open(StoreLocation.parse(url), Credentials.fromEnvironment(), 2)) {
            store.record(List.of(kept), List.of(), "before");
            before = store.counts();
        }

        Process child = new ProcessBuilder(javaCommand("history", "import", "data/sample", "--db", url, "--out",
                tmp.resolve("out").toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            waitForOpenTransaction(db, url, tag, child);
            Thread.sleep(300);
            assertTrue(child.isAlive(), "the import ended before it could be killed: " + log());
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(137, child.exitValue(), log());

        try (HistoryStore store = HistoryStore.open(StoreLocation.parse(db.url()), Credentials.fromEnvironment(), 2)) {
            assertEquals(before, store.counts());
            assertEquals(FactFields.of(List.of(kept)), FactFields.of(store.factsOfPatients(List.of("P00000001"))));
        }
    }

    /** Polls until the child's session holds uncommitted changes. */
    private void waitForOpenTransaction(TestDatabase db, String url, String tag, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Path lock = Path.of(db.url().substring("jdbc:h2:file:".length()) + ".lock.db");
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the import ended before it could be killed: " + log());
            if (db.kind() == StoreLocation.Kind.H2) {
                // Only once the child owns the file: a first connection from here would make this JVM the server.
                if (Files.exists(lock) && uncommittedH2(url)) {
                    return;
                }
            } else if (uncommittedPostgres(db, tag)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child's import transaction never showed: " + log());
    }

    private static boolean uncommittedH2(String url) {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1) > 0;
        } catch (SQLException e) {
            return false; // the child is still opening the database
        }
    }

    private static boolean uncommittedPostgres(TestDatabase db, String tag) throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                        + " WHERE application_name = ? AND backend_xid IS NOT NULL")) {
            s.setString(1, tag);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("child.log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** java -cp (this test's class path) org.nmaudit.cli.Main ARGS, from the project folder. */
    static List<String> javaCommand(String... args) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classPath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                "org.nmaudit.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }
}
