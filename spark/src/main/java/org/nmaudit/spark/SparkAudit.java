package org.nmaudit.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.nmaudit.cli.IsoDateConverter;
import org.nmaudit.cli.VersionProvider;
import org.nmaudit.findings.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spark-submit ... nmaudit-spark.jar DATA [options]}: the audit of {@code nmaudit audit} as one Spark
 * job, for data sets of a region or a payer. The options are the CLI's; paths may be anything Spark reads
 * (a local folder, hdfs://, s3a://). The findings, provider ratios and rejects are the CLI's, byte for byte
 * in CSV.
 */
@Command(name = "nmaudit-spark",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Audits a data folder with the DRL rules of a rules folder on Apache Spark and writes the"
                + " CLI's findings.csv, findings.json, provider-ratios.csv, rejects.csv and run.json (or Parquet data"
                + " sets with --format parquet).")
public final class SparkAudit implements Callable<Integer> {
    /** The output forms. */
    public enum Format {
        csv, parquet
    }

    @Parameters(index = "0", paramLabel = "DATA",
            description = "Folder with claims.csv and any of trial-outcomes.csv, repeat-trial-justifications.csv,"
                    + " programming-sessions.csv, psych-evaluations.csv: a local path, hdfs://... or s3a://...")
    String data;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules folder (*.drl and parameters.properties), local or on a file system Spark reads."
                    + " The driver reads its text and ships it to the executors, which compile it once per JVM"
                    + " (default: ${DEFAULT-VALUE}).")
    String rules;

    @Option(names = "--reference", paramLabel = "DIR", defaultValue = "data/reference",
            description = "Reference folder: fee-schedule.csv and codes.csv (default: ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--only", paramLabel = "ID[,ID...]", split = ",",
            description = "Runs only these finding rules (their @id); repeatable. The derived facts are always"
                    + " worked out.")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID[,ID...]", split = ",",
            description = "Does not run these finding rules; repeatable. run.json records the selection.")
    List<String> disabledRules = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Overrides one parameter of parameters.properties for this run; repeatable.")
    List<String> parameterOverrides = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "As-of date (yyyy-MM-dd) for pending vs failed trials; default: the latest service_date"
                    + " among loaded claim lines.")
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder, local or on a file system Spark reads (default: reports/<as-of yyyy-MM>)."
                    + " Files of an earlier run there are replaced.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv: the CLI's files, byte for byte; parquet: findings.parquet, provider-ratios.parquet and"
                    + " rejects.parquet data sets (for outputs too large for one file) and run.json"
                    + " (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 4 when a finding is at or above this severity: ${COMPLETION-CANDIDATES}"
                    + " (default: off).")
    Severity failOn;

    @Option(names = "--strict",
            description = "Any rejected input row fails the run (exit 2), with nothing written but the rejects.")
    boolean strict;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Patient partitions, one Spark task each (default: one per 32 MB of input, at least"
                    + " twice the job's default parallelism). The findings do not depend on it.")
    int partitions;

    @Option(names = "--staging", paramLabel = "DIR",
            description = "Folder for the partitioned rows, on a file system every executor reads (about the size"
                    + " of the input; removed when the run ends). Default: beside the output folder.")
    String staging;

    @Spec
    CommandSpec spec;

    private final SparkSession given;

    private SparkAudit(SparkSession given) {
        this.given = given;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(null, out, err, args));
    }

    /**
     * Runs the job on {@code spark}, or, when null, on the session spark-submit configured (which is then
     * stopped at the end).
     *
     * @return the CLI's exit code
     */
    public static int run(SparkSession spark, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new SparkAudit(spark));
        cmd.setOut(out);
        cmd.setErr(err);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        SparkSession spark = given != null ? given : SparkSession.builder().appName("nmaudit audit").getOrCreate();
        try {
            return new SparkAuditRun(this, spark, stdout, stderr).run();
        } finally {
            if (given == null) {
                spark.stop();
            }
        }
    }
}
