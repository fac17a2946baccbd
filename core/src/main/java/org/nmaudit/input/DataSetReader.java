package org.nmaudit.input;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.facts.ProgrammingSession;
import org.nmaudit.facts.PsychEvaluation;
import org.nmaudit.facts.RepeatTrialJustification;
import org.nmaudit.facts.TrialOutcome;
import org.nmaudit.input.x12.X12DataFiles;
import org.nmaudit.input.x12.X12Reading;
import org.nmaudit.input.x12.X12Source;

/**
 * Reads a data folder (data-format.md): claims.csv and whichever documentation files are present. Rows are
 * validated and handed to an {@link InputSink} as they are read, so the reader holds no rows.
 */
public final class DataSetReader {
    private final ReadProgress progress;

    public DataSetReader(ReadProgress progress) {
        this.progress = progress;
    }

    /** The data file a loaded row was read from, by its fact type. */
    public static String fileNameOf(PatientFact fact) {
        if (fact instanceof ClaimLine line) {
            return line.getSourceFile();
        } else if (fact instanceof TrialOutcome) {
            return TrialOutcomesFile.NAME;
        } else if (fact instanceof RepeatTrialJustification) {
            return RepeatTrialJustificationsFile.NAME;
        } else if (fact instanceof ProgrammingSession) {
            return ProgrammingSessionsFile.NAME;
        } else if (fact instanceof PsychEvaluation) {
            return PsychEvaluationsFile.NAME;
        }
        throw new IllegalArgumentException("not an input fact: " + fact.getClass().getName());
    }

    /** Reads the whole data set into lists: for small data sets (rule test cases, a scrub batch). */
    public DataSet read(Path folder) throws InputException {
        DataSet.Builder lists = new DataSet.Builder();
        DataSetSummary summary = read(folder, lists);
        return lists.build(summary);
    }

    /** Streams every loaded row and every reject of the folder into {@code sink}, in file order. */
    public DataSetSummary read(Path folder, InputSink sink) throws InputException {
        if (java.nio.file.Files.isRegularFile(folder)) {
            return readX12File(folder, sink);
        }
        return read(InputFolder.local(folder), sink);
    }

    /** One X12 file given instead of a folder (a scrub batch that is the 837 about to go out). */
    private DataSetSummary readX12File(Path file, InputSink sink) throws InputException {
        boolean x12;
        try {
            x12 = X12DataFiles.isX12(file);
        } catch (IOException e) {
            throw new InputException(file + " cannot be read: " + IoErrors.describe(e), e);
        }
        if (!x12) {
            throw new InputException(file + " is a file; give the data folder that holds claims.csv (and any"
                    + " documentation files), or an X12 file: a name ending in "
                    + String.join(", ", X12DataFiles.EXTENSIONS) + ", or content starting with ISA");
        }
        return readX12(List.of(X12Source.of(file)), sink);
    }

    /**
     * Reads X12 files alone, as a data folder holding just them is read (no claims.csv, no documentation
     * files): one 837 given as a scrub batch, an 837 sent over HTTP.
     */
    public DataSetSummary readX12(List<X12Source> sources, InputSink sink) throws InputException {
        LatestServiceDate latest = new LatestServiceDate(sink);
        ClaimLineValidator claimRows = new ClaimLineValidator(sink::claimRow);
        List<FileSummary> files = new ArrayList<>();
        for (String csv : List.of(ClaimsFile.NAME, TrialOutcomesFile.NAME, RepeatTrialJustificationsFile.NAME,
                ProgrammingSessionsFile.NAME, PsychEvaluationsFile.NAME)) {
            files.add(FileSummary.absent(csv));
        }
        X12Reading read = new X12DataFiles(progress).readSources(sources, claimRows, latest::claimLine, sink::rejected);
        files.addAll(read.files());
        return new DataSetSummary(List.copyOf(files), List.copyOf(read.warnings()), latest.date());
    }

    /** The same for a folder on any file system (the Spark job's HDFS or S3 folder). */
    public DataSetSummary read(InputFolder folder, InputSink sink) throws InputException {
        if (!folder.isFolder()) {
            throw new InputException("data folder " + folder.displayName() + " does not exist or is not a folder");
        }
        List<String> warnings = new ArrayList<>();
        List<FileSummary> files = new ArrayList<>();
        CsvFileReader reader = new CsvFileReader(progress, warnings::add);
        LatestServiceDate latest = new LatestServiceDate(sink);

        // X12 837/835 files (x12-input.md) share the claims.csv validation; claims.csv is optional beside them.
        ClaimLineValidator claimRows = new ClaimLineValidator(sink::claimRow);
        // (X12 files are read from local folders; the Spark job reads CSV data sets)
        List<Path> x12 = List.of();
        try {
            if (folder.localPath().isPresent()) {
                x12 = X12DataFiles.find(folder.localPath().get());
            }
        } catch (InputException unlistable) {
            x12 = List.of(); // warned below: the known CSV files are read by name
        }
        files.add(x12.isEmpty() || folder.state(ClaimsFile.NAME) != InputFolder.FileState.ABSENT
                ? readOne(reader, folder, claimRows.claimsFile(), latest::claimLine, sink::rejected)
                : FileSummary.absent(ClaimsFile.NAME));
        files.add(readOne(reader, folder, new TrialOutcomesFile(), sink::loaded, sink::rejected));
        files.add(readOne(reader, folder, new RepeatTrialJustificationsFile(), sink::loaded, sink::rejected));
        files.add(readOne(reader, folder, new ProgrammingSessionsFile(), sink::loaded, sink::rejected));
        files.add(readOne(reader, folder, new PsychEvaluationsFile(), sink::loaded, sink::rejected));
        warnAboutOtherCsvFiles(folder, files, warnings);
        X12Reading read = new X12DataFiles(progress).read(x12, claimRows, latest::claimLine, sink::rejected);
        files.addAll(read.files());
        warnings.addAll(read.warnings());
        return new DataSetSummary(List.copyOf(files), List.copyOf(warnings), latest.date());
    }

    private static <T> FileSummary readOne(CsvFileReader reader, InputFolder folder, DataFile<T> spec,
            Consumer<T> loaded, Consumer<Reject> rejected) throws InputException {
        switch (folder.state(spec.fileName())) {
            case ABSENT -> {
                if (spec.requiredFile()) {
                    throw new InputException(spec.fileName() + " not found in " + folder.displayName()
                            + " (it is the one required file of a data set)");
                }
                return FileSummary.absent(spec.fileName());
            }
            case UNREADABLE -> throw new InputException(folder.displayName(spec.fileName())
                    + " cannot be read (not a readable file)");
            default -> {
                return reader.read(folder, spec, loaded, rejected);
            }
        }
    }

    /** A misspelt file name would otherwise silently contribute nothing. */
    private static void warnAboutOtherCsvFiles(InputFolder folder, List<FileSummary> known, List<String> warnings) {
        Set<String> names = new TreeSet<>();
        known.forEach(f -> names.add(f.fileName()));
        Set<String> others = new TreeSet<>();
        try {
            for (String name : folder.csvFileNames()) {
                if (!names.contains(name)) {
                    others.add(name);
                }
            }
        } catch (IOException e) {
            // Only this warning needs the listing: the known files were read by name.
            warnings.add("data folder " + folder.displayName() + " cannot be listed (" + e.getMessage()
                    + "), so a misspelt input file name would go unnoticed and X12 files (.837, .835) in it cannot be"
                    + " found; the CSV files were read by name");
            return;
        }
        for (String other : others) {
            warnings.add(other + " is not one of the input files (" + String.join(", ", names) + ") and is ignored");
        }
    }

    /** Passes claim lines on and remembers the latest service date, the default as-of date. */
    private static final class LatestServiceDate {
        private final InputSink sink;
        private int latestDay = Integer.MIN_VALUE;

        LatestServiceDate(InputSink sink) {
            this.sink = sink;
        }

        void claimLine(ClaimLine line) {
            latestDay = Math.max(latestDay, line.getServiceDay());
            sink.loaded(line);
        }

        Optional<LocalDate> date() {
            return latestDay == Integer.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(latestDay));
        }
    }
}
