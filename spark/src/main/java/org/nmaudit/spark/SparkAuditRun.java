package org.nmaudit.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.nmaudit.audit.AbsentDocumentation;
import org.nmaudit.audit.FutureServiceDates;
import org.nmaudit.audit.RulesInBackground;
import org.nmaudit.cli.ExitCode;
import org.nmaudit.cli.VersionProvider;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.PatientPartitions;
import org.nmaudit.engine.ProviderPassResult;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFile;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleProblem;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.engine.SharedFacts;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.FindingSorter;
import org.nmaudit.findings.Findings;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;
import org.nmaudit.input.InputFolder;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.DataSetSummary;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;
import org.nmaudit.input.RejectLog;
import org.nmaudit.input.RejectReasons;
import org.nmaudit.report.ConsoleSummary;
import org.nmaudit.report.ReportWriter;
import org.nmaudit.report.html.HtmlReport;
import org.nmaudit.report.xlsx.XlsxReport;
import org.nmaudit.report.RunRecord;
import scala.Tuple2;

/**
 * One run of the Spark job, in the CLI's order: rules compiled while the driver reads and validates the data
 * with the CLI's reader into patient partitions on the staging folder; the patient pass as one Spark task per
 * partition (mapPartitions, one rule base per executor JVM); the provider pass on the driver over the facts
 * the tasks carried; the CLI's report files.
 */
final class SparkAuditRun {
    /** The run's compiled rules, when they are needed. */
    @FunctionalInterface
    private interface Rules {
        RuleBase rules() throws RuleSetupException;
    }

    /** CSV bytes per partition by default: a task's facts take several times that in an executor's heap. */
    private static final long BYTES_PER_PARTITION = 32L << 20;
    /** Findings the driver holds before it sorts them into a run file (as the CLI). */
    private static final int FINDINGS_IN_MEMORY = 200_000;

    private final SparkAudit options;
    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final Configuration hadoop;
    private final PrintWriter out;
    private final PrintWriter err;
    private final long startNanos = System.nanoTime();

    SparkAuditRun(SparkAudit options, SparkSession spark, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.hadoop = spark.sparkContext().hadoopConfiguration();
        this.out = out;
        this.err = err;
    }

    int run() throws IOException {
        Instant started = Instant.now();
        if (options.partitions < 0) {
            err.println("nmaudit: --partitions must be 1 or more (it is " + options.partitions + ")");
            return ExitCode.USAGE;
        }
        JobLocation dataLocation = new JobLocation(options.data);
        if (options.out != null && sameFolder(new JobLocation(options.out), dataLocation)) {
            err.println("nmaudit: --out " + options.out + " is the data folder itself: the report's CSV files would"
                    + " be read as input by the next audit; choose another output folder");
            return ExitCode.USAGE;
        }
        java.nio.file.Path driverScratch = Files.createTempDirectory("nmaudit-spark-");
        try {
            return run(started, dataLocation, driverScratch);
        } finally {
            deleteLocal(driverScratch);
        }
    }

    private int run(Instant started, JobLocation dataLocation, java.nio.file.Path driverScratch) throws IOException {
        ReadProgress progress = (file, rows) -> { };
        RuleFolder folder;
        ParameterSet parameters;
        RuleSelection selection = RuleSelection.of(options.onlyRules, options.disabledRules);
        try {
            folder = rulesFolder(driverScratch);
            parameters = folder.parameters().withOverrides(options.parameterOverrides);
        } catch (RuleSetupException e) {
            return report(e, "nothing was audited");
        }
        // Compiling takes seconds: it runs while the data is read, unless this driver compiled these rules before.
        RuleEngine compiled = JobRules.of(folder, selection).compiled();
        Rules compiling = compiled != null ? compiled::rules : RulesInBackground.compile(folder, selection)::rules;

        ReferenceData reference;
        try {
            reference = referenceData(driverScratch, progress);
        } catch (InputException e) {
            return rulesFirst(compiling, "nmaudit: " + e.getMessage());
        }

        InputFolder dataFolder = dataLocation.isLocal() ? InputFolder.local(dataLocation.localPath())
                : new HadoopInputFolder(options.data, hadoop);
        JobLocation stagingLocation = stagingFolder();
        Path staging = stagingLocation.isLocal() ? new Path(stagingLocation.localPath().toAbsolutePath().toUri())
                : stagingLocation.hadoopPath();
        FileSystem stagingFs = staging.getFileSystem(hadoop);
        int partitionCount = options.partitions > 0 ? options.partitions : defaultPartitions(dataLocation);
        try (RejectLog rejects = new RejectLog(driverScratch.resolve("rejects.bin"))) {
            StagedPatients staged = new StagedPatients(stagingFs, staging, partitionCount, rejects,
                    new FutureServiceDates(LocalDate.now()));
            FutureServiceDates futureDates = staged.futureDates();
            DataSetSummary data;
            phase("reading " + options.data + " on the driver into " + partitionCount + " patient partition(s) under "
                    + staging);
            try {
                data = new DataSetReader(progress).read(dataFolder, staged);
                staged.finishWriting();
                phase(String.format(java.util.Locale.ROOT, "read %,d rows (%,d loaded, %,d rejected)",
                        data.rowsLoaded() + data.rowsRejected(), data.rowsLoaded(), data.rowsRejected()));
            } catch (InputException e) {
                return rulesFirst(compiling, "nmaudit: " + e.getMessage());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return audit(started, folder, parameters, selection, compiling, reference, data, rejects, staged,
                    futureDates, staging);
        } finally {
            stagingFs.delete(staging, true);
        }
    }

    private int audit(Instant started, RuleFolder folder, ParameterSet parameters, RuleSelection selection,
            Rules compiling, ReferenceData reference, DataSetSummary data, RejectLog rejects,
            StagedPatients staged, FutureServiceDates futureDates, Path staging) throws IOException {
        List<String> warnings = new ArrayList<>(reference.warnings());
        warnings.addAll(data.warnings());
        if (futureDates.warning() != null) {
            warnings.add(futureDates.warning());
        }
        if (data.claimLinesLoaded() == 0) {
            try {
                compiling.rules();
            } catch (RuleSetupException e) {
                return report(e, "nothing was audited");
            }
            warnings.forEach(w -> err.println("warning: " + w));
            JobLocation outDir = options.out != null ? new JobLocation(options.out)
                    : new JobLocation("reports/" + YearMonth.now());
            writeRejectsOnly(outDir, rejects);
            err.println("nmaudit: " + RejectReasons.nothingLoaded(data, rejects) + "; nothing was audited (see "
                    + outDir.resolve(rejectsName()).text() + ")");
            return ExitCode.USAGE;
        }

        LocalDate asOfDate = options.asOf != null ? options.asOf : data.latestServiceDate().orElseThrow();
        String asOfSource = options.asOf != null ? "--as-of" : "latest service_date";
        JobLocation outDir = options.out != null ? new JobLocation(options.out)
                : new JobLocation("reports/" + YearMonth.from(asOfDate));

        RuleBase rules;
        try {
            rules = compiling.rules();
        } catch (RuleSetupException e) {
            return report(e, "nothing was audited");
        }
        warnings.addAll(AbsentDocumentation.warnings(data, rules, selection));
        warnings.forEach(w -> err.println("warning: " + w));

        if (options.strict && data.rowsRejected() > 0) {
            writeRejectsOnly(outDir, rejects);
            err.printf("nmaudit: --strict: %,d input row(s) rejected; see %s%n", data.rowsRejected(),
                    outDir.resolve(rejectsName()).text());
            return ExitCode.USAGE;
        }

        // The patient pass: one task per non-empty partition.
        JobRules shipped = JobRules.of(folder, selection);
        RuleEngine driverEngine = shipped.register(rules);
        SharedFacts shared = SharedFacts.of(parameters, asOfDate, reference.facts());
        Broadcast<JobRules> rulesBroadcast = jsc.broadcast(shipped);
        Broadcast<SharedFacts> sharedBroadcast = jsc.broadcast(shared);
        Broadcast<SerializableConfiguration> hadoopBroadcast = jsc.broadcast(new SerializableConfiguration(hadoop));
        List<Integer> ids = staged.nonEmptyPartitions();
        JavaRDD<PartitionResult> results = jsc.parallelize(ids, Math.max(1, ids.size()))
                .mapPartitions(new PatientPass(rulesBroadcast, sharedBroadcast, hadoopBroadcast, staging.toString(),
                        RuleEngine.FACTS_PER_BATCH))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            List<PartitionResult> summaries;
            try {
                summaries = results.map(PartitionResult::withoutFindings).collect();
            } catch (Exception e) { // Spark throws SparkException without declaring it
                String problem = ruleProblem(e);
                if (problem == null) {
                    throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
                err.println(problem);
                err.println("nmaudit: a rule failed on the executors; nothing was audited");
                return ExitCode.USAGE;
            }
            // The provider pass, on the driver: the carried facts in partition order, as the CLI does.
            List<Object> carried = new ArrayList<>();
            summaries.forEach(s -> carried.addAll(s.carried()));
            phase(String.format(java.util.Locale.ROOT, "patient pass: %,d patients in %d task(s); %,d facts carried"
                    + " to the provider pass", summaries.stream().mapToLong(PartitionResult::patients).sum(),
                    summaries.size(), carried.size()));
            ProviderPassResult providers;
            try {
                providers = driverEngine.evaluateProviders(shared, carried);
            } catch (RuleSetupException e) {
                return report(e, "nothing was audited");
            }
            phase("provider pass: " + providers.ratios().size() + " provider(s) rated; writing " + options.format
                    + " to " + outDir.text());
            int exit = options.format == SparkAudit.Format.parquet
                    ? writeParquet(started, folder, parameters, selection, reference, data, rejects, rules, warnings,
                            asOfDate, asOfSource, outDir, results, providers)
                    : writeCsv(started, folder, parameters, selection, reference, data, rejects, rules, warnings,
                            asOfDate, asOfSource, outDir, results, providers);
            phase("written");
            return exit;
        } finally {
            results.unpersist(false);
            rulesBroadcast.destroy();
            sharedBroadcast.destroy();
            hadoopBroadcast.destroy();
        }
    }

    /** The CLI's files: the findings come to the driver one partition at a time into the CLI's sorter. */
    private int writeCsv(Instant started, RuleFolder folder, ParameterSet parameters, RuleSelection selection,
            ReferenceData reference, DataSetSummary data, RejectLog rejects, RuleBase rules, List<String> warnings,
            LocalDate asOfDate, String asOfSource, JobLocation outDir, JavaRDD<PartitionResult> results,
            ProviderPassResult providers) throws IOException {
        java.nio.file.Path sortFolder = Files.createTempDirectory("nmaudit-spark-findings-");
        try (FindingSorter sorter = new FindingSorter(sortFolder, FINDINGS_IN_MEMORY)) {
            results.toLocalIterator().forEachRemaining(r -> sorter.addAll(r.findings()));
            sorter.addAll(providers.findings());
            Findings findings = sorter.finish();
            int exit = exitCode(data, findings.countBySeverity());
            RunRecord run = runRecord(started, folder, parameters, selection, reference, data, rules, warnings,
                    asOfDate, asOfSource, outDir, findings.countByRule(), findings.countBySeverity(), exit);
            LocalOutput local = LocalOutput.of(outDir, hadoop);
            new ReportWriter(local.folder()).writeAll(run, findings, providers.ratios(), rejects);
            local.publish(List.of(ReportWriter.FINDINGS_CSV, ReportWriter.FINDINGS_JSON,
                    ReportWriter.PROVIDER_RATIOS_CSV, ReportWriter.REJECTS_CSV, ReportWriter.RUN_JSON,
                    HtmlReport.FILE_NAME, XlsxReport.FILE_NAME),
                    List.of(ParquetReports.FINDINGS, ParquetReports.PROVIDER_RATIOS, ParquetReports.REJECTS));
            new ConsoleSummary(out).print(run, findings, providers.ratios().size());
            return finish(exit, data, outDir);
        } finally {
            deleteLocal(sortFolder);
        }
    }

    /** Parquet data sets: the findings sorted into report order and written by the executors. */
    private int writeParquet(Instant started, RuleFolder folder, ParameterSet parameters, RuleSelection selection,
            ReferenceData reference, DataSetSummary data, RejectLog rejects, RuleBase rules, List<String> warnings,
            LocalDate asOfDate, String asOfSource, JobLocation outDir, JavaRDD<PartitionResult> results,
            ProviderPassResult providers) throws IOException {
        JavaRDD<Finding> all = results.flatMap(r -> r.findings().iterator())
                .union(jsc.parallelize(providers.findings(), 1));
        JavaRDD<Finding> sorted = all.mapToPair(f -> new Tuple2<>(f, Boolean.TRUE))
                .sortByKey(new ReportOrder(), true, Math.max(1, results.getNumPartitions()))
                .keys();
        Map<String, Integer> byRule = new TreeMap<>(all.map(Finding::ruleId).countByValue().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().intValue())));
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        all.map(Finding::severity).countByValue().forEach((s, n) -> bySeverity.put(s, n.intValue()));
        Set<String> flagged = new HashSet<>();
        for (Finding f : providers.findings()) {
            if (f.scope() == Scope.PROVIDER && ReportWriter.RATIO_RULE_ID.equals(f.ruleId())) {
                flagged.add(f.renderingNpi());
            }
        }
        ParquetReports parquet = new ParquetReports(spark, outDir);
        parquet.writeFindings(sorted);
        parquet.writeRatios(providers.ratios(), flagged);
        parquet.writeRejects(rejects);
        int exit = exitCode(data, bySeverity);
        RunRecord run = runRecord(started, folder, parameters, selection, reference, data, rules, warnings, asOfDate,
                asOfSource, outDir, byRule, bySeverity, exit);
        LocalOutput local = LocalOutput.of(outDir, hadoop);
        new ReportWriter(local.folder()).writeRun(run);
        local.publish(List.of(ReportWriter.RUN_JSON), List.of(ReportWriter.FINDINGS_CSV, ReportWriter.FINDINGS_JSON,
                ReportWriter.PROVIDER_RATIOS_CSV, ReportWriter.REJECTS_CSV));
        new ConsoleSummary(out).print(run, null, providers.ratios().size());
        long total = bySeverity.values().stream().mapToLong(Integer::longValue).sum();
        out.printf("Findings: %,d (%s), providers rated: %d%n", total, byRule, providers.ratios().size());
        return finish(exit, data, outDir);
    }

    /** A line on stderr per phase, with the time since the run started: where a payer-size run spends it. */
    private void phase(String message) {
        err.printf(java.util.Locale.ROOT, "[%7.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, message);
        err.flush();
    }

    private int finish(int exit, DataSetSummary data, JobLocation outDir) {
        out.flush();
        if (exit == ExitCode.ROWS_REJECTED) {
            err.printf("%,d input row(s) rejected; see %s%n", data.rowsRejected(), outDir.resolve(rejectsName()).text());
        }
        return exit;
    }

    private RunRecord runRecord(Instant started, RuleFolder folder, ParameterSet parameters, RuleSelection selection,
            ReferenceData reference, DataSetSummary data, RuleBase rules, List<String> warnings, LocalDate asOfDate,
            String asOfSource, JobLocation outDir, Map<String, Integer> byRule, Map<Severity, Integer> bySeverity,
            int exit) {
        return new RunRecord(VersionProvider.version(), started, Instant.now(), asOfDate, asOfSource, null,
                data.claimLinesLoaded(), options.data,
                outDir.text(), folder.displayPath(), options.strict, options.failOn, parameters.values(), data.files(),
                reference.folder(), reference.files(), ruleFiles(folder), rules.rules(), selection, byRule, bySeverity,
                warnings, exit);
    }

    private int exitCode(DataSetSummary data, Map<Severity, Integer> bySeverity) {
        if (data.rowsRejected() > 0) {
            return ExitCode.ROWS_REJECTED;
        }
        if (options.failOn != null) {
            for (Map.Entry<Severity, Integer> e : bySeverity.entrySet()) {
                if (e.getValue() > 0 && e.getKey().isAtLeast(options.failOn)) {
                    return ExitCode.FINDINGS_AT_OR_ABOVE_FAIL_ON;
                }
            }
        }
        return ExitCode.OK;
    }

    private void writeRejectsOnly(JobLocation outDir, RejectLog rejects) throws IOException {
        LocalOutput local = LocalOutput.of(outDir, hadoop);
        if (options.format == SparkAudit.Format.parquet) {
            new ParquetReports(spark, outDir).writeRejects(rejects);
            local.publish(List.of(), List.of(ReportWriter.FINDINGS_CSV, ReportWriter.FINDINGS_JSON,
                    ReportWriter.PROVIDER_RATIOS_CSV, ReportWriter.REJECTS_CSV, ReportWriter.RUN_JSON,
                    ParquetReports.FINDINGS, ParquetReports.PROVIDER_RATIOS));
        } else {
            new ReportWriter(local.folder()).writeRejectsOnly(rejects);
            local.publish(List.of(ReportWriter.REJECTS_CSV), List.of(ParquetReports.FINDINGS,
                    ParquetReports.PROVIDER_RATIOS, ParquetReports.REJECTS));
        }
    }

    private String rejectsName() {
        return options.format == SparkAudit.Format.parquet ? ParquetReports.REJECTS : ReportWriter.REJECTS_CSV;
    }

    private RuleFolder rulesFolder(java.nio.file.Path scratch) throws RuleSetupException {
        JobLocation location = new JobLocation(options.rules);
        if (location.isLocal()) {
            return RuleFolder.load(location.localPath());
        }
        java.nio.file.Path local;
        try {
            local = location.asLocalFolder(hadoop, scratch.resolve("rules"), List.of(".drl",
                    ParameterSet.FILE_NAME));
        } catch (IOException e) {
            throw new RuleSetupException(new RuleProblem(null, 0, 0, "rules folder " + options.rules
                    + " cannot be read: " + e.getMessage(), null));
        }
        RuleFolder copy = RuleFolder.load(local);
        // Messages and findings name the files where the user keeps them, not the driver's copy.
        String display = location.text().replaceAll("/+$", "");
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : copy.drlFiles()) {
            files.add(new RuleFile(f.name(), display + "/" + f.name(), f.text(), f.sha256()));
        }
        RuleFile p = copy.parametersFile();
        return new RuleFolder(null, display, List.copyOf(files),
                new RuleFile(p.name(), display + "/" + p.name(), p.text(), p.sha256()));
    }

    private ReferenceData referenceData(java.nio.file.Path scratch, ReadProgress progress) throws InputException {
        JobLocation location = new JobLocation(options.reference);
        if (location.isLocal()) {
            return new ReferenceReader(progress).read(location.localPath());
        }
        try {
            java.nio.file.Path local = location.asLocalFolder(hadoop, scratch.resolve("reference"), List.of(".csv"));
            return new ReferenceReader(progress).read(local);
        } catch (IOException e) {
            throw new InputException("reference folder " + options.reference + " cannot be read: " + e.getMessage());
        }
    }

    private JobLocation stagingFolder() {
        String name = ".nmaudit-staging-" + UUID.randomUUID();
        if (options.staging != null) {
            return new JobLocation(options.staging).resolve(name);
        }
        if (options.out != null) {
            JobLocation o = new JobLocation(options.out);
            if (o.isLocal()) {
                java.nio.file.Path parent = o.localPath().toAbsolutePath().normalize().getParent();
                return new JobLocation((parent == null ? o.localPath().toAbsolutePath() : parent).resolve(name)
                        .toString());
            }
            Path parent = o.hadoopPath().getParent();
            return new JobLocation(new Path(parent == null ? o.hadoopPath() : parent, name).toString());
        }
        return new JobLocation("reports").resolve(name);
    }

    private int defaultPartitions(JobLocation data) {
        long bytes = 0;
        try {
            bytes = new HadoopInputFolder(data.isLocal() ? data.localPath().toAbsolutePath().toUri().toString()
                    : data.text(), hadoop).csvBytes();
        } catch (IOException e) {
            // the reader reports an unreadable folder
        }
        int bySize = PatientPartitions.countFor(bytes, BYTES_PER_PARTITION);
        return Math.min(4096, Math.max(bySize, 2 * jsc.defaultParallelism()));
    }

    private int rulesFirst(Rules compiling, String inputProblem) {
        try {
            compiling.rules();
        } catch (RuleSetupException e) {
            return report(e, "nothing was audited");
        }
        err.println(inputProblem);
        return ExitCode.USAGE;
    }

    private int report(RuleSetupException e, String consequence) {
        for (RuleProblem p : e.problems()) {
            err.println(p);
        }
        err.printf("nmaudit: %d problem(s) in the rules; %s%n", e.problems().size(), consequence);
        return ExitCode.USAGE;
    }

    /** The rule problem an executor reported, or null when the job failed for another reason. */
    private static String ruleProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains(PatientPass.RULE_PROBLEM)) {
                String problem = m.substring(m.indexOf(PatientPass.RULE_PROBLEM) + PatientPass.RULE_PROBLEM.length());
                int end = problem.indexOf("\n\tat ");
                return end < 0 ? problem : problem.substring(0, end);
            }
        }
        return null;
    }

    private static Map<String, String> ruleFiles(RuleFolder folder) {
        Map<String, String> files = new LinkedHashMap<>();
        for (RuleFile f : folder.drlFiles()) {
            files.put(f.displayPath(), f.sha256());
        }
        files.put(folder.parametersFile().displayPath(), folder.parametersFile().sha256());
        return files;
    }

    private static boolean sameFolder(JobLocation a, JobLocation b) {
        if (a.isLocal() && b.isLocal()) {
            try {
                if (Files.exists(a.localPath()) && Files.exists(b.localPath())) {
                    return Files.isSameFile(a.localPath(), b.localPath());
                }
            } catch (IOException e) {
                // fall back to comparing the names
            }
            return a.localPath().toAbsolutePath().normalize().equals(b.localPath().toAbsolutePath().normalize());
        }
        return a.hadoopPath().equals(b.hadoopPath());
    }

    static void deleteLocal(java.nio.file.Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary file left behind is not worth failing the run
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
