package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.ReportFixture;

/**
 * Where {@code diff --out} puts diff.csv (a folder named with a trailing slash is a folder, created if
 * missing), what a write failure says (no Java class names), and finding text with terminal escapes
 * shown escaped by diff and explain.
 */
class DiffOutAndConsoleTest {
    private static final String ESCAPE = "\u001B[2J\u001B]0;pwned\u0007";

    @TempDir
    Path tmp;

    private Path older() {
        return ReportFixture.in(tmp.resolve("old"))
                .line("3000000000000002", "NM-PROG-FREQ", "MEDIUM", "C1", 2, "Too soon: 20.").write();
    }

    private Path newer() {
        return ReportFixture.in(tmp.resolve("new"))
                .line("1000000000000003", "NM-PROG-FREQ", "MEDIUM", "C" + ESCAPE + "9", 3, "Too soon: " + ESCAPE)
                .write();
    }

    @Test
    void aMissingFolderWithATrailingSlashIsCreatedAndGetsDiffCsv() {
        Path older = older();
        Path newer = newer();
        CliRun run = CliRun.of("diff", older.toString(), newer.toString(), "--out", tmp.resolve("cmp") + "/");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.isRegularFile(tmp.resolve("cmp").resolve("diff.csv")), run::toString);
        assertTrue(run.out().contains("Every finding: " + tmp.resolve("cmp").resolve("diff.csv") + "\n"), run.out());
    }

    @Test
    void anExistingFolderGetsDiffCsvWithOrWithoutTheSlashAndAFileNameIsAFile() throws IOException {
        Path older = older();
        Path newer = newer();
        Files.createDirectories(tmp.resolve("there"));
        assertEquals(0, CliRun.of("diff", older.toString(), newer.toString(), "--out", tmp.resolve("there").toString())
                .exitCode());
        assertTrue(Files.isRegularFile(tmp.resolve("there").resolve("diff.csv")));
        assertEquals(0, CliRun.of("diff", older.toString(), newer.toString(), "--out", tmp.resolve("changes.csv")
                .toString()).exitCode());
        assertTrue(Files.isRegularFile(tmp.resolve("changes.csv")));
    }

    @Test
    void aWriteFailureSaysWhatWentWrongInWords() throws IOException {
        Path older = older();
        Path newer = newer();
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        CliRun run = CliRun.of("diff", older.toString(), newer.toString(), "--out", file + "/sub/");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("nmaudit diff: cannot write " + file + "/sub/diff.csv: not a folder (" + file + "/sub); choose"
                + " another file with --out\n", run.err());
    }

    @Test
    void diffShowsControlCharactersOfFindingsEscaped() {
        CliRun run = CliRun.of("diff", older().toString(), newer().toString(), "--out", tmp.resolve("d.csv")
                .toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of(
                "  new       1000000000000003  NM-PROG-FREQ  claim C\\u001B[2J\\u001B]0;pwned\\u00079 line 3",
                "      now  MEDIUM  Too soon: \\u001B[2J\\u001B]0;pwned\\u0007"),
                lines.subList(lines.size() - 4, lines.size() - 2));
        assertTrue(run.out().indexOf('\u001B') < 0 && run.out().indexOf('\u0007') < 0, run.out());
    }

    @Test
    void explainShowsControlCharactersOfTheFindingEscaped() {
        Path newer = newer();
        CliRun run = CliRun.of("explain", "1000000000000003", "--report", newer.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("Finding 1000000000000003: NM-PROG-FREQ, severity MEDIUM",
                "Too soon: \\u001B[2J\\u001B]0;pwned\\u0007"), run.out().lines().toList().subList(0, 2));
        assertTrue(run.out().indexOf('\u001B') < 0 && run.out().indexOf('\u0007') < 0, run.out());
        CliRun typed = CliRun.of("explain", "\u001B[31mzz", "--report", newer.toString());
        assertEquals(2, typed.exitCode(), typed::toString);
        assertTrue(typed.err().startsWith("nmaudit explain: '\\u001B[31mzz' is not a finding id"), typed.err());
    }
}
