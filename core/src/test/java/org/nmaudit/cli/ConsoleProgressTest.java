package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Progress into a file or a pipe (as under the test runner: no console): the workers report after every batch,
 * hundreds of times a second, and a line is shown at most every few seconds, but always the last one.
 */
class ConsoleProgressTest {
    @Test
    void manyUpdatesShowTheFirstAndTheLast() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true));
        for (int done = 1; done <= 500; done++) {
            progress.patients(done * 10L, 5_000, done);
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals(2, lines.size(), text.toString());
        assertTrue(lines.get(0).matches("\\[ *[0-9.]+s\\] rules: 1 patients done; 10 of 5,000 rows \\(0%\\), .*"),
                lines.get(0));
        assertTrue(lines.get(1).matches("\\[ *[0-9.]+s\\] rules: 500 patients done; 5,000 of 5,000 rows \\(100%\\), .*"
                + " about 0 s left"), lines.get(1));
    }

    @Test
    void readingShowsAtMostOneLineEveryFewSeconds() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true));
        for (long rows = 250_000; rows <= 2_500_000; rows += 250_000) {
            progress.rowsRead("claims.csv", rows);
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals(1, lines.size(), text.toString());
        assertTrue(lines.get(0).matches("\\[ *[0-9.]+s\\] claims.csv: 250,000 rows read \\(.* rows/s\\)"), lines.get(0));
    }

    @Test
    void aShortRunShowsNothing() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true), false);
        progress.rowsRead("claims.csv", 250_000);
        progress.patients(5_000, 5_000, 500);
        assertEquals("", text.toString());
    }
}
