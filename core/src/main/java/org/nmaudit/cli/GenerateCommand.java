package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nmaudit.generate.ClaimFormat;
import org.nmaudit.generate.DataSetGenerator;
import org.nmaudit.generate.GenerationSummary;
import org.nmaudit.generate.GeneratorSettings;
import org.nmaudit.input.IoErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmaudit generate}: writes a synthetic, seeded data set for testing and demonstrations. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Writes a synthetic neuromodulation billing data set in the nmaudit input format"
                + " (claims.csv, trial-outcomes.csv, repeat-trial-justifications.csv, programming-sessions.csv,"
                + " psych-evaluations.csv): a realistic practice of clinics, physicians, hospitals, ASCs and payers,"
                + " with deliberate violations and exceptions of the core and extended rules. The same arguments give"
                + " the same bytes.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--patients", required = true, paramLabel = "N",
            description = "Number of patients to generate (at least 1).")
    int patients;

    @Option(names = "--months", defaultValue = "12", paramLabel = "M",
            description = "Length of the data window in months (at least 1). Default: ${DEFAULT-VALUE}.")
    int months;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of every random draw. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write the five data files into (created if missing).")
    Path out;

    @Option(names = "--start", defaultValue = "2025-01-01", paramLabel = "yyyy-MM-dd",
            description = "First day of the data window. Default: ${DEFAULT-VALUE}.")
    String start;

    @Option(names = "--physicians", defaultValue = "40", paramLabel = "N",
            description = "Physicians in the practice (at least 1). Default: ${DEFAULT-VALUE}.")
    int physicians;

    @Option(names = "--clinics", defaultValue = "5", paramLabel = "N",
            description = "Clinics the physicians work in (1 to --physicians). Default: ${DEFAULT-VALUE}.")
    int clinics;

    @Option(names = "--violation-rate", defaultValue = "0.08", paramLabel = "R",
            description = "Share (0 to 1) of eligible care pathways that get one deliberate violation of a core rule,"
                    + " and of the other stimulator patients that get one of an extended rule; 0 plants none."
                    + " Default: ${DEFAULT-VALUE}.")
    double violationRate;

    @Option(names = "--bad-row-rate", defaultValue = "0.001", paramLabel = "R",
            description = "Share (0 to 1) of claim lines that get an extra copy with a clerical error the input"
                    + " validation must reject; 0 disables. Default: ${DEFAULT-VALUE}.")
    double badRowRate;

    @Option(names = "--format", defaultValue = "CSV", paramLabel = "FORMAT",
            description = "How the claim lines are written: csv (claims.csv) or x12 (claims-professional.837 as"
                    + " 837P, claims-institutional.837 as 837I and remittances.835 with the paid lines; an 837I has"
                    + " no place of service, so institutional lines read back without one). The documentation files"
                    + " are CSV either way. Default: ${DEFAULT-VALUE}.")
    ClaimFormat format;

    @Option(names = "--force",
            description = "Overwrite data files (and the labels file) that already exist.")
    boolean force;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Also write FILE, a CSV patient_id,pathway,injected listing each patient's pathway and the"
                    + " violations, exceptions and broken rows planted in it (for testing).")
    Path labels;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        List<String> problems = new ArrayList<>();
        LocalDate startDay = validate(problems);
        if (problems.isEmpty()) {
            problems.addAll(existingFiles());
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("nmaudit generate: " + p));
            err.flush();
            return ExitCode.USAGE;
        }
        GeneratorSettings settings = new GeneratorSettings(patients, months, seed, startDay, physicians, clinics,
                violationRate, badRowRate);
        long began = System.nanoTime();
        GenerationSummary summary;
        try {
            summary = new DataSetGenerator(settings).generate(out, labels, System.err, format);
        } catch (IOException | UncheckedIOException e) {
            err.println("nmaudit generate: cannot write the data set to " + out + ": " + IoErrors.describe(e));
            err.flush();
            return ExitCode.USAGE;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        printSummary(outWriter, summary, seconds, format);
        return ExitCode.OK;
    }

    /** Checks option values; returns the start date (null when it does not parse). */
    private LocalDate validate(List<String> problems) {
        if (patients < 1) {
            problems.add("--patients must be at least 1, got " + patients);
        }
        if (months < 1) {
            problems.add("--months must be at least 1, got " + months);
        }
        if (physicians < 1) {
            problems.add("--physicians must be at least 1, got " + physicians);
        }
        if (clinics < 1 || clinics > Math.max(1, physicians)) {
            problems.add("--clinics must be between 1 and --physicians (" + physicians + "), got " + clinics);
        }
        if (!(violationRate >= 0 && violationRate <= 1)) {
            problems.add("--violation-rate must be between 0 and 1, got " + violationRate);
        }
        if (!(badRowRate >= 0 && badRowRate <= 1)) {
            problems.add("--bad-row-rate must be between 0 and 1, got " + badRowRate);
        }
        LocalDate day = null;
        try {
            day = LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            problems.add("--start must be a date yyyy-MM-dd that exists, got '" + start + "'");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            problems.add("--out " + out + " exists and is not a folder");
        }
        if (labels != null && Files.isDirectory(labels)) {
            problems.add("--labels " + labels + " is a folder, expected a file name");
        }
        return day;
    }

    /** Without --force, files that already exist are not overwritten: nothing is lost silently. */
    private List<String> existingFiles() {
        List<String> problems = new ArrayList<>();
        if (force) {
            return problems;
        }
        List<String> existing = new ArrayList<>();
        if (Files.isDirectory(out)) {
            List<String> names = new ArrayList<>(DataSetGenerator.DATA_FILES);
            if (format == ClaimFormat.X12) {
                names.addAll(DataSetGenerator.X12_FILES);
            }
            for (String name : names) {
                if (Files.exists(out.resolve(name))) {
                    existing.add(name);
                }
            }
        }
        if (!existing.isEmpty()) {
            problems.add(out + " already holds " + String.join(", ", existing)
                    + "; nothing was written. Use --force to overwrite, or choose another --out.");
        }
        if (labels != null && Files.exists(labels)) {
            problems.add("labels file " + labels + " already exists; nothing was written. Use --force to overwrite.");
        }
        return problems;
    }

    private static void printSummary(PrintWriter out, GenerationSummary summary, double seconds, ClaimFormat format) {
        out.printf(Locale.ROOT, "Generated %,d patients, service dates %s to %s, in %s%n", summary.patients(),
                summary.firstDay(), summary.lastDay(), summary.directory());
        for (String name : DataSetGenerator.DATA_FILES) {
            Map<String, Long> rows = summary.rowsPerFile();
            String shown = format == ClaimFormat.X12 && name.equals("claims.csv")
                    ? "claim lines in " + String.join(", ", DataSetGenerator.X12_FILES) : name;
            out.printf(Locale.ROOT, "  %-34s %,12d rows%n", shown, rows.get(name));
        }
        out.printf(Locale.ROOT, "  deliberately broken claim rows     %,12d%n", summary.brokenClaimRows());
        if (summary.labelsFile() != null) {
            out.printf(Locale.ROOT, "  labels: %s%n", summary.labelsFile());
        }
        out.printf(Locale.ROOT, "Wall time %.2f s%n", seconds);
        out.flush();
    }
}
