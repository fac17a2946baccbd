package org.nmaudit.scrub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.history.TestDatabase;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.testing.CliRun;

/**
 * A scrub batch that is one 837 file, as the billing system is about to send it: given as the file itself, as a
 * folder holding it, or as its bytes (an HTTP body), the same claims and the same verdicts. The history is
 * data/x12's May claims and documentation; the batch is its June 837.
 */
class ScrubX12BatchTest {
    private static final Path JUNE = Path.of("data", "x12", "professional-2025-06-10.837");

    @TempDir
    Path tmp;

    @Test
    void an837FileIsABatchLikeAFolderHoldingIt() throws Exception {
        Path history = Files.createDirectories(tmp.resolve("history"));
        for (String f : List.of("professional-2025-05-01.837", "facility-2025-05-02.837", "trial-outcomes.csv",
                "psych-evaluations.csv")) {
            Files.copy(Path.of("data", "x12", f), history.resolve(f));
        }
        Path folder = Files.createDirectories(tmp.resolve("june"));
        Files.copy(JUNE, folder.resolve(JUNE.getFileName()));

        try (TestDatabase db = TestDatabase.h2()) {
            CliRun imported = CliRun.of("history", "import", history.toString(), "--db", db.url(), "--out",
                    tmp.resolve("import").toString());
            assertEquals(5, imported.exitCode(), imported::toString); // data/x12's May file has rejected lines

            CliRun asFile = CliRun.of("scrub", JUNE.toString(), "--db", db.url(), "--out", tmp.resolve("f").toString());
            assertEquals(0, asFile.exitCode(), asFile::toString);
            assertEquals(List.of(
                    "claim_id,patient_id,verdict,findings,highest_severity,billed_amount,first_message",
                    "P1003,MRN1001,PASS,0,,190.00,",
                    "P1004,MRN1001,REVIEW,1,MEDIUM,380.00,\"95971 on 2025-06-02 is 28 days after the previous"
                            + " analysis/programming line (claim P1003 line 1, 95972 on 2025-05-05); one is allowed"
                            + " every 30 days outside the first month after an implant.\"",
                    "P2003,XYZ123456789:DOE:ANNA:19800212,PASS,0,,240.00,"),
                    Files.readAllLines(tmp.resolve("f").resolve("scrub.csv")));

            CliRun asFolder = CliRun.of("scrub", folder.toString(), "--db", db.url(), "--out",
                    tmp.resolve("d").toString());
            assertEquals(0, asFolder.exitCode(), asFolder::toString);
            for (String file : List.of("scrub.csv", "findings.csv", "rejects.csv")) {
                assertArrayEquals(Files.readAllBytes(tmp.resolve("d").resolve(file)),
                        Files.readAllBytes(tmp.resolve("f").resolve(file)), file);
            }
        }
    }

    @Test
    void theBytesOfAn837AreTheBatchItsFileIs() throws Exception {
        ScrubBatch fromFile = ScrubBatch.read(JUNE, ReadProgress.SILENT);
        ScrubBatch fromBytes = ScrubBatch.readX12(JUNE.getFileName().toString(), Files.readAllBytes(JUNE));
        assertEquals(List.of("P1003", "P1004", "P2003"), fromBytes.claims().stream().map(BatchClaim::claimId).toList());
        assertEquals(lines(fromFile), lines(fromBytes));
        assertEquals(fromFile.summary().files(), fromBytes.summary().files());
        assertEquals(fromFile.summary().warnings(), fromBytes.summary().warnings());
    }

    @Test
    void aCsvFileGivenAsTheBatchIsRefusedWithWhatToGive() {
        CliRun run = CliRun.of("scrub", "data/scrub-batch/claims.csv", "--out", tmp.resolve("x").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("nmaudit: data/scrub-batch/claims.csv is a file; give the data folder that holds claims.csv"
                + " (and any documentation files), or an X12 file: a name ending in .837, .835, .x12, .edi, or content"
                + " starting with ISA", run.err().strip());
    }

    private static List<String> lines(ScrubBatch batch) {
        return batch.claims().stream().flatMap(c -> c.lines().stream()).map(ClaimLine::toString).toList();
    }
}
