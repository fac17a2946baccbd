package org.nmaudit.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nmaudit.input.EchoedText;
import org.nmaudit.input.IoErrors;
import org.nmaudit.report.DiffCsv;
import org.nmaudit.report.DiffSummary;
import org.nmaudit.report.FindingDiff;
import org.nmaudit.report.ReportException;
import org.nmaudit.report.ReportFolder;
import org.nmaudit.report.ReportedFinding;
import org.nmaudit.report.ReportedRun;
import org.nmaudit.report.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nmaudit diff OLD_REPORT NEW_REPORT}: what a change of rules or parameters did to the findings. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Compares the findings of two reports by finding_id: each is new (only in NEW_REPORT), absent"
                + " (only in OLD_REPORT), updated (other severity or message) or unchanged. Prints how the runs"
                + " differ (rules folder, rule files, parameters; a warning when the as-of date, data folder or"
                + " input files differ), the counts per rule and status and the first changed findings, and writes"
                + " every finding with its status to diff.csv.")
public final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD_REPORT", description = "The report folder of the earlier audit.")
    Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW_REPORT", description = "The report folder of the later audit.")
    Path newReport;

    // Text, not a Path: a Path drops the trailing slash that says "a folder".
    @Option(names = "--out", paramLabel = "FILE|DIR/",
            description = "Where to write diff.csv (default: NEW_REPORT/diff.csv). A folder, one that exists or any"
                    + " path ending in /, which is created, gets FOLDER/diff.csv.")
    String outFile;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Changed findings listed on the console, with their messages (default: ${DEFAULT-VALUE});"
                    + " diff.csv has them all.")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Findings carry input text (claim ids, notes): shown with control characters escaped.
        PrintWriter out = EchoedText.terminal(spec.commandLine().getOut());
        PrintWriter err = EchoedText.terminal(spec.commandLine().getErr());
        if (limit < 0) {
            err.println("nmaudit diff: --limit must be 0 or more, got " + limit);
            return ExitCode.USAGE;
        }
        List<ReportedFinding> oldFindings;
        List<ReportedFinding> newFindings;
        ReportedRun oldRun;
        ReportedRun newRun;
        try {
            ReportFolder older = ReportFolder.open(oldReport);
            ReportFolder newer = ReportFolder.open(newReport);
            oldRun = older.run();
            oldFindings = older.findings();
            newRun = newer.run();
            newFindings = newer.findings();
        } catch (ReportException e) {
            err.println("nmaudit diff: " + e.getMessage());
            return ExitCode.USAGE;
        }
        FindingDiff diff = FindingDiff.of(oldFindings, newFindings);
        RunComparison runs = RunComparison.of(oldRun, newRun);

        Path csv;
        try {
            csv = diffCsvPath();
        } catch (InvalidPathException e) {
            err.println("nmaudit diff: --out " + EchoedText.of(outFile) + " is not a usable file name: " + e.getReason());
            return ExitCode.USAGE;
        }
        try {
            DiffCsv.write(csv, diff);
        } catch (IOException e) {
            err.println("nmaudit diff: cannot write " + csv + ": " + IoErrors.describe(e) + "; choose another file"
                    + " with --out");
            return ExitCode.USAGE;
        }
        if (!runs.dataWarnings().isEmpty()) {
            runs.dataWarnings().forEach(w -> err.println("warning: " + w));
            err.println("warning: a diff of different data is usually a mistake: findings may change because the data"
                    + " did, not the rules; compare two audits of the same data folder and as-of date");
            err.flush();
        }
        new DiffSummary(out).print(oldReport, oldRun, newReport, newRun, runs, diff, limit, csv);
        return ExitCode.OK;
    }

    /** diff.csv in NEW_REPORT, or --out: a file, or a folder (existing, or named with a trailing slash). */
    private Path diffCsvPath() {
        if (outFile == null) {
            return newReport.resolve(DiffCsv.FILE_NAME);
        }
        Path out = Path.of(outFile);
        boolean folder = outFile.endsWith("/") || outFile.endsWith(File.separator) || Files.isDirectory(out);
        return folder ? out.resolve(DiffCsv.FILE_NAME) : out;
    }
}
