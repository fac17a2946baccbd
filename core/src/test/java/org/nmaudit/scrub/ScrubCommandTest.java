package org.nmaudit.scrub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.history.TestDatabase;
import org.nmaudit.testing.CliRun;

/**
 * {@code nmaudit scrub} and {@code audit --db} on the shipped example: the sample practice imported as the history,
 * then data/scrub-batch (a held, a review, a pass and a rejected claim) and data/scrub-batch-corrected (the rejected
 * line fixed) scrubbed against it, on the embedded store and on PostgreSQL.
 */
class ScrubCommandTest {
    @TempDir
    Path tmp;

    static List<TestDatabase> databases() {
        return TestDatabase.both().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theExampleBatchGetsEveryVerdictAndTheCorrectedOneIsRecorded(TestDatabase db) throws Exception {
        // JUnit closes the database (an AutoCloseable argument) after the test
        CliRun imported = CliRun.of("history", "import", "data/sample", "--db", db.url(), "--out",
                tmp.resolve("import").toString());
        assertEquals(5, imported.exitCode(), imported.err());

        Path first = tmp.resolve("first");
        CliRun scrub = CliRun.of("scrub", "data/scrub-batch", "--db", db.url(), "--out", first.toString());
        assertEquals(5, scrub.exitCode(), "a rejected row: 5, before 4 (a held claim)\n" + scrub);
        assertEquals(List.of(
                "nmaudit scrub: 4 claim(s), as of 2026-01-16 (latest service_date of the history and the batch)",
                "claim_id  patient_id  verdict   findings  highest ",
                "B-1001    P00000010   REVIEW           1  MEDIUM  ",
                "B-1002    P00001528   HOLD             1  HIGH    ",
                "    NM-POS-PERM: 63685 on 2026-01-14 is billed with place of service 11 (office); a permanent"
                        + " neurostimulator m...",
                "B-1003    P00001693   REJECTED         -          ",
                "    claims.csv line 5: rendering_npi 1234567890 fails the NPI check digit",
                "B-1004    P00000001   PASS             0          ",
                "Verdicts: REJECTED 1, HOLD 1, REVIEW 1, PASS 1",
                "Rows rejected: 1 (see rejects.csv)",
                "Output folder: " + first), scrub.out().lines().toList());
        assertEquals(List.of(
                "claim_id,patient_id,verdict,findings,highest_severity,billed_amount,first_message",
                "B-1001,P00000010,REVIEW,1,MEDIUM,160.00,\"95972 on 2026-01-12 is 16 days after the previous"
                        + " analysis/programming line (claim C000000132 line 1, 95971 on 2025-12-27); one is"
                        + " allowed every 30 days outside the first month after an implant.\"",
                "B-1002,P00001528,HOLD,1,HIGH,1250.00,63685 on 2026-01-14 is billed with place of service 11"
                        + " (office); a permanent neurostimulator must be placed in an ASC or a hospital.",
                "B-1003,P00001693,REJECTED,0,,180.00,",
                "B-1004,P00000001,PASS,0,,110.00,"), Files.readAllLines(first.resolve("scrub.csv")));
        assertEquals(List.of("file,line,column,value,reason",
                "claims.csv,5,rendering_npi,1234567890,rendering_npi 1234567890 fails the NPI check digit"),
                Files.readAllLines(first.resolve("rejects.csv")));
        assertEquals(List.of("findings.csv", "findings.json", "rejects.csv", "run.json", "scrub.csv"),
                files(first));
        JsonNode run = new ObjectMapper().readTree(first.resolve("run.json").toFile());
        assertEquals("{\"REJECTED\":1,\"HOLD\":1,\"REVIEW\":1,\"PASS\":1}",
                run.get("scrub").get("verdicts").toString());
        assertTrue(run.get("scrub").get("recorded").isNull(), "nothing recorded without --record");
        assertEquals(2, run.get("findings_total").asInt());

        Path second = tmp.resolve("second");
        CliRun corrected = CliRun.of("scrub", "data/scrub-batch-corrected", "--db", db.url(), "--out",
                second.toString(), "--record");
        assertEquals(4, corrected.exitCode(), "B-1002 held\n" + corrected);
        assertTrue(corrected.out().contains("B-1002    P00001528   HOLD"), corrected.out());
        assertTrue(corrected.out().contains("Recorded in the history: 3 claim(s) (PASS and REVIEW) and 1"
                + " documentation row(s)"), corrected.out());
        try (HistoryStore store = HistoryStore.open(db.url())) {
            assertEquals(List.of("B-1003", "B-1003"), claimsOf(store, "P00001693", "B-1"));
            assertEquals(List.of(), claimsOf(store, "P00001528", "B-1"), "a held claim is never recorded");
            assertEquals(List.of("B-1001"), claimsOf(store, "P00000010", "B-1"));
            assertEquals(List.of("B-1004"), claimsOf(store, "P00000001", "B-1"));
        }
        // Scrubbed again, the recorded claims replace themselves: the same verdicts.
        CliRun again = CliRun.of("scrub", "data/scrub-batch-corrected", "--db", db.url(), "--out",
                tmp.resolve("again").toString());
        assertEquals(4, again.exitCode(), again::toString);
        assertArrayEquals(Files.readAllBytes(second.resolve("scrub.csv")),
                Files.readAllBytes(tmp.resolve("again").resolve("scrub.csv")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAuditOfTheStoreIsTheAuditOfADataSetHoldingItsRows(TestDatabase db) throws Exception {
        // JUnit closes the database (an AutoCloseable argument) after the test
        // The export is the data set holding the stored rows; imported again, each row's source line is the
        // export's, as the audit of the export names it.
        Path first = tmp.resolve("first-store");
        try (TestDatabase staging = TestDatabase.h2()) {
            assertEquals(5, CliRun.of("history", "import", "data/sample", "--db", staging.url(), "--out",
                    tmp.resolve("i1").toString()).exitCode());
            assertEquals(0, CliRun.of("history", "export", "--db", staging.url(), "--out",
                    first.toString()).exitCode());
        }
        assertEquals(0, CliRun.of("history", "import", first.toString(), "--db", db.url(), "--out",
                tmp.resolve("i2").toString()).exitCode());
        CliRun fromStore = CliRun.of("audit", "--db", db.url(), "--out", tmp.resolve("store").toString());
        assertEquals(0, fromStore.exitCode(), fromStore::toString);
        CliRun fromFiles = CliRun.of("audit", first.toString(), "--out", tmp.resolve("files").toString());
        assertEquals(0, fromFiles.exitCode(), fromFiles::toString);
        for (String file : List.of("findings.csv", "provider-ratios.csv", "rejects.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("files").resolve(file)),
                    Files.readAllBytes(tmp.resolve("store").resolve(file)), file);
        }
        JsonNode run = new ObjectMapper().readTree(tmp.resolve("store").resolve("run.json").toFile());
        assertEquals("claim history " + db.url(), run.get("data_folder").asText());
        CliRun period = CliRun.of("audit", "--db", db.url(), "--period", "2025-11", "--out",
                tmp.resolve("store-period").toString());
        CliRun periodFiles = CliRun.of("audit", first.toString(), "--period", "2025-11", "--out",
                tmp.resolve("files-period").toString());
        assertEquals(0, period.exitCode(), period::toString);
        assertEquals(0, periodFiles.exitCode(), periodFiles::toString);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("files-period").resolve("findings.csv")),
                Files.readAllBytes(tmp.resolve("store-period").resolve("findings.csv")));
    }

    @org.junit.jupiter.api.Test
    void aDataFolderAndTheStoreAtOnceOrNeitherIsAUsageError() {
        CliRun both = CliRun.of("audit", "data/sample", "--db", "--out", tmp.resolve("x").toString());
        assertEquals(2, both.exitCode());
        assertEquals("nmaudit: name a data folder (DATA_DIR) or the claim history (--db [URL]), not both\n", both.err());
        CliRun neither = CliRun.of("audit", "--out", tmp.resolve("x").toString());
        assertEquals(2, neither.exitCode());
        assertEquals("nmaudit: name a data folder (DATA_DIR) or the claim history (--db [URL]), not neither\n",
                neither.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @org.junit.jupiter.api.Test
    void anUnreachableDatabaseIsExit2WithAMessage() {
        CliRun run = CliRun.of("scrub", "data/scrub-batch", "--db", "jdbc:postgresql://127.0.0.1:1/none", "--out",
                tmp.resolve("x").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("nmaudit: "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    private static List<String> claimsOf(HistoryStore store, String patient, String prefix) throws Exception {
        return store.factsOfPatients(List.of(patient)).stream().filter(ClaimLine.class::isInstance)
                .map(PatientFact.class::cast).map(f -> ((ClaimLine) f).getClaimId()).filter(id -> id.startsWith(prefix))
                .toList();
    }

    private static List<String> files(Path folder) throws Exception {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
