package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nmaudit.engine.EngineResult;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFile;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleProblem;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.findings.FindingSet;
import org.nmaudit.findings.Severity;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.InputException;
import org.nmaudit.input.IoErrors;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;
import org.nmaudit.report.ConsoleSummary;
import org.nmaudit.report.ReportWriter;
import org.nmaudit.report.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nmaudit audit DATA_DIR}: the monthly compliance audit of one data folder. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        // Lines cut by hand: picocli would break a line inside a file name, after its dot (HelpTextTest).
        description = {"Audits a data folder (claims.csv and the documentation files) with the DRL rules of a"
                + " rules folder.", "Writes findings.csv, findings.json, provider-ratios.csv, rejects.csv, run.json."})
public final class AuditCommand implements Callable<Integer> {
    /** Above this many facts the run reports each phase on stderr. */
    private static final int PHASES_SHOWN_ABOVE = 200_000;

    @Parameters(index = "0", paramLabel = "DATA_DIR",
            description = "Folder with claims.csv and any of the files%ntrial-outcomes.csv,"
                    + " repeat-trial-justifications.csv,%nprogramming-sessions.csv, psych-evaluations.csv.")
    Path dataFolder;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules folder: every *.drl in it and its%nparameters.properties (default: ${DEFAULT-VALUE}).")
    Path rulesFolder;

    @Option(names = "--reference", paramLabel = "DIR", defaultValue = "data/reference",
            description = "Reference folder: fee-schedule.csv (expected payments, for NM-UNDERPAID) and codes.csv"
                    + " (default: ${DEFAULT-VALUE}). Point it at a copy holding your contracted rates.")
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

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "As-of date (yyyy-MM-dd) for pending vs failed trials; default: the latest service_date"
                    + " among loaded claim lines.")
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: reports/<as-of yyyy-MM>). Files of an earlier run there are"
                    + " replaced.")
    Path outputFolder;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 4 when a finding is at or above this severity: ${COMPLETION-CANDIDATES}"
                    + " (default: off).")
    Severity failOn;

    @Option(names = "--strict",
            description = "Any rejected input row fails the run (exit 2), with nothing written but rejects.csv.")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(err);

        RuleFolder folder;
        ParameterSet parameters;
        RuleBase rules;
        RuleSelection selection = RuleSelection.of(onlyRules, disabledRules);
        try {
            folder = RuleFolder.load(rulesFolder);
            parameters = folder.parameters().withOverrides(parameterOverrides);
            rules = RuleCompiler.compile(folder);
            selection.check(rules);
            rules = RuleCompiler.compile(folder, selection);
        } catch (RuleSetupException e) {
            return RuleProblems.report(err, e);
        }

        ReferenceData reference;
        try {
            reference = new ReferenceReader(progress).read(referenceFolder);
        } catch (InputException e) {
            err.println("nmaudit: " + e.getMessage());
            return ExitCode.USAGE;
        }

        DataSet data;
        try {
            data = new DataSetReader(progress).read(dataFolder);
        } catch (InputException e) {
            err.println("nmaudit: " + e.getMessage());
            return ExitCode.USAGE;
        }
        List<String> warnings = new ArrayList<>(reference.warnings());
        warnings.addAll(data.warnings());

        LocalDate asOfDate = asOf;
        String asOfSource = "--as-of";
        if (asOfDate == null) {
            asOfDate = data.latestServiceDate().orElse(null);
            asOfSource = "latest service_date";
        }
        if (asOfDate == null) {
            asOfDate = LocalDate.now();
            asOfSource = "run date (no claim line was loaded)";
            warnings.add("no claim line was loaded, so the as-of date is the run date " + asOfDate);
        }
        warnings.forEach(w -> err.println("warning: " + w));
        Path outDir = outputFolder != null ? outputFolder : Path.of("reports", YearMonth.from(asOfDate).toString());
        ReportWriter writer = new ReportWriter(outDir);

        if (strict && data.rowsRejected() > 0) {
            try {
                writer.writeRejectsOnly(data.rejects());
            } catch (IOException e) {
                return unwritable(err, outDir, e);
            }
            err.printf("nmaudit: --strict: %,d input row(s) rejected; see %s%n", data.rowsRejected(),
                    outDir.resolve(ReportWriter.REJECTS_CSV));
            return ExitCode.USAGE;
        }

        EngineResult result;
        try {
            int facts = data.claimLines().size();
            if (facts > PHASES_SHOWN_ABOVE) {
                progress.step(String.format("firing %d rules on %,d claim lines", rules.rules().size(), facts));
            }
            result = new RuleEngine(rules).run(parameters, asOfDate, data.factsWith(reference));
            if (facts > PHASES_SHOWN_ABOVE) {
                progress.step("rules at rest; writing " + outDir);
            }
        } catch (RuleSetupException e) {
            return RuleProblems.report(err, e);
        }

        FindingSet findings = result.findings();
        int exit = exitCode(data, findings);
        RunRecord run = new RunRecord(VersionProvider.version(), started, Instant.now(), asOfDate, asOfSource,
                dataFolder.toString(), outDir.toString(), folder.displayPath(), strict, failOn, parameters.values(),
                data.files(), reference.folder(), reference.files(), ruleFiles(folder), rules.rules(), selection,
                findings.countByRule(),
                findings.countBySeverity(), warnings, exit);
        try {
            writer.writeAll(run, findings, result.ratios(), data.rejects());
        } catch (IOException e) {
            return unwritable(err, outDir, e);
        }
        new ConsoleSummary(out).print(run, findings, result.ratios().size());
        if (exit == ExitCode.ROWS_REJECTED) {
            err.printf("%,d input row(s) rejected; see %s%n", data.rowsRejected(),
                    outDir.resolve(ReportWriter.REJECTS_CSV));
        }
        return exit;
    }

    private static int unwritable(PrintWriter err, Path outDir, IOException e) {
        err.println("nmaudit: cannot write the output folder " + outDir + ": " + IoErrors.describe(e) + "; choose another"
                + " with --out");
        return ExitCode.USAGE;
    }

    private int exitCode(DataSet data, FindingSet findings) {
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
