package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryImport;
import org.nmaudit.history.Credentials;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.history.StagedImport;
import org.nmaudit.history.StoreCounts;
import org.nmaudit.history.StoredBatch;
import org.nmaudit.history.UncheckedHistoryException;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.DataSetSummary;
import org.nmaudit.input.FileSummary;
import org.nmaudit.input.InputException;
import org.nmaudit.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nmaudit history import DATA_DIR}: validates a data folder as an audit does and stores its rows. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Validates a data folder exactly as an audit does (rejected rows go to rejects.csv) and stores"
                + " the loaded rows in the history, all in one transaction: a claim_id already stored is replaced"
                + " as a whole by the imported claim; a documentation row identical to a stored one is not added"
                + " again.")
public final class HistoryImportCommand implements Callable<Integer> {
    /** Above this many rows the import says on stderr when it is storing them (a commit takes a while). */
    private static final int PHASES_SHOWN_ABOVE = 200_000;
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Parameters(index = "0", paramLabel = "DATA_DIR",
            description = "Folder with claims.csv (and/or X12 .837 and .835 files) and any of trial-outcomes.csv,"
                    + " repeat-trial-justifications.csv, programming-sessions.csv, psych-evaluations.csv; or one X12"
                    + " file.")
    Path dataFolder;

    @Mixin
    HistoryDatabaseOption database;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for rejects.csv (default: reports/history-import-<yyyyMMdd-HHmmss>).")
    Path outputFolder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(err);
        Path outDir = outputFolder != null ? outputFolder
                : Path.of("reports", "history-import-" + LocalDateTime.now().format(FOLDER_TIME));
        try (HistoryStore store = database.open(); StagedImport staged = StagedImport.of(store, Credentials.fromEnvironment())) {
            DataSetSummary read;
            StoredBatch batch;
            long rejectedRows;
            boolean showSteps;
            try (HistoryImport sink = staged.beginImport(dataFolder.toAbsolutePath().normalize().toString())) {
                try {
                    read = new DataSetReader(progress).read(dataFolder, sink);
                } catch (InputException e) {
                    err.println("nmaudit: " + e.getMessage() + "; nothing was stored");
                    return ExitCode.USAGE;
                }
                read.warnings().forEach(w -> err.println("warning: " + w));
                try {
                    new ReportWriter(outDir).writeRejectsOnly(sink.rejects());
                } catch (IOException e) {
                    err.println("nmaudit: cannot write the output folder " + outDir + " (" + e + "); nothing was"
                            + " stored; choose another with --out");
                    return ExitCode.USAGE;
                }
                // After the last row the database still works for a while (1M lines into H2: count 1 s, close
                // and compact 4 s): each step is said, so a long import never looks stuck.
                showSteps = read.rowsLoaded() > PHASES_SHOWN_ABOVE;
                if (showSteps) {
                    progress.step(String.format(Locale.ROOT, "%,d rows read; storing them", read.rowsLoaded()));
                }
                batch = sink.commit();
                rejectedRows = read.rowsRejected();
            }
            if (showSteps) {
                progress.step("stored; counting what the history holds");
            }
            // Counted where the import was committed, before it is put in place: the same rows, still in the
            // database's cache, without opening the store a second time.
            StoreCounts counts = staged.store().counts();
            if (showSteps && staged.writesACopy()) {
                progress.step("compacting the database file and putting it in place");
            }
            staged.publish();
            print(out, store, read, batch, counts, outDir);
            if (rejectedRows > 0) {
                err.printf(Locale.ROOT, "%,d input row(s) rejected and not stored; see %s%n", rejectedRows,
                        outDir.resolve(ReportWriter.REJECTS_CSV));
                return ExitCode.ROWS_REJECTED;
            }
            return ExitCode.OK;
        } catch (HistoryException | UncheckedHistoryException e) {
            err.println("nmaudit: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    private void print(PrintWriter out, HistoryStore store, DataSetSummary read, StoredBatch batch, StoreCounts counts,
            Path outDir) {
        out.printf(Locale.ROOT, "nmaudit %s history import of %s into %s%n", VersionProvider.version(), dataFolder,
                store.location());
        out.printf(Locale.ROOT, "%-34s %12s %12s %12s%n", "Input file", "read", "loaded", "rejected");
        for (FileSummary f : read.files()) {
            if (f.present()) {
                out.printf(Locale.ROOT, "  %-32s %,12d %,12d %,12d%n", f.fileName(), f.rowsRead(), f.rowsLoaded(),
                        f.rowsRejected());
            } else {
                out.printf(Locale.ROOT, "  %-32s %12s%n", f.fileName(), "(absent)");
            }
        }
        out.printf(Locale.ROOT, "Stored as batch %d: %,d claims (%,d replaced a stored claim of the same claim_id),"
                + " %,d claim lines, %,d documentation rows (%,d more were identical to stored rows)%n",
                batch.batchId(), batch.claimsStored(), batch.claimsReplaced(), batch.claimLinesStored(),
                batch.documentationRowsAdded(), batch.documentationRowsAlreadyStored());
        out.printf(Locale.ROOT, "The history holds %,d claims, %,d claim lines and %,d documentation rows%n",
                counts.claims(), counts.claimLines(), counts.documentationRows());
        out.printf(Locale.ROOT, "Rejects: %s%n", outDir.resolve(ReportWriter.REJECTS_CSV));
        out.flush();
    }
}
