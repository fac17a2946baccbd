package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nmaudit.input.ClaimLineValidator;
import org.nmaudit.input.FileSummary;
import org.nmaudit.input.InputException;
import org.nmaudit.input.x12.ClaimsCsvWriter;
import org.nmaudit.input.x12.X12DataFiles;
import org.nmaudit.input.x12.X12Reading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nmaudit x12 to-csv FILES... --out DIR}: the claim lines an audit would read from X12 files,
 * written as claims.csv, with rejects.csv saying why each other line is not loaded. Converts, does not audit.
 */
@Command(name = "to-csv",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Converts X12 837P/837I claims into the claims.csv an audit reads (the columns of docs/input-format.md),"
                + " with paid_amount from the 835 remittances given, and writes rejects.csv: every line that cannot"
                + " be loaded, with file, segment, column, value and reason. Replacement (CLM05-3 = 7) and void"
                + " (8) claims apply in the order of the files' interchange date and time (ISA09, ISA10). Does"
                + " not audit.")
public final class X12ToCsvCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "837P, 837I and 835 files; a folder stands for its files named *.837, *.835, *.x12 or"
                    + " *.edi and those starting with ISA.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write claims.csv and rejects.csv into (created if missing).")
    Path out;

    @Option(names = "--force",
            description = "Replace claims.csv and rejects.csv that already exist in --out.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        try {
            for (Path p : inputs) {
                if (Files.isDirectory(p)) {
                    files.addAll(X12DataFiles.find(p));
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                } else {
                    err.println("nmaudit x12 to-csv: " + p + " does not exist or is not a file");
                    return ExitCode.USAGE;
                }
            }
        } catch (InputException e) {
            err.println("nmaudit x12 to-csv: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (files.isEmpty()) {
            err.println("nmaudit x12 to-csv: no X12 file among " + inputs);
            return ExitCode.USAGE;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println("nmaudit x12 to-csv: --out " + out + " exists and is not a folder");
            return ExitCode.USAGE;
        }
        if (!force && (Files.exists(out.resolve(ClaimsCsvWriter.CLAIMS_CSV))
                || Files.exists(out.resolve(ClaimsCsvWriter.REJECTS_CSV)))) {
            err.println("nmaudit x12 to-csv: " + out + " already holds claims.csv or rejects.csv; nothing was"
                    + " written. Use --force to replace them, or choose another --out.");
            return ExitCode.USAGE;
        }
        X12Reading reading;
        long lines;
        long rejectRows;
        try (ClaimsCsvWriter writer = new ClaimsCsvWriter(out)) {
            reading = new X12DataFiles(new ConsoleProgress(err, files.stream().mapToLong(X12ToCsvCommand::size).sum() > (16L << 20))).read(files, new ClaimLineValidator(), writer::line,
                    writer::reject);
            writer.commit();
            lines = writer.lines();
            rejectRows = writer.rejects();
        } catch (InputException e) {
            err.println("nmaudit x12 to-csv: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException | UncheckedIOException e) {
            err.println("nmaudit x12 to-csv: cannot write " + out + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        reading.warnings().forEach(w -> err.println("warning: " + w));
        print(stdout, reading, lines);
        long rejected = reading.rowsRejected();
        if (rejected > 0) {
            err.printf(Locale.ROOT, "%,d line(s) rejected (%,d problem(s)); see %s%n", rejected, rejectRows,
                    out.resolve(ClaimsCsvWriter.REJECTS_CSV));
            return ExitCode.ROWS_REJECTED;
        }
        return ExitCode.OK;
    }

    private void print(PrintWriter stdout, X12Reading reading, long lines) {
        stdout.printf(Locale.ROOT, "%-36s %-9s %10s %10s %10s  %s%n", "X12 file", "set", "read", "loaded", "rejected",
                "");
        for (FileSummary f : reading.files()) {
            FileSummary.X12Counts x = f.x12();
            String more = x.remittance()
                    ? String.format(Locale.ROOT, "%,d matched, %,d unmatched", x.linesMatched(), x.linesUnmatched())
                    : String.format(Locale.ROOT, "%,d replaced, %,d voided", x.replaced(), x.voided());
            stdout.printf(Locale.ROOT, "  %-34s %-9s %,10d %,10d %,10d  %s%n", f.fileName(), x.transactions(),
                    f.rowsRead(), f.rowsLoaded(), f.rowsRejected(), more);
        }
        stdout.printf(Locale.ROOT, "Wrote %,d claim line(s) to %s and the rejects to %s%n", lines,
                out.resolve(ClaimsCsvWriter.CLAIMS_CSV), out.resolve(ClaimsCsvWriter.REJECTS_CSV));
        stdout.flush();
    }

    private static long size(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
