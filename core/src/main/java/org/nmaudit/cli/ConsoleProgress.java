package org.nmaudit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.nmaudit.input.ReadProgress;

/** Progress of long work on stderr, so a large audit never looks stuck; stdout stays the summary. */
final class ConsoleProgress implements ReadProgress {
    private final PrintWriter err;
    private final long startNanos = System.nanoTime();

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void rowsRead(String fileName, long rows) {
        step(String.format(Locale.ROOT, "%s: %,d rows read", fileName, rows));
    }

    void step(String message) {
        err.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, message);
        err.flush();
    }
}
