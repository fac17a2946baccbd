package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nmaudit.audit.RulesInBackground;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFile;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleSafety;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.findings.Severity;
import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;
import org.nmaudit.report.ReportWriter;
import org.nmaudit.report.RunRecord;
import org.nmaudit.scrub.ClaimVerdict;
import org.nmaudit.scrub.Recording;
import org.nmaudit.scrub.ScrubBatch;
import org.nmaudit.scrub.ScrubCsv;
import org.nmaudit.scrub.ScrubResult;
import org.nmaudit.scrub.ScrubRules;
import org.nmaudit.scrub.Scrubber;
import org.nmaudit.scrub.StoreHistory;
import org.nmaudit.scrub.Verdict;
import org.nmaudit.scrub.VerdictTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nmaudit scrub BATCH}: new claims judged against the claim history before they are sent
 * (scrubbing.md): a verdict per claim, the findings the audit would raise on them, and, on request, the
 * claims that may go out recorded in the history.
 */
@Command(name = "scrub",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Scrubs a batch of new claims against the claim history with the audit's rules.",
            "Each claim gets a verdict, REJECTED (a line of it failed validation: fix it), HOLD (a finding at or above"
                + " --fail-on), REVIEW (a finding of severity LOW or above) or PASS. Writes scrub.csv, a row"
                + " per claim, with the findings (findings.csv and findings.json), rejects.csv and run.json.",
            "The batch is a folder like an audit's data folder (claims.csv, or 837 files, and optionally new"
                + " documentation files), or one 837 file. Only the batch's patients are read from the history."})
public final class ScrubCommand implements Callable<Integer> {
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Parameters(index = "0", paramLabel = "BATCH",
            description = "Folder with the batch's claims.csv (or 837 files) and any new documentation files, or one 837"
                    + " file.")
    Path batchFolder;

    @Mixin
    HistoryDatabaseOption database;

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "As-of date (yyyy-MM-dd); default: the latest service_date of the history and the batch.")
    LocalDate asOf;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "HIGH",
            description = "A claim with a finding at or above this severity is held: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}).")
    Severity failOn;

    @Option(names = "--record",
            description = "After the verdicts, stores the claims that PASS or need REVIEW, and the batch's"
                    + " documentation rows, in the history (one transaction; HOLD and REJECTED claims never).")
    boolean record;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: reports/scrub-<yyyyMMdd-HHmmss>).")
    Path outputFolder;

    @Mixin
    ScrubRulesOptions rulesOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(err, false);

        ScrubRules.Loaded loaded;
        try {
            loaded = rulesOptions.rules().load();
        } catch (RuleSetupException e) {
            return AuditCommand.RuleProblems.report(err, e, "nothing was scrubbed");
        }
        if (loaded.parameterProblem() != null) {
            err.println("nmaudit: " + loaded.parameterProblem());
            return ExitCode.USAGE;
        }
        RuleFolder folder = loaded.folder();
        ParameterSet parameters = loaded.parameters();
        RuleSelection selection = loaded.selection();
        RulesInBackground compiling = loaded.compile();

        ReferenceData reference;
        ScrubBatch batch;
        try {
            reference = new ReferenceReader(progress).read(rulesOptions.reference());
            batch = ScrubBatch.read(batchFolder, progress);
        } catch (InputException e) {
            return rulesFirst(err, compiling, "nmaudit: " + e.getMessage());
        }
        RuleBase rules;
        try {
            rules = compiling.rules();
        } catch (RuleSetupException e) {
            return AuditCommand.RuleProblems.report(err, e, "nothing was scrubbed");
        }
        List<String> warnings = new ArrayList<>(reference.warnings());
        warnings.addAll(batch.summary().warnings());
        if (folder.unsafeCodeAllowed()) {
            RuleSafety.allowedAnyway(folder.drlFiles()).forEach(p -> warnings.add(p.toString()));
        }
        warnings.forEach(w -> err.println("warning: " + w));

        try (HistoryStore store = database.open()) {
            ScrubResult result;
            try {
                result = new Scrubber(new RuleEngine(rules), parameters, reference).scrub(batch, new StoreHistory(store),
                        asOf, failOn);
            } catch (RuleSetupException e) {
                return AuditCommand.RuleProblems.report(err, e, "nothing was scrubbed");
            }
            int recorded = 0;
            if (record) {
                recorded = Recording.record(new StoreHistory(store), batch, result, "scrub of " + batchFolder).claims();
            }
            int exit = exitCode(batch, result);
            Path outDir = outputFolder != null ? outputFolder
                    : Path.of("reports", "scrub-" + LocalDateTime.now().format(FOLDER_TIME));
            RunRecord run = runRecord(started, folder, parameters, selection, reference, batch, rules, warnings,
                    result, outDir, exit).withDetails(details(store, result, recorded));
            try {
                new ReportWriter(outDir).writeScrub(run, result.findings(), batch.rejects(), ScrubCsv.COLUMNS,
                        rows -> ScrubCsv.print(rows, result.verdicts()));
            } catch (IOException e) {
                err.println("nmaudit: cannot write the output folder " + outDir + " ("
                        + org.nmaudit.input.IoErrors.describe(e) + "); choose another with --out");
                return ExitCode.USAGE;
            }
            summary(out, result, batch, record ? recorded : -1, outDir);
            return exit;
        } catch (HistoryException e) {
            err.println("nmaudit: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    private static int exitCode(ScrubBatch batch, ScrubResult result) {
        if (batch.summary().rowsRejected() > 0) {
            return ExitCode.ROWS_REJECTED;
        }
        return result.anyHeld() ? ExitCode.FINDINGS_AT_OR_ABOVE_FAIL_ON : ExitCode.OK;
    }

    private RunRecord runRecord(Instant started, RuleFolder folder, ParameterSet parameters, RuleSelection selection,
            ReferenceData reference, ScrubBatch batch, RuleBase rules, List<String> warnings, ScrubResult result,
            Path outDir, int exit) {
        Map<String, String> ruleFiles = new LinkedHashMap<>();
        for (RuleFile f : folder.drlFiles()) {
            ruleFiles.put(f.displayPath(), f.sha256());
        }
        ruleFiles.put(folder.parametersFile().displayPath(), folder.parametersFile().sha256());
        long lines = result.verdicts().stream().mapToLong(v -> v.claim().lines().size()).sum();
        return new RunRecord(VersionProvider.version(), started, Instant.now(), result.asOf(), result.asOfSource(), null,
                lines, batchFolder.toString(), outDir.toString(), folder.displayPath(), false, failOn,
                parameters.values(), batch.summary().files(), reference.folder(), reference.files(), ruleFiles,
                rules.rules(), selection, result.findings().countByRule(), result.findings().countBySeverity(), warnings,
                exit);
    }

    private Map<String, Object> details(HistoryStore store, ScrubResult result, int recorded) {
        Map<String, Object> scrub = new LinkedHashMap<>();
        scrub.put("history", store.location().toString());
        scrub.put("claims", result.verdicts().size());
        Map<String, Object> verdicts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            verdicts.put(v.name(), result.count(v));
        }
        scrub.put("verdicts", verdicts);
        scrub.put("recorded", record ? Integer.valueOf(recorded) : null);
        return Map.of("scrub", scrub);
    }

    /** @param recorded claims recorded, or -1 without --record */
    private static void summary(PrintWriter out, ScrubResult result, ScrubBatch batch, int recorded, Path outDir) {
        out.printf(Locale.ROOT, "nmaudit scrub: %d claim(s), as of %s (%s)%n", result.verdicts().size(), result.asOf(),
                result.asOfSource());
        VerdictTable.print(out, result.verdicts());
        StringBuilder counts = new StringBuilder();
        for (Verdict v : Verdict.values()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(v.name()).append(' ').append(result.count(v));
        }
        out.println("Verdicts: " + counts);
        if (batch.summary().rowsRejected() > 0) {
            out.printf(Locale.ROOT, "Rows rejected: %,d (see rejects.csv)%n", batch.summary().rowsRejected());
        }
        if (recorded >= 0) {
            out.printf(Locale.ROOT, "Recorded in the history: %d claim(s) (PASS and REVIEW) and %d documentation"
                    + " row(s)%n", recorded, batch.documentation().size());
        }
        out.println("Output folder: " + outDir);
        out.flush();
    }

    private static int rulesFirst(PrintWriter err, RulesInBackground compiling, String inputProblem) {
        try {
            compiling.rules();
        } catch (RuleSetupException e) {
            return AuditCommand.RuleProblems.report(err, e, "nothing was scrubbed");
        }
        err.println(inputProblem);
        return ExitCode.USAGE;
    }
}
