package org.nmaudit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The output folder of an earlier audit, read back: explain and diff work from it alone, without the
 * rules folder or the data folder of the run.
 */
public final class ReportFolder {
    private final Path path;

    private ReportFolder(Path path) {
        this.path = path;
    }

    /** The folder, which must exist; its files are checked as they are read. */
    public static ReportFolder open(Path path) throws ReportException {
        if (!Files.exists(path)) {
            throw new ReportException("report folder " + path + " does not exist; give the folder an audit wrote"
                    + " (its --out, by default reports/<yyyy-MM>)");
        }
        if (!Files.isDirectory(path)) {
            throw new ReportException(path + " is a file, not a report folder; give the folder an audit wrote"
                    + " (the one holding findings.csv and run.json)");
        }
        Path target = Leftovers.targetOf(path);
        if (target != null) {
            throw new ReportException("report folder " + path + " is what a run that was stopped left behind, not a"
                    + " report; the next run into " + target + " cleans it up");
        }
        return new ReportFolder(path);
    }

    public Path path() {
        return path;
    }

    /** The findings of findings.csv, in file order. */
    public List<ReportedFinding> findings() throws ReportException {
        return FindingsCsv.read(existing(ReportWriter.FINDINGS_CSV));
    }

    /** The run record of run.json. */
    public ReportedRun run() throws ReportException {
        return ReportedRun.read(existing(ReportWriter.RUN_JSON));
    }

    /** The findings of findings.json whose id starts with the prefix, and the run it embeds. */
    public FindingsJson.Lookup lookUp(String idPrefix) throws ReportException {
        return FindingsJson.lookUp(existing(ReportWriter.FINDINGS_JSON), idPrefix);
    }

    /** A file of the folder that must be there, or a message naming it and the likely reason. */
    Path existing(String name) throws ReportException {
        Path file = path.resolve(name);
        if (Files.isRegularFile(file)) {
            return file;
        }
        String why = Files.isRegularFile(path.resolve(ReportWriter.REJECTS_CSV))
                && !Files.exists(path.resolve(ReportWriter.RUN_JSON))
                ? "only rejects.csv is there, as after an audit --strict that rejected rows: fix the rows, or audit"
                        + " without --strict"
                : "is it the folder an audit wrote (its --out)?";
        throw new ReportException("report folder " + path + " has no " + name + "; " + why);
    }
}
