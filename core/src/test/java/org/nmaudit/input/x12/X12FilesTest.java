package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmaudit.input.x12.X12Text.billingAndSubscriber;
import static org.nmaudit.input.x12.X12Text.concat;
import static org.nmaudit.input.x12.X12Text.professional;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.input.ClaimLineValidator;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.Reject;

/** Which files are X12, which versions are read, and what stops a run (exit code 2) with the file named. */
class X12FilesTest {
    private static final String[] CLAIM = {"CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961", "LX*1",
        "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250505"};

    @TempDir
    Path dir;

    private InputException failure(String name, String text) {
        return assertThrows(InputException.class, () -> X12Harness.read(dir, name, text));
    }

    @Test
    void aDataFolderHoldsX12FilesByNameEndingOrByTheirFirstBytes() throws InputException {
        X12Text.write(dir, "a.837", "x");
        X12Text.write(dir, "B.EDI", "x");
        X12Text.write(dir, "c.835", "x");
        X12Text.write(dir, "d.x12", "x");
        X12Text.write(dir, "batch-0501.txt", "ISA*00*...");
        X12Text.write(dir, "notes.txt", "IS not X12");
        X12Text.write(dir, "claims.csv", "claim_id\n");
        assertEquals(List.of("B.EDI", "a.837", "batch-0501.txt", "c.835", "d.x12"),
                X12DataFiles.find(dir).stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aVersionOtherThan5010IsRefusedNamingTheFile() {
        String x4010 = X12Text.interchange("250501", "HC", "837", "004010X098A1", List.of(CLAIM));
        assertEquals("old.837 segment 3: GS08 004010X098A1 of ST*837 is not a version nmaudit reads; it reads"
                + " 005010X222A1 or 005010X222A2 (837P), 005010X223A2 or 005010X223A3 (837I), 005010X221A1 (835)",
                failure("old.837", x4010).getMessage());
        String professionalAs835 = X12Text.interchange("250501", "HP", "835", "005010X222A1", List.of());
        assertEquals("r.835 segment 3: GS08 005010X222A1 of ST*835 is not a version nmaudit reads; it reads"
                + " 005010X222A1 or 005010X222A2 (837P), 005010X223A2 or 005010X223A3 (837I), 005010X221A1 (835)",
                failure("r.835", professionalAs835).getMessage());
    }

    @Test
    void otherTransactionSetsAndMixedFilesAreRefused() {
        String ack = X12Text.interchange("250501", "FA", "999", "005010X231A1", List.of("AK1*HC*1*005010X222A1"));
        assertEquals("ack.x12 segment 3: ST01 999 is a transaction set nmaudit does not read; it reads 837 claims and"
                + " 835 remittances", failure("ack.x12", ack).getMessage());
        String mixed = professional("250501", concat(billingAndSubscriber("MB"), CLAIM))
                + X12Text.remittance("250501", "LX*1");
        assertEquals("both.x12 holds both 837 claims and 835 remittances; nmaudit reads each file as one or the other,"
                + " so put them in separate files", failure("both.x12", mixed).getMessage());
    }

    @Test
    void aFileThatIsNotX12SaysSo() {
        assertEquals("notes.edi cannot be read as X12: it must start with an ISA interchange header (EDIE003 -"
                + " Invalid processing state at offset 1; INVALID (previous: INITIAL); input: 'h')",
                failure("notes.edi", "hello, world\n").getMessage());
        assertEquals("empty.x12 cannot be read as X12: it must start with an ISA interchange header (EDIE005 -"
                + " Unexpected end of stream at offset 0)", failure("empty.x12", "").getMessage());
    }

    @Test
    void aWrongEnvelopeCountIsAWarningAndTheClaimsAreStillRead() throws InputException {
        String text = professional("250501", concat(billingAndSubscriber("MB"), CLAIM)).replaceFirst(
                "SE\\*\\d+\\*0001", "SE*5*0001");
        X12Harness r = X12Harness.read(dir, "p.837", text);
        assertEquals(List.of("p.837 1 1 0"), r.counts());
        assertEquals("p.837 segment 20: SE01 5 does not match the number of segments or groups actually sent",
                r.warnings().get(0));
    }

    @Test
    void aRequestBodyIsReadLikeAFile() throws InputException {
        byte[] body = ("\uFEFF" + professional("250501", concat(billingAndSubscriber("MB"), CLAIM)))
                .getBytes(StandardCharsets.UTF_8);
        List<ClaimLine> lines = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        X12Reading reading = new X12DataFiles(ReadProgress.SILENT).readSources(List.of(X12Source.of("body.837", body)),
                new ClaimLineValidator(), lines::add, rejects::add);
        assertEquals(List.of("C1,1,MRN1,MEDICARE,1493258762,2025-05-05,95972,,1,M96.1,11,,,100,"),
                ClaimRowText.rows(lines));
        assertEquals(List.of(), rejects);
        assertEquals("body.837 837P 1 1 0", reading.files().get(0).fileName() + " "
                + reading.files().get(0).x12().transactions() + " " + reading.files().get(0).rowsRead() + " "
                + reading.files().get(0).rowsLoaded() + " " + reading.files().get(0).rowsRejected());
    }
}
