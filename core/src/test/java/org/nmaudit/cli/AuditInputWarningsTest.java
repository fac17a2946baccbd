package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.nmaudit.input.DataFolder.claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.ChildJvm;
import org.nmaudit.testing.CliRun;

/** What an audit says about input that loads but is suspicious, or does not load at all (issue 13, data-format.md). */
class AuditInputWarningsTest {
    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private CliRun audit(String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "audit";
        args[1] = data().toString();
        args[2] = "--out=" + tmp.resolve("out");
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.of(args);
    }

    @Test
    void aHeaderOnlyClaimsFileIsNothingToAudit() throws IOException {
        DataFolder.in(data()).file("claims.csv", DataFolder.CLAIMS_HEADER);
        CliRun run = audit();
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("nmaudit: claims.csv has a header but no rows: no claim line to audit; nothing"
                + " was audited (see " + tmp.resolve("out").resolve("rejects.csv") + ")"), run.err());
        assertEquals(List.of("rejects.csv"), files(tmp.resolve("out")));
    }

    @Test
    void everyRowRejectedNamesTheMostFrequentReason() throws IOException {
        DataFolder.in(data()).claims(
                claim("C1", "1").set("service_date", "01/15/2025").toString(),
                claim("C2", "1").set("service_date", "01/16/2025").toString(),
                claim("C3", "1").set("rendering_npi", "1234567890").toString());
        CliRun run = audit();
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("nmaudit: no claim line could be loaded: all 3 rows of claims.csv were rejected;"
                + " the most frequent reason (2 rows): service_date is not a date in yyyy-MM-dd form (e.g. 2025-03-14);"
                + " nothing was audited"), run.err());
        assertEquals(4, Files.readAllLines(tmp.resolve("out").resolve("rejects.csv")).size(), "header and 3 rejects");
    }

    @Test
    void theDefaultFolderOfAnAuditWithNothingLoadedIsThisMonths() throws IOException {
        DataFolder.in(data()).file("claims.csv", DataFolder.CLAIMS_HEADER);
        Path expected = Path.of("reports", YearMonth.now().toString());
        boolean existed = Files.exists(expected.resolve("rejects.csv"));
        CliRun run = CliRun.of("audit", data().toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("see " + expected.resolve("rejects.csv")), run.err());
        if (!existed) {
            Files.delete(expected.resolve("rejects.csv"));
            Files.deleteIfExists(expected);
        }
    }

    @Test
    void aServiceDateAfterTodayIsWarnedAbout() throws IOException {
        DataFolder.in(data()).claims(
                claim("C1", "1").set("cpt_code", "95970").set("service_date", "2025-03-01").toString(),
                claim("C2", "1").set("cpt_code", "95970").set("service_date", "2095-12-31").toString(),
                claim("C3", "1").set("cpt_code", "95970").set("service_date", "2096-01-02").toString());
        CliRun run = audit();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("warning: 2 claim lines are dated after today (" + LocalDate.now()
                + "), the first on claims.csv line 3: claim C2 line 1, service_date 2095-12-31; check for a mistyped"
                + " year. Without --as-of the as-of date is the latest service_date, so such a date makes pending"
                + " trials look failed"), run.err());
    }

    @Test
    void absentDocumentationFilesNameTheRulesThatThenFlagEverything() throws IOException {
        DataFolder.in(data()).claims(claim("C1", "1").set("cpt_code", "95970").toString());
        CliRun run = audit();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("warning: trial-outcomes.csv is absent, so NM-TRIAL-DOC sees no TrialOutcome"
                + " documented for any patient and may flag every case it checks; if the practice does not keep these"
                + " records, leave that rule out with --disable NM-TRIAL-DOC"), run.err());
        assertTrue(run.err().contains("warning: psych-evaluations.csv is absent, so NM-PSYCH-EVAL sees"), run.err());
        assertTrue(run.err().contains("warning: programming-sessions.csv is absent, so NM-PROG-REP sees"), run.err());
        assertTrue(run.err().contains("warning: repeat-trial-justifications.csv is absent, so NM-REPEAT-TRIAL sees"),
                run.err());
        CliRun disabled = audit("--disable", "NM-TRIAL-DOC");
        assertFalse(disabled.err().contains("trial-outcomes.csv is absent"), disabled.err());
    }

    @Test
    void theOutputFolderCannotBeTheDataFolder() throws IOException {
        DataFolder.in(data()).claims(claim("C1", "1").set("cpt_code", "95970").toString());
        CliRun run = CliRun.of("audit", data().toString(), "--out", data().resolve(".").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("nmaudit: --out " + data().resolve(".") + " is the data folder itself"),
                run.err());
        assertEquals(List.of("claims.csv"), files(data()));
    }

    @Test
    void aDataFolderThatCannotBeListedIsReadByNameWithAWarning() throws Exception {
        DataFolder.in(data()).claims(claim("C1", "1").set("cpt_code", "95970").toString());
        Files.setPosixFilePermissions(data(), PosixFilePermissions.fromString("rwx--x--x"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // root lists any folder; a folder of another user, read by root without the capability to override
            // file permissions, behaves as it does for everyone else
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "skipped: root, and no setpriv to drop"
                    + " root's capability to read any folder");
            Files.setOwner(data(), data().getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(
                    "nobody"));
            Files.setPosixFilePermissions(data().resolve("claims.csv"), PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            String message = "warning: data folder " + data() + " cannot be listed";
            if (root) {
                ChildJvm run = ChildJvm.run(List.of("/usr/bin/setpriv", "--bounding-set",
                        "-dac_read_search,-dac_override"), Path.of("").toAbsolutePath(), "audit", data().toString(),
                        "--out", tmp.resolve("out").toString());
                assertEquals(0, run.exitCode(), run::toString);
                assertTrue(run.err().contains(message), run.err());
            } else {
                CliRun run = audit();
                assertEquals(0, run.exitCode(), run::toString);
                assertTrue(run.err().contains(message), run.err());
            }
        } finally {
            if (root) {
                Files.setOwner(data(), data().getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(
                        "root"));
            }
            Files.setPosixFilePermissions(data(), PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void oneFolderNamedTwoWaysIsTheSameDataForDiff() throws IOException {
        DataFolder.in(data()).claims(claim("C1", "1").set("cpt_code", "95970").toString());
        Path relative = Path.of("").toAbsolutePath().relativize(data().toAbsolutePath());
        CliRun first = CliRun.of("audit", relative.toString(), "--out", tmp.resolve("r1").toString());
        CliRun second = CliRun.of("audit", data().toAbsolutePath().toString(), "--out", tmp.resolve("r2").toString());
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals(0, second.exitCode(), second::toString);
        assertEquals(data().toAbsolutePath().normalize().toString(), new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("r1").resolve("run.json").toFile()).get("data_folder").asText());
        CliRun diff = CliRun.of("diff", tmp.resolve("r1").toString(), tmp.resolve("r2").toString());
        assertEquals(0, diff.exitCode(), diff::toString);
        assertFalse(diff.err().contains("different data folders"), diff.err());
    }
}
