package org.nmaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;

/**
 * The report folder replaced as a whole, in-process: what a commit keeps and replaces, what a failed run
 * leaves, and how the next run cleans up each kind of leftover a killed run can leave (a dead process's
 * pid in the name). KilledAuditTest kills real runs.
 */
class AtomicReportFolderTest {
    /** A pid no process has: above the Linux maximum (2^22). */
    private static final long DEAD_PID = 9_999_999L;

    @TempDir
    Path tmp;

    private Path target() {
        return tmp.resolve("reports").resolve("2025-12");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Every file under the folder (relative path to content; a symbolic link as "-> target"). */
    private static Map<String, String> tree(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                String name = folder.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(name, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    // findings.xlsx is a zip: compared by its bytes' hash
                    files.put(name, name.endsWith(".xlsx") ? "sha256 " + org.nmaudit.input.Sha256.hex(
                            Files.readAllBytes(p)) : Files.readString(p));
                }
            }
        }
        return files;
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> all = Files.list(target().getParent())) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void newReport(String findings) throws IOException {
        try (AtomicReportFolder report = AtomicReportFolder.begin(target(), ReportWriter.REPORT_FILES)) {
            try (Writer w = report.newWriter("findings.csv")) {
                w.write(findings);
            }
            try (Writer w = report.newWriter("run.json")) {
                w.write("{}");
            }
            report.commit();
        }
    }

    @Test
    void aCommitReplacesTheReportFilesAndKeepsTheUsersFilesFoldersAndLinks() throws IOException {
        write(target().resolve("findings.csv"), "old findings");
        write(target().resolve("findings.json"), "old json");
        write(target().resolve("diff.csv"), "old diff");
        write(target().resolve("notes.txt"), "notes");
        write(target().resolve("letters").resolve("a.txt"), "letter a");
        Files.createSymbolicLink(target().resolve("latest"), Path.of("notes.txt"));

        newReport("new findings");

        assertEquals(Map.of("findings.csv", "new findings", "run.json", "{}", "notes.txt", "notes",
                "letters/a.txt", "letter a", "latest", "-> notes.txt"), tree(target()));
        assertEquals(List.of("2025-12"), siblings());
    }

    @Test
    void theFirstReportIsCreatedWithItsParentFolders() throws IOException {
        newReport("first");
        assertEquals(Map.of("findings.csv", "first", "run.json", "{}"), tree(target()));
        assertEquals(List.of("2025-12"), siblings());
    }

    @Test
    void aRunThatFailsWhileWritingLeavesThePreviousReportAndNoStagingFolder() throws IOException {
        write(target().resolve("findings.csv"), "old findings");
        write(target().resolve("notes.txt"), "notes");
        IOException failure = assertThrows(IOException.class, () -> {
            try (AtomicReportFolder report = AtomicReportFolder.begin(target(), ReportWriter.REPORT_FILES)) {
                try (Writer w = report.newWriter("findings.csv")) {
                    w.write("half of the new");
                }
                throw new IOException("disk full");
            }
        });
        assertEquals("disk full", failure.getMessage());
        assertEquals(Map.of("findings.csv", "old findings", "notes.txt", "notes"), tree(target()));
        assertEquals(List.of("2025-12"), siblings());
    }

    @Test
    void aFirstRunThatFailsLeavesNoFolder() throws IOException {
        assertThrows(IOException.class, () -> {
            try (AtomicReportFolder report = AtomicReportFolder.begin(target(), ReportWriter.REPORT_FILES)) {
                assertEquals(target().getParent(), report.folder().getParent(), "staged next to the target");
                throw new IOException("disk full");
            }
        });
        assertEquals(List.of(), siblings());
    }

    // ---- what a killed run leaves ---------------------------------------------------------------------

    private Path leftover(String kind) {
        return target().resolveSibling(".2025-12.nmaudit-" + kind + "-" + DEAD_PID + "-0a1b2c");
    }

    @Test
    void killedBetweenTheTwoRenamesThePreviousReportComesBackWithTheUsersFiles() throws IOException {
        // The previous report was moved aside, the complete new one not yet moved in.
        write(leftover("old").resolve("findings.csv"), "old findings");
        write(leftover("old").resolve("notes.txt"), "notes");
        write(leftover("staging").resolve("findings.csv"), "new findings");
        Files.createLink(leftover("staging").resolve("notes.txt"), leftover("old").resolve("notes.txt"));

        AtomicReportFolder.cleanUp(target(), ReportWriter.REPORT_FILES);

        assertEquals(Map.of("findings.csv", "old findings", "notes.txt", "notes"), tree(target()));
        assertEquals(List.of("2025-12"), siblings());
    }

    @Test
    void killedBeforeThePreviousReportWasDeletedTheNewReportStaysAndGetsTheUsersLatestFiles() throws IOException {
        write(target().resolve("findings.csv"), "new findings");
        write(target().resolve("notes.txt"), "notes as linked");
        write(leftover("old").resolve("findings.csv"), "old findings");
        write(leftover("old").resolve("rejects.csv"), "old rejects");
        write(leftover("old").resolve("notes.txt"), "notes saved again meanwhile");
        write(leftover("old").resolve("added meanwhile.txt"), "new file");

        AtomicReportFolder.cleanUp(target(), ReportWriter.REPORT_FILES);

        assertEquals(Map.of("findings.csv", "new findings", "notes.txt", "notes saved again meanwhile",
                "added meanwhile.txt", "new file"), tree(target()));
        assertEquals(List.of("2025-12"), siblings());
    }

    @Test
    void killedWhileWritingTheStagingFolderGoesAndThePreviousReportStays() throws IOException {
        write(target().resolve("findings.csv"), "old findings");
        write(leftover("staging").resolve("findings.csv"), "half of the n");
        AtomicReportFolder.cleanUp(target(), ReportWriter.REPORT_FILES);
        assertEquals(Map.of("findings.csv", "old findings"), tree(target()));
        assertEquals(List.of("2025-12"), siblings());
    }

    @Test
    void theLeftoversOfARunStillRunningAreNotTouched() throws IOException {
        long running = ProcessHandle.current().parent().orElseThrow().pid();
        Path staging = target().resolveSibling(".2025-12.nmaudit-staging-" + running + "-0a1b2c");
        write(staging.resolve("findings.csv"), "being written");
        write(target().resolve("findings.csv"), "old findings");
        AtomicReportFolder.cleanUp(target(), ReportWriter.REPORT_FILES);
        assertTrue(Files.exists(staging.resolve("findings.csv")));
    }

    @Test
    void theNextAuditCleansUpAndReplacesTheReport() throws IOException {
        Path data = DataFolder.in(tmp.resolve("data")).claims(DataFolder.claim("C1", "1").toString()).path();
        write(leftover("old").resolve("findings.csv"), "old findings");
        write(leftover("old").resolve("notes.txt"), "notes");
        write(leftover("staging").resolve("findings.csv"), "new findings");
        CliRun run = CliRun.of("audit", data.toString(), "--out", target().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("2025-12"), siblings());
        assertEquals(List.of("findings.csv", "findings.json", "findings.xlsx", "notes.txt", "provider-ratios.csv",
                "rejects.csv", "report.html",
                "run.json"), List.copyOf(tree(target()).keySet()));
        assertEquals("notes", Files.readString(target().resolve("notes.txt")));
    }

    @Test
    void aLeftoverIsNeverReadAsAReport() throws IOException {
        write(leftover("old").resolve("findings.csv"), "old findings");
        ReportException e = assertThrows(ReportException.class, () -> ReportFolder.open(leftover("old")));
        assertEquals("report folder " + leftover("old") + " is what a run that was stopped left behind, not a"
                + " report; the next run into " + target() + " cleans it up", e.getMessage());
    }

    // ---- where a report cannot go ---------------------------------------------------------------------

    @Test
    void theWorkingDirectoryIsNotAReportFolder() {
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicReportFolder.begin(Path.of("."), ReportWriter.REPORT_FILES));
        assertEquals(".: it is the working directory, and a report folder is replaced as a whole; name a folder of"
                + " its own, such as reports/latest", e.getMessage());
        CliRun run = CliRun.of("audit", "data/sample", "--out", "..");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("nmaudit: cannot write the output folder ..: it is the working directory's"
                + " parent, and a report folder is replaced as a whole;"), run.err());
    }

    @Test
    void aFileIsNotAReportFolder() throws IOException {
        write(target(), "a file");
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicReportFolder.begin(target(), ReportWriter.REPORT_FILES));
        assertEquals(target() + ": it is a file, not a folder", e.getMessage());
    }

    @Test
    void aFolderOfTheUsersNamedLikeAReportFileIsNotReplaced() throws IOException {
        write(target().resolve("findings.csv").resolve("mine.txt"), "mine");
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicReportFolder.begin(target(), ReportWriter.REPORT_FILES));
        assertEquals(target().resolve("findings.csv") + ": it is a folder, but a report writes a file of that name"
                + " there; move the folder, or choose another output folder", e.getMessage());
        assertEquals(Map.of("findings.csv/mine.txt", "mine"), tree(target()));
        assertEquals(List.of("2025-12"), siblings());
    }

    @Test
    void aSymbolicLinkToAReportFolderStaysALink() throws IOException {
        Path real = tmp.resolve("elsewhere").resolve("2025-12");
        write(real.resolve("findings.csv"), "old findings");
        Files.createDirectories(target().getParent());
        Files.createSymbolicLink(target(), real);
        newReport("new findings");
        assertTrue(Files.isSymbolicLink(target()));
        assertEquals(Map.of("findings.csv", "new findings", "run.json", "{}"), tree(real));
    }

    // ---- one file -------------------------------------------------------------------------------------

    @Test
    void aFileIsReplacedInOneStepAndATemporaryFileOfAKilledRunGoes() throws IOException {
        Path file = tmp.resolve("diff.csv");
        write(file, "old");
        write(tmp.resolve(".diff.csv.nmaudit-tmp-" + DEAD_PID + "-0a1b2c"), "half");
        AtomicFile.write(file, w -> w.write("new"));
        assertEquals(Map.of("diff.csv", "new"), tree(tmp));

        assertThrows(IOException.class, () -> AtomicFile.write(file, w -> {
            w.write("half of the next");
            throw new IOException("disk full");
        }));
        assertEquals(Map.of("diff.csv", "new"), tree(tmp));
    }

    @Test
    void aTemporaryFileInAReportFolderIsNotKeptAsTheUsers() throws IOException {
        write(target().resolve("findings.csv"), "old findings");
        write(target().resolve(".diff.csv.nmaudit-tmp-" + DEAD_PID + "-0a1b2c"), "half");
        newReport("new findings");
        assertFalse(Files.exists(target().resolve(".diff.csv.nmaudit-tmp-" + DEAD_PID + "-0a1b2c")));
    }
}
