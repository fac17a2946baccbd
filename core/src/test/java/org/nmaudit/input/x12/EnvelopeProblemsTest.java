package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmaudit.input.x12.X12Text.billingAndSubscriber;
import static org.nmaudit.input.x12.X12Text.concat;
import static org.nmaudit.input.x12.X12Text.professional;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/**
 * What a file with a broken envelope gives: the scanner passes such a file to StAEDI, which words the
 * problem, so each text here is the one StAEDI gave before the scanner read any data. The segments of
 * {@link #FILE}: ISA 1, GS 2, ST 3, the claim 4-19, SE 20, GE 21, IEA 22, one per line.
 */
class EnvelopeProblemsTest {
    private static final String[] CLAIM = {"CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961", "LX*1",
        "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250505"};
    private static final String FILE = professional("250501", concat(billingAndSubscriber("MB"), CLAIM));
    private static final String LOADED = "C1,1,MRN1,MEDICARE,1493258762,2025-05-05,95972,,1,M96.1,11,,,100,";
    private static final String REMITTANCE = X12Text.remittance("250701", "LX*1", "CLP*C1*1*100*80**MB*PCN1",
            "SVC*HC:95972*100*80**1", "DTM*472*20250505");

    @TempDir
    Path dir;

    /** The file with one segment replaced, and the warnings and lines it gives. */
    private X12Harness read(String from, String to) throws InputException {
        String text = FILE.replace(from, to);
        assertEquals(false, text.equals(FILE), from);
        return X12Harness.read(dir, "p.837", text);
    }

    private void assertOneWarning(String expected, X12Harness read) {
        assertEquals(expected, read.warnings().get(0));
        assertEquals(List.of(LOADED), read.rows());
    }

    @Test
    void aTransactionSetTrailerWithAnotherControlNumberIsAWarning() throws InputException {
        assertOneWarning("p.837 segment 20: SE02 0002 does not match the control number of the matching header segment",
                read("SE*18*0001", "SE*18*0002"));
    }

    @Test
    void aGroupTrailerWithAnotherCountOrControlNumberIsAWarning() throws InputException {
        assertOneWarning("p.837 segment 21: GE01 3 does not match the number of segments or groups actually sent",
                read("GE*1*1", "GE*3*1"));
        assertOneWarning("p.837 segment 21: GE02 7 does not match the control number of the matching header segment",
                read("GE*1*1", "GE*1*7"));
    }

    @Test
    void anInterchangeTrailerWithAnotherCountOrControlNumberIsAWarning() throws InputException {
        assertOneWarning("p.837 segment 22: IEA01 2 does not match the number of segments or groups actually sent",
                read("IEA*1*000000001", "IEA*2*000000001"));
        assertOneWarning("p.837 segment 22: IEA02 000000009 does not match the control number of the matching header"
                + " segment", read("IEA*1*000000001", "IEA*1*000000009"));
    }

    @Test
    void aTransactionSetWithoutItsTrailerIsAWarning() throws InputException {
        assertOneWarning("p.837 segment 20: GE SE: mandatory segment missing", read("SE*18*0001~\n", ""));
    }

    @Test
    void aSegmentBetweenTwoTransactionSetsIsAWarning() throws InputException {
        assertOneWarning("p.837 segment 21: XYZ XYZ: segment not in defined transaction set",
                read("SE*18*0001~\n", "SE*18*0001~\nXYZ*1~\n"));
    }

    @Test
    void aTruncatedFileCannotBeRead() {
        String cut = FILE.substring(0, FILE.indexOf("SE*"));
        assertEquals("p.837 cannot be read as X12 after segment 19 (line 19): EDIE005 - Unexpected end of stream after"
                + " segment DTP at position 19", failure("p.837", cut.getBytes(StandardCharsets.UTF_8)));
        String inSegment = FILE.substring(0, FILE.indexOf("SV1*HC:95972") + 8);
        assertEquals("p.837 cannot be read as X12 after segment 18 (line 18): EDIE005 - Unexpected end of stream in"
                + " segment SV1 at position 18, element 1, component 1",
                failure("p.837", inSegment.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bytesThatAreNotUtf8CannotBeRead() {
        byte[] bytes = FILE.replace("REF*EA*MRN1", "REF*EA*MR#N1").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '#') {
                bytes[i] = (byte) 0xC3; // the first byte of a two-byte character, followed by an ASCII letter
            }
        }
        assertEquals("p.837 cannot be read as X12 after segment 15 (line 15): Error parsing input in segment REF at"
                + " position 15, element 1", failure("p.837", bytes));
    }

    @Test
    void aCharacterBeyondTheBasicMultilingualPlaneCannotBeRead() {
        byte[] bytes = FILE.replace("REF*EA*MRN1", "REF*EA*MRN\uD83D\uDE00").getBytes(StandardCharsets.UTF_8);
        assertEquals("p.837 cannot be read as X12 after segment 15 (line 15): Error parsing input in segment REF at"
                + " position 15, element 1", failure("p.837", bytes));
    }

    @Test
    void aRemittanceWithAWrongCountIsReadWithTheWarning() throws InputException {
        String broken = REMITTANCE.replace("SE*10*0001", "SE*3*0001");
        assertEquals(false, broken.equals(REMITTANCE));
        X12Harness r = X12Harness.read(dir, "p.837", FILE, "r.835", broken);
        assertEquals("r.835 segment 12: SE01 3 does not match the number of segments or groups actually sent",
                r.warnings().get(0));
        assertEquals(List.of(LOADED.replace(",100,", ",100,80")), r.rows());
    }

    @Test
    void aRemittanceThatIsNotUtf8CannotBeRead() throws IOException {
        byte[] bytes = REMITTANCE.replace("CLP*C1", "CLP*C#1").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '#') {
                bytes[i] = (byte) 0xFF;
            }
        }
        Files.write(dir.resolve("r.835"), bytes);
        assertEquals("r.835 cannot be read as X12 after segment 9 (line 9): Error parsing input in segment CLP at"
                + " position 9", assertThrows(InputException.class, () -> read(List.of(dir.resolve("r.835"))))
                        .getMessage());
    }

    private String failure(String name, byte[] bytes) {
        try {
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return assertThrows(InputException.class, () -> read(List.of(dir.resolve(name)))).getMessage();
    }

    private static void read(List<Path> files) throws InputException {
        List<ClaimLine> lines = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        new X12DataFiles(ReadProgress.SILENT).read(files, new ClaimLineValidator(), lines::add, rejects::add);
    }
}
