package org.nmaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database serves one process: a second nmaudit process (here a child JVM) that wants it while
 * this one holds it gets a message that says so and exit code 2, not a stack trace.
 */
class DatabaseInUseTest {
    @TempDir
    Path tmp;

    @Test
    void anEmbeddedDatabaseOpenInAnotherProcessIsAClearError() throws Exception {
        StoreLocation location = StoreLocation.parse("jdbc:h2:file:" + tmp.resolve("history"));
        try (HistoryStore held = HistoryStore.open(location, Credentials.NONE, 2)) {
            Process child = new ProcessBuilder(KilledImportTest.javaCommand("history", "export", "--out",
                    tmp.resolve("out").toString(), "--db", location.jdbcUrl()))
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not end");
            String log = Files.readString(tmp.resolve("child.log"));
            assertEquals(2, child.exitValue(), log);
            assertTrue(log.startsWith("nmaudit: the history database " + location + " is open in another nmaudit"
                    + " process (a running nmaudit serve?): an embedded database serves one process at a time; stop"
                    + " that process, or keep the history in PostgreSQL (--db jdbc:postgresql://...)\n"), log);
            assertEquals(1, log.lines().count(), log);
            held.ping();
        }
    }
}
