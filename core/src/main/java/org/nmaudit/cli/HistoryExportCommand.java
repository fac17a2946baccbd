package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nmaudit.history.ExportSummary;
import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmaudit history export --out DIR}: the stored rows as a data set. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Writes the stored rows back as a data set (claims.csv and the four documentation files of"
                + " docs/input-format.md), in the order they were stored. Importing it into an empty history and"
                + " exporting again gives the same files.")
public final class HistoryExportCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write the five files into (created if needed; these files in it are replaced).")
    Path outputFolder;

    @Mixin
    HistoryDatabaseOption database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (HistoryStore store = database.open()) {
            ExportSummary summary;
            try {
                summary = store.export(outputFolder);
            } catch (IOException e) {
                err.println("nmaudit: cannot write the data set to " + outputFolder + " (" + e + "); choose another"
                        + " folder with --out");
                return ExitCode.USAGE;
            }
            out.printf(Locale.ROOT, "nmaudit %s history export of %s to %s%n", VersionProvider.version(),
                    store.location(), outputFolder);
            for (Map.Entry<String, Long> file : summary.rowsPerFile().entrySet()) {
                out.printf(Locale.ROOT, "  %-32s %,12d rows%n", file.getKey(), file.getValue());
            }
            out.flush();
            return ExitCode.OK;
        } catch (HistoryException e) {
            err.println("nmaudit: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }
}
