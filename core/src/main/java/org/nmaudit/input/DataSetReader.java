package org.nmaudit.input;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.ProgrammingSession;
import org.nmaudit.facts.PsychEvaluation;
import org.nmaudit.facts.RepeatTrialJustification;
import org.nmaudit.facts.TrialOutcome;
import org.nmaudit.input.x12.X12DataFiles;
import org.nmaudit.input.x12.X12Reading;

/** Reads a data folder (data-format.md): claims.csv and whichever documentation files are present. */
public final class DataSetReader {
    private final ReadProgress progress;

    public DataSetReader(ReadProgress progress) {
        this.progress = progress;
    }

    public DataSet read(Path folder) throws InputException {
        if (!Files.isDirectory(folder)) {
            throw new InputException("data folder " + folder + " does not exist or is not a folder");
        }
        List<String> warnings = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<FileSummary> files = new ArrayList<>();
        CsvFileReader reader = new CsvFileReader(progress, warnings::add);

        ArrayList<ClaimLine> claims = new ArrayList<>();
        List<TrialOutcome> outcomes = new ArrayList<>();
        List<RepeatTrialJustification> justifications = new ArrayList<>();
        List<ProgrammingSession> sessions = new ArrayList<>();
        List<PsychEvaluation> evaluations = new ArrayList<>();

        // X12 837/835 files (x12-input.md) share the claims.csv validation; claims.csv is optional beside them.
        ClaimLineValidator claimRows = new ClaimLineValidator();
        List<Path> x12 = X12DataFiles.find(folder);
        files.add(x12.isEmpty() || Files.exists(folder.resolve(ClaimsFile.NAME))
                ? readOne(reader, folder, claimRows.claimsFile(), claims::add, rejects::add)
                : FileSummary.absent(ClaimsFile.NAME));
        files.add(readOne(reader, folder, new TrialOutcomesFile(), outcomes::add, rejects::add));
        files.add(readOne(reader, folder, new RepeatTrialJustificationsFile(), justifications::add, rejects::add));
        files.add(readOne(reader, folder, new ProgrammingSessionsFile(), sessions::add, rejects::add));
        files.add(readOne(reader, folder, new PsychEvaluationsFile(), evaluations::add, rejects::add));
        warnAboutOtherCsvFiles(folder, files, warnings);
        X12Reading read = new X12DataFiles(progress).read(x12, claimRows, claims::add, rejects::add);
        files.addAll(read.files());
        warnings.addAll(read.warnings());

        claims.trimToSize();
        return new DataSet(claims, outcomes, justifications, sessions, evaluations, files, rejects, warnings);
    }

    private static <T> FileSummary readOne(CsvFileReader reader, Path folder, DataFile<T> spec, Consumer<T> loaded,
            Consumer<Reject> rejected) throws InputException {
        Path path = folder.resolve(spec.fileName());
        if (!Files.exists(path)) {
            if (spec.requiredFile()) {
                throw new InputException(spec.fileName() + " not found in " + folder
                        + " (it is the one required file of a data set)");
            }
            return FileSummary.absent(spec.fileName());
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InputException(path + " cannot be read (not a readable file)");
        }
        return reader.read(path, spec, loaded, rejected);
    }

    /** A misspelt file name would otherwise silently contribute nothing. */
    private static void warnAboutOtherCsvFiles(Path folder, List<FileSummary> known, List<String> warnings)
            throws InputException {
        Set<String> names = new TreeSet<>();
        known.forEach(f -> names.add(f.fileName()));
        Set<String> others = new TreeSet<>();
        try (DirectoryStream<Path> csvs = Files.newDirectoryStream(folder, "*.csv")) {
            for (Path p : csvs) {
                String name = p.getFileName().toString();
                if (!names.contains(name)) {
                    others.add(name);
                }
            }
        } catch (IOException e) {
            throw new InputException("data folder " + folder + " cannot be listed: " + e.getMessage(), e);
        }
        for (String other : others) {
            warnings.add(other + " is not one of the input files (" + String.join(", ", names) + ") and is ignored");
        }
    }
}
