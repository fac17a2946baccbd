package org.nmaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PayerType;

/**
 * An import killed (SIGKILL) while its transaction is open leaves the store as it was: a real child JVM runs
 * {@code nmaudit history import data/sample}, the test watches the database until the child's transaction
 * has written every row and waits at a step of its end (a test pause), kills it, and reopens the store. On
 * PostgreSQL the server rolls back the dead session; on H2 the import went into a copy of the database file
 * (H2's commit of a large transaction is not atomic against a kill), which the next import removes.
 */
class KilledImportTest {
    @TempDir
    Path tmp;

    /** Each database with each step the child import is killed at. */
    static Stream<Arguments> killPoints() {
        return TestDatabase.both().flatMap(db -> db.kind() == StoreLocation.Kind.H2
                ? Stream.of(Arguments.of(db, "before commit"), Arguments.of(db, "copy committed, not yet in place"))
                : Stream.of(Arguments.of(db, "before commit")));
    }

    @ParameterizedTest(name = "{0}, killed {1}")
    @MethodSource("killPoints")
    void aKilledImportLeavesTheStoreAsItWas(TestDatabase db, String step) throws Exception {
        String tag = "nmaudit-kill-" + UUID.randomUUID().toString().substring(0, 8);
        String url = db.kind() == StoreLocation.Kind.H2 ? db.url() : db.url() + "&ApplicationName=" + tag;
        ClaimLine kept = new ClaimLine("C000000001", 1, "P00000001", PayerType.MEDICARE, "1234567893",
                LocalDate.of(2020, 1, 2), "95970", List.of(), BigDecimal.ONE, List.of(), "11", null, null,
                new BigDecimal("1.00"), null, 2);
        StoreCounts before;
        try (HistoryStore store = HistoryStore.open(StoreLocation.parse(url), Credentials.fromEnvironment(), 2)) {
            store.record(List.of(kept), List.of(), "before");
            before = store.counts();
        }

        Process child = new ProcessBuilder(javaCommand(List.of("-D" + HistoryImport.PAUSE_PROPERTY + "=" + step),
                "history", "import", "data/sample", "--db", url, "--out", tmp.resolve("out").toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            waitForPause(db, tag, child);
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
        if (db.kind() == StoreLocation.Kind.H2) {
            Path base = Path.of(db.url().substring("jdbc:h2:file:".length()));
            assertEquals(1, leftovers(base).size(), "the killed import's copy of the database file is left");
            try (HistoryStore store = HistoryStore.open(StoreLocation.parse(db.url()), Credentials.fromEnvironment(), 2);
                    StagedImport next = StagedImport.of(store, Credentials.fromEnvironment())) {
                assertEquals(1, leftovers(base).size(), "the next import's own copy only: " + leftovers(base));
            }
            assertEquals(List.of(), leftovers(base), "an import that ends removes its copy");
        }
    }

    /** Copies of the H2 file at {@code base} (the path before .mv.db) that imports left beside it. */
    static List<Path> leftovers(Path base) throws java.io.IOException {
        try (Stream<Path> files = Files.list(base.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(base.getFileName() + ".importing-"))
                    .toList();
        }
    }

    /**
     * Polls until the child says it paused at the step and, on PostgreSQL, its session shows the uncommitted
     * import (so the kill is what ends the transaction). H2 imports into a copy of the file the child opens alone.
     */
    private void waitForPause(TestDatabase db, String tag, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the import ended before it could be killed: " + log());
            if (log().contains("nmaudit-import: paused at")
                    && (db.kind() == StoreLocation.Kind.H2 || uncommittedPostgres(db, tag))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child's import never paused: " + log());
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
        return javaCommand(List.of(), args);
    }

    /** The same with JVM options before the main class. */
    static List<String> javaCommand(List<String> jvmOptions, String... args) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classPath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator)));
        command.addAll(jvmOptions);
        command.add("org.nmaudit.cli.Main");
        command.addAll(List.of(args));
        return command;
    }
}
