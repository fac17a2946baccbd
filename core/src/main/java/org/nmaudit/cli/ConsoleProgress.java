package org.nmaudit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.nmaudit.engine.PartitionedAudit;
import org.nmaudit.input.ReadProgress;

/**
 * Progress of long work on stderr, so a large audit never looks stuck; stdout stays the summary. On a
 * terminal the current line is rewritten in place; into a file or a pipe each update is a plain line, at
 * most one every few seconds.
 */
final class ConsoleProgress implements ReadProgress, PartitionedAudit.Progress {
    private static final long TERMINAL_EVERY_NANOS = 500_000_000L;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastUpdate;
    private long phaseStart = System.nanoTime();
    private boolean lineOpen;

    /** Progress that shows (a command whose long reads tell it every 250,000 rows). */
    ConsoleProgress(PrintWriter err) {
        this(err, true);
    }

    /**
     * @param enabled false for short runs: no progress at all
     */
    ConsoleProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
        this.terminal = System.console() != null && !"plain".equals(System.getenv("NMAUDIT_PROGRESS"));
    }

    /** A new phase of the run: read, group, rules, write. */
    synchronized void step(String message) {
        if (!enabled) {
            return;
        }
        endLine();
        phaseStart = System.nanoTime();
        err.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds(startNanos), message);
        err.flush();
    }

    @Override
    public synchronized void rowsRead(String fileName, long rows) {
        if (!due(false)) {
            return;
        }
        update(String.format(Locale.ROOT, "%s: %,d rows read (%,.0f rows/s)", fileName, rows,
                rows / Math.max(1e-9, seconds(phaseStart))));
    }

    @Override
    public synchronized void patients(long factsDone, long factsTotal, long patientsDone) {
        // called by the workers after every batch, hundreds of times a second: the line is formatted only
        // when it is shown (String.format on every call took 2% of the workers' CPU)
        if (!due(factsDone == factsTotal)) {
            return;
        }
        double elapsed = seconds(phaseStart);
        double rate = factsDone / Math.max(1e-9, elapsed);
        double left = rate > 0 ? (factsTotal - factsDone) / rate : 0;
        update(String.format(Locale.ROOT, "rules: %,d patients done; %,d of %,d rows (%d%%), %,.0f rows/s, about %.0f s"
                + " left", patientsDone, factsDone, factsTotal, factsTotal == 0 ? 100 : factsDone * 100 / factsTotal,
                rate, left));
    }

    /**
     * The phases' times at the end of a long run (the benchmark reads this line): read (parse, validate,
     * partition), group (partitions read back by patient, overlapping the rules), rules (both passes),
     * write.
     */
    synchronized void timings(long readNanos, long rowsRead, long groupNanos, long rulesNanos, long providerNanos,
            long rowsAudited, long writeNanos, long findings) {
        if (!enabled) {
            return;
        }
        endLine();
        err.printf(Locale.ROOT, "[%6.1fs] phases: read %.2f s (%,.0f rows/s), group %.2f s (%,.0f rows/s), rules"
                + " %.2f s (%,.0f rows/s; provider pass %.2f s), write %.2f s (%,d findings)%n", seconds(startNanos),
                readNanos / 1e9, rowsRead / Math.max(1e-9, readNanos / 1e9), groupNanos / 1e9,
                rowsAudited / Math.max(1e-9, groupNanos / 1e9), rulesNanos / 1e9,
                rowsAudited / Math.max(1e-9, rulesNanos / 1e9), providerNanos / 1e9, writeNanos / 1e9, findings);
        err.flush();
    }

    /** Ends an in-place line before other output. */
    synchronized void endLine() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    /** Whether an update is to be shown now: always the last one, else at most one per interval. */
    private boolean due(boolean last) {
        return enabled && (last || System.nanoTime() - lastUpdate >= (terminal ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS));
    }

    /** Shows an update that {@link #due} allowed. */
    private void update(String message) {
        lastUpdate = System.nanoTime();
        String line = String.format(Locale.ROOT, "[%6.1fs] %s", seconds(startNanos), message);
        if (terminal) {
            err.print("\r" + line + "\u001B[K");
            lineOpen = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
