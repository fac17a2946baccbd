package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nmaudit.audit.AbsentDocumentation;
import org.nmaudit.audit.AuditPeriod;
import org.nmaudit.audit.RatioLookback;
import org.nmaudit.audit.PartitionedInput;
import org.nmaudit.audit.RulesInBackground;
import org.nmaudit.audit.ScratchFolder;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.PartitionedAudit;
import org.nmaudit.engine.ProviderPassResult;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFile;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleProblem;
import org.nmaudit.engine.RuleSafety;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.engine.SharedFacts;
import org.nmaudit.findings.FindingSorter;
import org.nmaudit.findings.Findings;
import org.nmaudit.findings.FindingsInPeriod;
import org.nmaudit.findings.Severity;
import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.history.StoreLocation;
import org.nmaudit.input.DataSetSummary;
import org.nmaudit.input.InputException;
import org.nmaudit.input.IoErrors;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;
import org.nmaudit.input.RejectReasons;
import org.nmaudit.report.ConsoleSummary;
import org.nmaudit.report.ReportWriter;
import org.nmaudit.report.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nmaudit audit DATA_DIR}: the monthly compliance audit of one data folder. The rows are read and
 * validated into patient partitions (in memory, or on disk for a data set too large for the heap) while the
 * rules compile; then the patient pass runs every
 * partition on a pool of workers and the provider pass runs what it carried; the findings are merged
 * into report order as they are written.
 */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        // Lines cut by hand: picocli would break a line inside a file name, after its dot (HelpTextTest).
        description = {"Audits a data folder (claims.csv and the documentation files) with the DRL rules of a"
                + " rules folder.", "Writes findings.csv, findings.json, provider-ratios.csv, rejects.csv, run.json."})
public final class AuditCommand implements Callable<Integer> {
    /** Above this much input the run reports its phases and progress on stderr. */
    private static final long PROGRESS_ABOVE_BYTES = 16L << 20;
    /** Findings held in memory before they are sorted into a run file. */
    private static final int FINDINGS_IN_MEMORY = 50_000;

    @Parameters(index = "0", paramLabel = "DATA_DIR", arity = "0..1",
            description = "Folder with claims.csv (and/or X12 .837 and .835 files)%nand any of the files"
                    + " trial-outcomes.csv,%nrepeat-trial-justifications.csv, programming-sessions.csv,%n"
                    + "psych-evaluations.csv; or one X12 file.")
    Path dataFolder;

    @Option(names = "--db", paramLabel = "URL", arity = "0..1", fallbackValue = "",
            description = "Audits the claim history instead of a data folder: --db alone for the embedded store"
                    + " (nmaudit-history/ under the working folder), or a JDBC URL (jdbc:postgresql://HOST/DB,"
                    + " jdbc:h2:file:PATH); user and password from NMAUDIT_DB_USER and NMAUDIT_DB_PASSWORD.")
    String historyUrl;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder: every *.drl in it and its%nparameters.properties (default: rules/ in the"
                    + " working directory if there is one, else the installation's).")
    Path rulesFolder;

    @Option(names = "--reference", paramLabel = "DIR",
            description = "Reference folder: fee-schedule.csv (expected payments, for NM-UNDERPAID) and codes.csv"
                    + " (default: data/reference/ in the working directory if there is one, else the installation's)."
                    + " Point it at a copy holding your contracted rates.")
    Path referenceFolder;

    @Option(names = "--only", paramLabel = "ID[,ID...]", split = ",",
            description = "Runs only these finding rules (their @id, e.g. NM-PROG-FREQ,NM-RATIO); repeatable."
                    + " The derived facts are always worked out.")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID[,ID...]", split = ",",
            description = "Does not run these finding rules, e.g. --disable NM-PSYCH-EVAL for a practice that does"
                    + " not track psychological evaluations; repeatable. run.json records the selection.")
    List<String> disabledRules = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Overrides one parameter of parameters.properties for this run; repeatable.")
    List<String> parameterOverrides = new ArrayList<>();

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "Audits a month (yyyy-MM, e.g. 2025-11) or a range of months (yyyy-MM..yyyy-MM, e.g."
                    + " 2025-10..2025-12) of data that holds the whole history: lines after the period are left"
                    + " out, earlier lines are history, and only findings on lines in the period (and provider"
                    + " findings) are reported. The as-of date is the period's last day; the default output folder"
                    + " reports/PERIOD.")
    String periodText;

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "As-of date (yyyy-MM-dd) for pending vs failed trials; default: the latest service_date"
                    + " among loaded claim lines, or the last day of --period (an earlier date is refused).")
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: reports/<as-of yyyy-MM>). An earlier report there is replaced as"
                    + " a whole, once the new one is complete; other files there are kept.")
    Path outputFolder;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 4 when a finding is at or above this severity: ${COMPLETION-CANDIDATES}"
                    + " (default: off).")
    Severity failOn;

    @Option(names = "--previous", paramLabel = "REPORT_DIR", converter = PreviousReportConverter.class,
            description = "Last month's report folder: report.html then shows which findings are new and which are"
                    + " no longer found since then (matched by finding_id, as nmaudit diff does).")
    Path previousReport;

    @Option(names = "--strict",
            description = "Any rejected input row fails the run (exit 2), with nothing written but rejects.csv.")
    boolean strict;

    @Option(names = "--threads", paramLabel = "N",
            description = "Workers for the patient pass (default: every core, here ${DEFAULT-VALUE}). The findings"
                    + " do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--tmp", paramLabel = "DIR",
            description = "Folder for the run's temporary files (patient partitions of an input too large to hold in"
                    + " memory, about the size of the input; removed when the run ends). Default: the output"
                    + " folder's parent.")
    Path tmpFolder;

    @Mixin
    UnsafeRulesOption unsafeRules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            err.println("nmaudit: --threads must be 1 or more (it is " + threads + ")");
            return ExitCode.USAGE;
        }
        AuditPeriod period = null;
        if (periodText != null) {
            try {
                period = AuditPeriod.parse(periodText);
            } catch (AuditPeriod.InvalidPeriod e) {
                err.println("nmaudit: " + e.getMessage());
                return ExitCode.USAGE;
            }
            if (asOf != null && asOf.isBefore(period.end())) {
                err.println("nmaudit: --as-of " + asOf + " is before the end of --period " + periodText + " ("
                        + period.end() + "); a period is judged with everything known up to its end");
                return ExitCode.USAGE;
            }
        }
        if ((dataFolder == null) == (historyUrl == null)) {
            err.println("nmaudit: name a data folder (DATA_DIR) or the claim history (--db [URL]), "
                    + (dataFolder == null ? "not neither" : "not both"));
            return ExitCode.USAGE;
        }
        if (outputFolder != null && dataFolder != null && sameFolder(outputFolder, dataFolder)) {
            err.println("nmaudit: --out " + outputFolder + " is the data folder itself: the report's CSV files would"
                    + " be read as input by the next audit; choose another output folder");
            return ExitCode.USAGE;
        }
        ConsoleProgress progress = new ConsoleProgress(err,
                dataFolder == null || inputBytes(dataFolder) > PROGRESS_ABOVE_BYTES);

        RuleFolder folder;
        ParameterSet parameters;
        RuleSelection selection = RuleSelection.of(onlyRules, disabledRules);
        try {
            folder = RuleFolder.load(DefaultFolders.rules(rulesFolder)).withUnsafeCodeAllowed(unsafeRules.allowed);
            parameters = folder.parameters().withOverrides(parameterOverrides);
        } catch (RuleSetupException e) {
            return RuleProblems.report(err, e);
        }
        String badParameter = RatioLookback.problem(parameters);
        if (badParameter != null) {
            err.println("nmaudit: " + badParameter);
            return ExitCode.USAGE;
        }
        // Compiling the rules takes a second or two: it runs while the data is read.
        RulesInBackground compiling = RulesInBackground.compile(folder, selection);

        ReferenceData reference;
        try {
            reference = new ReferenceReader(progress).read(DefaultFolders.reference(referenceFolder));
        } catch (InputException e) {
            return rulesFirst(err, compiling, "nmaudit: " + e.getMessage());
        }

        Path scratchParent = tmpFolder != null ? tmpFolder
                : (outputFolder != null ? absolute(outputFolder).getParent() : Path.of("reports"));
        try (ScratchFolder scratch = ScratchFolder.createIn(scratchParent)) {
            progress.step("reading " + source());
            PartitionedInput.Result input;
            try {
                input = dataFolder != null ? PartitionedInput.read(dataFolder, scratch, progress, LocalDate.now(), period)
                        : readHistory(scratch, period);
            } catch (InputException e) {
                return rulesFirst(err, compiling, "nmaudit: " + e.getMessage());
            } catch (HistoryException e) {
                return rulesFirst(err, compiling, "nmaudit: " + e.getMessage());
            }
            try (var partitions = input.partitions(); var rejects = input.rejects()) {
                return audit(started, out, err, progress, folder, parameters, selection, compiling, reference, input,
                        scratch, period);
            }
        } catch (IOException | UncheckedIOException e) {
            String why = e instanceof UncheckedIOException u ? u.getCause().toString() : e.toString();
            if (tmpFolder != null) {
                err.println("nmaudit: cannot write temporary files under --tmp " + tmpFolder + " (" + why
                        + "); choose another folder");
            } else {
                err.println("nmaudit: cannot write the output folder " + (outputFolder != null ? outputFolder
                        : scratchParent) + " or temporary files beside it (" + why + "); choose another with --out,"
                        + " or put the temporary files elsewhere with --tmp");
            }
            return ExitCode.USAGE;
        }
    }

    private int audit(Instant started, PrintWriter out, PrintWriter err, ConsoleProgress progress, RuleFolder folder,
            ParameterSet parameters, RuleSelection selection, RulesInBackground compiling, ReferenceData reference,
            PartitionedInput.Result input, ScratchFolder scratch, AuditPeriod period) throws IOException {
        DataSetSummary data = input.summary();
        List<String> warnings = new ArrayList<>(reference.warnings());
        warnings.addAll(data.warnings());
        if (input.futureDates().warning() != null) {
            warnings.add(input.futureDates().warning());
        }
        if (unsafeRules.allowed) {
            RuleSafety.allowedAnyway(folder.drlFiles()).forEach(p -> warnings.add(p.toString()));
        }

        if (data.claimLinesLoaded() == 0) {
            try {
                compiling.rules();
            } catch (RuleSetupException e) {
                return RuleProblems.report(err, e);
            }
            warnings.forEach(w -> err.println("warning: " + w));
            Path outDir = outputFolder != null ? outputFolder
                    : Path.of("reports", period != null ? period.text() : YearMonth.now().toString());
            new ReportWriter(outDir).writeRejectsOnly(input.rejects());
            err.println("nmaudit: " + RejectReasons.nothingLoaded(data, input.rejects()) + "; nothing was audited (see "
                    + outDir.resolve(ReportWriter.REJECTS_CSV) + ")");
            return ExitCode.USAGE;
        }

        LocalDate asOfDate = asOf != null ? asOf : period != null ? period.end() : data.latestServiceDate().orElseThrow();
        String asOfSource = asOf != null ? "--as-of" : period != null ? "end of the period" : "latest service_date";
        Path outDir = outputFolder != null ? outputFolder
                : Path.of("reports", period != null ? period.text() : YearMonth.from(asOfDate).toString());
        ReportWriter writer = new ReportWriter(outDir).withPrevious(previousReport).withTemporaryFolder(scratch.path());

        RuleBase rules;
        try {
            rules = compiling.rules();
        } catch (RuleSetupException e) {
            return RuleProblems.report(err, e);
        }
        warnings.addAll(AbsentDocumentation.warnings(data, rules, selection));
        progress.endLine();
        warnings.forEach(w -> err.println("warning: " + w));

        if (strict && data.rowsRejected() > 0) {
            writer.writeRejectsOnly(input.rejects());
            err.printf("nmaudit: --strict: %,d input row(s) rejected; see %s%n", data.rowsRejected(),
                    outDir.resolve(ReportWriter.REJECTS_CSV));
            return ExitCode.USAGE;
        }

        ProviderPassResult providers;
        Findings findings;
        try (FindingSorter sorter = new FindingSorter(scratch.resolve("findings"), FINDINGS_IN_MEMORY)) {
            progress.step(String.format("rules: %d rules (%s) on %,d rows of %,d partition(s) %s, %d worker(s)",
                    rules.rules().size(), rules.fromCache() ? "compiled by an earlier run, from the cache" : "compiled",
                    input.partitions().factCount(), input.partitions().count(),
                    input.partitions().inMemory() ? "in memory" : "on disk", threads));
            long rulesStart = System.nanoTime();
            PartitionedAudit passes = new PartitionedAudit(RuleEngine.pooled(rules), threads, progress);
            try {
                providers = passes.run(SharedFacts.of(parameters, asOfDate, reference.facts()), input.partitions(),
                        sorter);
            } catch (RuleSetupException e) {
                progress.endLine();
                return RuleProblems.report(err, e);
            }
            long rulesNanos = System.nanoTime() - rulesStart;
            findings = sorter.finish();
            if (period != null) {
                findings = new FindingsInPeriod(findings, period.start(), period.end());
            }
            progress.step("writing " + outDir);
            int exit = exitCode(data, findings);
            RunRecord run = new RunRecord(VersionProvider.version(), started, Instant.now(), asOfDate, asOfSource,
                    period, input.claimLinesAudited(), source(), outDir.toString(), folder.displayPath(), strict, failOn,
                    parameters.values(), data.files(), reference.folder(), reference.files(), ruleFiles(folder),
                    rules.rules(), selection, findings.countByRule(), findings.countBySeverity(), warnings, exit);
            long writeStart = System.nanoTime();
            try {
                writer.writeAll(run, findings, providers.ratios(), input.rejects());
            } catch (IOException e) {
                return unwritable(err, outDir, e);
            }
            progress.timings(input.readNanos(), input.summary().rowsLoaded() + input.summary().rowsRejected(),
                    passes.groupNanos(), rulesNanos, passes.providerNanos(), input.partitions().factCount(),
                    System.nanoTime() - writeStart, findings.size());
            progress.endLine();
            new ConsoleSummary(out).print(run, findings, providers.ratios().size());
            if (exit == ExitCode.ROWS_REJECTED) {
                err.printf("%,d input row(s) rejected; see %s%n", data.rowsRejected(),
                        outDir.resolve(ReportWriter.REJECTS_CSV));
            }
            return exit;
        }
    }

    /** What the audit reads, as run.json and the console name it. */
    private String source() {
        return dataFolder != null ? dataFolder.toString()
                : "claim history " + (historyUrl.isEmpty() ? StoreLocation.DEFAULT_FOLDER + "/" : historyUrl);
    }

    private PartitionedInput.Result readHistory(ScratchFolder scratch, AuditPeriod period)
            throws HistoryException, IOException {
        try (HistoryStore store = HistoryStore.open(historyUrl.isEmpty() ? null : historyUrl)) {
            return PartitionedInput.readStore(store, scratch, LocalDate.now(), period);
        }
    }

    /**
     * A run stopped by bad input when the rules do not compile either: the rules' problems are reported, as
     * they were when the rules compiled first.
     */
    private static int rulesFirst(PrintWriter err, RulesInBackground compiling, String inputProblem) {
        try {
            compiling.rules();
        } catch (RuleSetupException e) {
            return RuleProblems.report(err, e);
        }
        err.println(inputProblem);
        return ExitCode.USAGE;
    }

    private static int unwritable(PrintWriter err, Path outDir, IOException e) {
        err.println("nmaudit: cannot write the output folder " + outDir + ": " + IoErrors.describe(e) + "; choose another"
                + " with --out");
        return ExitCode.USAGE;
    }

    private int exitCode(DataSetSummary data, Findings findings) {
        if (data.rowsRejected() > 0) {
            return ExitCode.ROWS_REJECTED;
        }
        if (failOn != null && findings.anyAtLeast(failOn)) {
            return ExitCode.FINDINGS_AT_OR_ABOVE_FAIL_ON;
        }
        return ExitCode.OK;
    }

    private static Map<String, String> ruleFiles(RuleFolder folder) {
        Map<String, String> files = new LinkedHashMap<>();
        for (RuleFile f : folder.drlFiles()) {
            files.put(f.displayPath(), f.sha256());
        }
        files.put(folder.parametersFile().displayPath(), folder.parametersFile().sha256());
        return files;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to comparing the names
        }
        return absolute(a).equals(absolute(b));
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private static long inputBytes(Path folder) {
        try {
            Path claims = folder.resolve("claims.csv");
            return Files.isRegularFile(claims) ? Files.size(claims) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Prints every located problem, one per line, and gives the exit code for them. */
    static final class RuleProblems {
        private RuleProblems() {
        }

        static int report(PrintWriter err, RuleSetupException e) {
            return report(err, e, "nothing was audited");
        }

        static int report(PrintWriter err, RuleSetupException e, String consequence) {
            for (RuleProblem p : e.problems()) {
                err.println(p);
            }
            err.printf("nmaudit: %s; %s%n", e.summary(), consequence);
            return ExitCode.USAGE;
        }
    }
}
