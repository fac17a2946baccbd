package org.nmaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.DataFolder.claim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmaudit.generate.DataSetGenerator;
import org.nmaudit.generate.GeneratorSettings;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;

/**
 * {@code nmaudit history import} and {@code export} end to end through the command line, on H2 and on
 * PostgreSQL (skipped without a server): the audit's rejects, round trips that give the same files, claims
 * replaced on re-import, and the errors a user sees.
 */
class HistoryCommandTest {
    static final List<String> DATA_FILES = List.of("claims.csv", "trial-outcomes.csv",
            "repeat-trial-justifications.csv", "programming-sessions.csv", "psych-evaluations.csv");

    @TempDir
    Path tmp;

    static List<TestDatabase> databases() {
        return TestDatabase.both().toList();
    }

    @Test
    void importWritesTheRejectsAnAuditWritesAndSaysWhatItStored() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            CliRun imported = CliRun.of("history", "import", "data/sample", "--db", db.url(), "--out",
                    tmp.resolve("import").toString());
            assertEquals(5, imported.exitCode(), imported.err());
            assertEquals(List.of(
                    "nmaudit " + org.nmaudit.cli.VersionProvider.version() + " history import of data/sample into "
                            + db.url(),
                    "Input file                                 read       loaded     rejected",
                    "  claims.csv                             31,725       31,692           33",
                    "  trial-outcomes.csv                        977          977            0",
                    "  repeat-trial-justifications.csv            52           52            0",
                    "  programming-sessions.csv                5,988        5,988            0",
                    "  psych-evaluations.csv                     993          993            0",
                    "Stored as batch 1: 27,115 claims (0 replaced a stored claim of the same claim_id), 31,692 claim"
                            + " lines, 8,006 documentation rows (4 more were identical to stored rows)",
                    "The history holds 27,115 claims, 31,692 claim lines and 8,006 documentation rows",
                    "Rejects: " + tmp.resolve("import").resolve("rejects.csv")), imported.out().lines().toList());
            assertEquals("33 input row(s) rejected and not stored; see " + tmp.resolve("import").resolve("rejects.csv")
                    + "\n", imported.err());

            // --strict: the audit reads and validates as usual, writes only rejects.csv, fires no rule.
            CliRun audit = CliRun.of("audit", "data/sample", "--strict", "--out", tmp.resolve("audit").toString());
            assertEquals(2, audit.exitCode(), audit.err());
            assertEquals(Files.readString(tmp.resolve("audit/rejects.csv")), Files.readString(tmp.resolve("import/rejects.csv")));
            assertEquals(34, Files.readAllLines(tmp.resolve("import/rejects.csv")).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSampleRoundTripsToTheSameFiles(TestDatabase db) throws Exception {
        assertRoundTrip(db, Path.of("data/sample"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aGeneratedDataSetRoundTripsToTheSameFiles(TestDatabase db) throws Exception {
        Path data = tmp.resolve("generated");
        new DataSetGenerator(new GeneratorSettings(400, 9, 11, LocalDate.of(2024, 11, 1), 6, 3, 0.2, 0.02))
                .generate(data, null, new PrintStream(OutputStream.nullOutputStream()));
        assertRoundTrip(db, data);
    }

    /**
     * After its last row a large import still waits for the database (1M lines into H2: counting 1 s, closing
     * and compacting the copy 4 s), so it says each step on stderr; a small one says none of them (above).
     * PostgreSQL has no copy to compact.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLargeImportSaysEachStepAfterItsLastRow(TestDatabase db) throws Exception {
        String url = db.url(); // skips at once where PostgreSQL is absent
        Path data = tmp.resolve("large");
        new DataSetGenerator(new GeneratorSettings(16_000, 12, 5, LocalDate.of(2024, 1, 1), 12, 4, 0.2, 0.0))
                .generate(data, null, new PrintStream(OutputStream.nullOutputStream()));
        long rows = 0;
        for (String file : DATA_FILES) {
            rows += Files.readAllLines(data.resolve(file)).size() - 1;
        }
        CliRun imported = CliRun.of("history", "import", data.toString(), "--db", url, "--out",
                tmp.resolve("large-import").toString());
        assertEquals(0, imported.exitCode(), imported.err());
        List<String> steps = imported.err().lines()
                .filter(line -> !line.contains(" rows read (")) // reading progress, as often as the pace gives
                .map(line -> line.replaceFirst("^\\[ *[0-9]+\\.[0-9]s\\] ", ""))
                .toList();
        List<String> expected = new ArrayList<>(List.of(String.format(Locale.ROOT, "%,d rows read; storing them",
                rows)));
        expected.add("stored; counting what the history holds");
        if (db.kind() == StoreLocation.Kind.H2) {
            expected.add("compacting the database file and putting it in place");
        }
        assertEquals(expected, steps, imported.err());
    }

    /** import, export, import into an empty store, export: the two exports are the same bytes. */
    private void assertRoundTrip(TestDatabase db, Path data) throws Exception {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        CliRun imported = CliRun.of("history", "import", data.toString(), "--db", db.url(), "--out",
                tmp.resolve("r1").toString());
        assertTrue(imported.exitCode() == 0 || imported.exitCode() == 5, imported.err());
        assertEquals(0, CliRun.of("history", "export", "--out", first.toString(), "--db", db.url()).exitCode());
        try (TestDatabase empty = db.kind() == StoreLocation.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgres()) {
            CliRun again = CliRun.of("history", "import", first.toString(), "--db", empty.url(), "--out",
                    tmp.resolve("r2").toString());
            assertEquals(0, again.exitCode(), again.err());
            assertEquals("file,line,column,value,reason", Files.readString(tmp.resolve("r2/rejects.csv")).strip());
            CliRun exported = CliRun.of("history", "export", "--out", second.toString(), "--db", empty.url());
            assertEquals(0, exported.exitCode(), exported.err());
        }
        for (String file : DATA_FILES) {
            assertEquals(Files.readString(first.resolve(file)), Files.readString(second.resolve(file)), file);
        }
        assertEquals(DATA_FILES, List.of(first.toFile().list()).stream().sorted((a, b) ->
                DATA_FILES.indexOf(a) - DATA_FILES.indexOf(b)).toList(), "the export holds the five files only");
    }

    @Test
    void bothDatabasesExportTheSameFiles() throws Exception {
        try (TestDatabase h2 = TestDatabase.h2(); TestDatabase pg = TestDatabase.postgres()) {
            String pgUrl = pg.url();
            for (String url : List.of(h2.url(), pgUrl)) {
                assertEquals(5, CliRun.of("history", "import", "data/sample", "--db", url, "--out",
                        tmp.resolve("r").toString()).exitCode());
            }
            assertEquals(0, CliRun.of("history", "export", "--out", tmp.resolve("h2").toString(), "--db", h2.url())
                    .exitCode());
            assertEquals(0, CliRun.of("history", "export", "--out", tmp.resolve("pg").toString(), "--db", pgUrl)
                    .exitCode());
            for (String file : DATA_FILES) {
                assertEquals(Files.readString(tmp.resolve("h2").resolve(file)), Files.readString(tmp.resolve("pg").resolve(file)),
                        file);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReimportReplacesClaimsAndAddsOnlyNewDocumentation(TestDatabase db) throws Exception {
        Path v1 = DataFolder.in(tmp.resolve("v1"))
                .claims(claim("C1", "1").toString(), claim("C1", "2").set("cpt_code", "95971").toString(),
                        claim("C2", "1").set("patient_id", "P2").toString())
                .file("trial-outcomes.csv", "patient_id,documented_date,pain_relief_pct,note",
                        "P1,2025-03-01,60,\"7-day trial, good\"")
                .path();
        Path v2 = DataFolder.in(tmp.resolve("v2"))
                .claims(claim("C3", "1").set("patient_id", "P3").toString(),
                        claim("C1", "1").set("billed_amount", "$1,250.50").set("modifiers", "xu;59").toString())
                .file("trial-outcomes.csv", "note,patient_id,documented_date,pain_relief_pct",
                        "\"7-day trial, good\",P1,2025-03-01,60.0", "second,P1,2025-03-02,")
                .path();
        assertEquals(0, CliRun.of("history", "import", v1.toString(), "--db", db.url(), "--out",
                tmp.resolve("r1").toString()).exitCode());
        CliRun second = CliRun.of("history", "import", v2.toString(), "--db", db.url(), "--out",
                tmp.resolve("r2").toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("Stored as batch 2: 2 claims (1 replaced a stored claim of the same claim_id),"
                + " 2 claim lines, 1 documentation rows (1 more were identical to stored rows)\n"), second.out());
        assertTrue(second.out().contains("The history holds 3 claims, 3 claim lines and 2 documentation rows\n"),
                second.out());

        CliRun exported = CliRun.of("history", "export", "--out", tmp.resolve("x").toString(), "--db", db.url());
        assertEquals(0, exported.exitCode(), exported.err());
        assertEquals(String.join("\n",
                DataFolder.CLAIMS_HEADER,
                "C2,1,P2,MEDICARE,1234567893,2025-03-14,95970,,1,,11,,,100.00,",
                "C3,1,P3,MEDICARE,1234567893,2025-03-14,95970,,1,,11,,,100.00,",
                "C1,1,P1,MEDICARE,1234567893,2025-03-14,95970,XU;59,1,,11,,,1250.50,", ""),
                Files.readString(tmp.resolve("x/claims.csv")));
        assertEquals(String.join("\n",
                "patient_id,documented_date,pain_relief_pct,analgesic_reduction_pct,functional_improvement,rendering_npi,note",
                "P1,2025-03-01,60,,,,\"7-day trial, good\"",
                "P1,2025-03-02,,,,,second", ""),
                Files.readString(tmp.resolve("x/trial-outcomes.csv")));
        assertEquals("patient_id,evaluation_date,evaluator_credential\n",
                Files.readString(tmp.resolve("x/psych-evaluations.csv")));
        assertEquals(List.of(
                "nmaudit " + org.nmaudit.cli.VersionProvider.version() + " history export of " + db.url() + " to "
                        + tmp.resolve("x"),
                "  claims.csv                                  3 rows",
                "  trial-outcomes.csv                          2 rows",
                "  repeat-trial-justifications.csv             0 rows",
                "  programming-sessions.csv                    0 rows",
                "  psych-evaluations.csv                       0 rows"), exported.out().lines().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDataFolderThatCannotBeReadStoresNothing(TestDatabase db) throws Exception {
        assertEquals(0, CliRun.of("history", "import", DataFolder.in(tmp.resolve("ok")).claims(claim().toString()).path()
                .toString(), "--db", db.url(), "--out", tmp.resolve("r0").toString()).exitCode());
        Path broken = DataFolder.in(tmp.resolve("broken"))
                .claims(claim("C9", "1").toString())
                .file("trial-outcomes.csv", "patient_id,pain_relief_pct", "P1,50")
                .path();
        CliRun run = CliRun.of("history", "import", broken.toString(), "--db", db.url(), "--out",
                tmp.resolve("r1").toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("nmaudit: trial-outcomes.csv is missing required column: documented_date (the header names:"
                + " patient_id, pain_relief_pct); nothing was stored\n", run.err());
        try (HistoryStore store = db.open()) {
            assertEquals(new StoreCounts(1, 1, 1, 0, 0, 0, 0), store.counts());
        }
        CliRun missing = CliRun.of("history", "import", tmp.resolve("nowhere").toString(), "--db", db.url());
        assertEquals(2, missing.exitCode());
        assertEquals("nmaudit: data folder " + tmp.resolve("nowhere") + " does not exist or is not a folder; nothing"
                + " was stored\n", missing.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRowTheStoreCannotHoldStopsTheImportWithNothingStored(TestDatabase db) throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        for (String file : DATA_FILES) {
            Files.copy(Path.of("data/sample").resolve(file), data.resolve(file));
        }
        Files.writeString(data.resolve("claims.csv"), claim("LATE", "1").set("units", "1.0000000000001") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        StoreCounts before;
        try (HistoryStore store = db.open()) {
            store.record(List.of(HistoryStoreTest.line("KEEP", 1, "P1", "95970")), List.of(), "before");
            before = store.counts();
        }
        // The bad row is the last line of claims.csv: into an H2 copy, the import has committed the 31,725 rows
        // before it (it commits as it goes), and the copy is thrown away.
        CliRun run = CliRun.of("history", "import", data.toString(), "--db", db.url(), "--out", tmp.resolve("r").toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("nmaudit: claims.csv line 31727: units 1.0000000000001 has 13 decimals; the history store keeps at"
                + " most 12; nothing was stored\n", run.err());
        try (HistoryStore store = db.open()) {
            assertEquals(before, store.counts());
            assertEquals(List.of("KEEP/1 P1 95970"), HistoryStoreTest.describe(store.factsOfPatients(List.of("P1"))));
        }
        if (db.kind() == StoreLocation.Kind.H2) {
            assertEquals(List.of(), KilledImportTest.leftovers(Path.of(db.url().substring("jdbc:h2:file:".length()))));
        }
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        for (String url : List.of("jdbc:postgresql://127.0.0.1:5432/test?user=a&password=s3cret",
                "jdbc:postgresql://a:s3cret@127.0.0.1/test", "jdbc:h2:file:/tmp/x;USER=a;PASSWORD=s3cret")) {
            CliRun run = CliRun.of("history", "export", "--out", tmp.resolve("x").toString(), "--db", url);
            assertEquals(2, run.exitCode(), url);
            assertEquals("nmaudit: the --db URL contains a password; a command line is visible to other users of the"
                    + " machine and stays in the shell history, so nmaudit refuses it: remove the password from the URL"
                    + " and set it in the environment variable NMAUDIT_DB_PASSWORD (the user in NMAUDIT_DB_USER)\n",
                    run.err(), url);
            assertFalse(run.err().contains("s3cret"));
        }
    }

    @Test
    void anUnreachableOrUnknownDatabaseIsAMessageNotAStackTrace() {
        CliRun refused = CliRun.of("history", "export", "--out", tmp.resolve("x").toString(), "--db",
                "jdbc:postgresql://127.0.0.1:1/test");
        assertEquals(2, refused.exitCode());
        assertEquals("nmaudit: cannot reach the history database jdbc:postgresql://127.0.0.1:1/test (Connection to"
                + " 127.0.0.1:1 refused. Check that the hostname and port are correct and that the postmaster is"
                + " accepting TCP/IP connections.); is the server running and are host, port and database in --db"
                + " right?\n", refused.err());
        CliRun other = CliRun.of("history", "import", "data/sample", "--db", "jdbc:mysql://127.0.0.1/history");
        assertEquals(2, other.exitCode());
        assertEquals("nmaudit: --db jdbc:mysql://127.0.0.1/history is not a database URL nmaudit can use; give"
                + " jdbc:postgresql://HOST[:PORT]/DATABASE for PostgreSQL or jdbc:h2:file:PATH for an embedded database"
                + " file (without --db: nmaudit-history/history under the working folder)\n", other.err());
        assertEquals("", other.out());
    }

    @Test
    void theHistoryGroupNamesItsSubcommands() {
        CliRun bare = CliRun.of("history");
        assertEquals(2, bare.exitCode());
        assertTrue(bare.err().startsWith("name a subcommand: import or export\n"), bare.err());
        CliRun help = CliRun.of("history", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("\n  import  Validates a data folder exactly as an audit does"), help.out());
        assertTrue(help.out().contains("\n  export  Writes the stored rows back as a data set"), help.out());
        CliRun importHelp = CliRun.of("history", "import", "--help");
        assertTrue(importHelp.out().contains("  5   stored, some input rows rejected and not stored (see rejects.csv)"),
                importHelp.out());
    }

    @Test
    void theDefaultDatabaseIsAFileUnderTheWorkingFolder() throws HistoryException, IOException {
        StoreLocation location = StoreLocation.defaultIn(tmp);
        assertEquals("jdbc:h2:file:" + tmp.toAbsolutePath().normalize().resolve("nmaudit-history/history"),
                location.jdbcUrl());
        assertEquals(StoreLocation.Kind.H2, location.kind());
        assertEquals(StoreLocation.defaultIn(Path.of("")).jdbcUrl(), StoreLocation.of(null).jdbcUrl());
        try (HistoryStore store = HistoryStore.open(location, Credentials.NONE, 1)) {
            assertTrue(Files.isRegularFile(tmp.resolve("nmaudit-history/history.mv.db")), "created on first use");
            assertEquals(new StoreCounts(0, 0, 0, 0, 0, 0, 0), store.counts());
        }
    }
}
