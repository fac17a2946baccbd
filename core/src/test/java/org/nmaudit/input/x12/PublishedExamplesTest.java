package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.input.ClaimLineValidator;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.Reject;

/**
 * The published 005010 examples of core/src/test/resources/x12/published (sources in its README.md): they
 * read without a crash, and every line is loaded or rejected for a reason a billing analyst can act on.
 */
class PublishedExamplesTest {
    private static final Path FOLDER = Path.of("core/src/test/resources/x12/published");

    @Test
    void everyLineOfTheTr3ExamplesIsRejectedForItsIcd9QualifierOrItsTestNpi() throws InputException {
        List<ClaimLine> lines = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        X12Reading reading = new X12DataFiles(ReadProgress.SILENT).read(X12DataFiles.find(FOLDER),
                new ClaimLineValidator(), lines::add, rejects::add);
        assertEquals(List.of(), lines);
        String icd9 = "ICD-9 qualifier BK; ICD-10 ABK/ABF expected";
        String unreadable = "could not be read (a segment starts with a tag of 2-3 letters or digits), so the lines of"
                + " claim 756048Q are not loaded";
        List<String> perLine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            perLine.add("demo.cob.example3.A.837|32|diagnosis_codes|BK:4779|2300 HI-01: " + icd9);
            perLine.add("demo.cob.example3.A.837|33|rendering_npi|1999996666|2310B NM1-09: rendering_npi 1999996666"
                    + " fails the NPI check digit");
        }
        for (String pointed : new String[] {"BK:0340|2300 HI-01: " + icd9, "BK:0340|2300 HI-01: " + icd9,
            "BF:V7389|2300 HI-02: ICD-9 qualifier BF; ICD-10 ABK/ABF expected",
            "BF:V7389|2300 HI-02: ICD-9 qualifier BF; ICD-10 ABK/ABF expected"}) {
            perLine.add("demo.example1.837|29|diagnosis_codes|" + pointed);
        }
        for (int i = 0; i < 2; i++) {
            perLine.add("institutional-claim.837i|26||HI:BF:4019*BF:79431|2300 segment 26: 'HI:BF:4019*BF:79431' "
                    + unreadable);
            perLine.add("institutional-claim.837i|29||HI:BG:09|2300 segment 29: 'HI:BG:09' " + unreadable);
            perLine.add("institutional-claim.837i|10|rendering_npi||2010AA NM1-09: rendering_npi is required and is"
                    + " blank");
        }
        String testNpi = "|rendering_npi|1234567890|2010AA NM1-09: rendering_npi 1234567890 fails the NPI check digit";
        for (int i = 0; i < 2; i++) {
            perLine.add("two-claims-single-provider.837i|24|diagnosis_codes|BK:3669|2300 HI-01: " + icd9);
            perLine.add("two-claims-single-provider.837i|10" + testNpi);
        }
        perLine.add("two-claims-single-provider.837i|44|diagnosis_codes|BK:30000|2300 HI-01: " + icd9);
        perLine.add("two-claims-single-provider.837i|10" + testNpi);
        assertEquals(perLine, ClaimRowText.rejects(rejects));
        assertEquals(List.of(
                "demo.cob.example3.A.837 837P read 3 loaded 0 rejected 3 matched 0 unmatched 0",
                "demo.example1.837 837P read 4 loaded 0 rejected 4 matched 0 unmatched 0",
                "institutional-claim.837i 837I read 2 loaded 0 rejected 2 matched 0 unmatched 0",
                "managed-care.835 835 read 2 loaded 2 rejected 0 matched 0 unmatched 2",
                "medicare-part-a.835 835 read 0 loaded 0 rejected 0 matched 0 unmatched 0",
                "secondary-payment.835 835 read 2 loaded 2 rejected 0 matched 0 unmatched 2",
                "two-claims-single-provider.837i 837I read 3 loaded 0 rejected 3 matched 0 unmatched 0"),
                reading.files().stream().map(f -> f.fileName() + " " + f.x12().transactions() + " read " + f.rowsRead()
                        + " loaded " + f.rowsLoaded() + " rejected " + f.rowsRejected() + " matched "
                        + f.x12().linesMatched() + " unmatched " + f.x12().linesUnmatched()).toList());
        assertEquals(List.of(
                "managed-care.835 segment 16: service payment HC:99211 of claim 5554555444 (paid 500.00) matches no 837"
                        + " line: no 837 claim 5554555444 was read",
                "managed-care.835 segment 23: service payment HC:93555 of claim 8765432112 (paid 550.00) matches no 837"
                        + " line: no 837 claim 8765432112 was read",
                "medicare-part-a.835 segment 15: claim 666123 is paid 138018.40 at claim level only (CLP04, no service"
                        + " lines); it cannot be split across lines, so their paid_amount stays blank",
                "medicare-part-a.835 segment 24: claim 777777 is paid 11980.33 at claim level only (CLP04, no service"
                        + " lines); it cannot be split across lines, so their paid_amount stays blank",
                "secondary-payment.835 segment 16: claim L0004828311 is paid 912.00 at claim level only (CLP04, no"
                        + " service lines); it cannot be split across lines, so their paid_amount stays blank",
                "secondary-payment.835 segment 29: service payment HC>12345>26 of claim 0001000053 (paid 30.00) matches"
                        + " no 837 line: no 837 claim 0001000053 was read",
                "secondary-payment.835 segment 34: service payment HC>66543>26 of claim 0001000053 (paid 280.00)"
                        + " matches no 837 line: no 837 claim 0001000053 was read",
                "demo.cob.example3.A.837: patient_id from the dependent key <member id>:<last name>:<first name>:<birth"
                        + " date> on 1 claim; documentation files keyed by medical record number do not join to member"
                        + " ids",
                "demo.cob.example3.A.837: rendering_npi_source=2310B on 3 lines",
                "demo.example1.837: patient_id from the dependent key <member id>:<last name>:<first name>:<birth date>"
                        + " on 1 claim; documentation files keyed by medical record number do not join to member ids",
                "demo.example1.837: rendering_npi_source=2010AA on 4 lines (2010AA is the billing provider's NPI, which"
                        + " the TR3 intends when the billing provider rendered the service)",
                "institutional-claim.837i segment 26 (line 26): 'HI:BF:4019*BF:79431' is not a well-formed segment (a"
                        + " segment starts with a tag of 2-3 letters or digits) and was skipped",
                "institutional-claim.837i segment 29 (line 29): 'HI:BG:09' is not a well-formed segment (a segment"
                        + " starts with a tag of 2-3 letters or digits) and was skipped",
                "institutional-claim.837i segment 45: SE02 987654 does not match the control number of the matching"
                        + " header segment",
                "institutional-claim.837i: patient_id from 2010BA NM1-09 (member id) on 1 claim; documentation files"
                        + " keyed by medical record number do not join to member ids",
                "two-claims-single-provider.837i: patient_id from 2010BA NM1-09 (member id) on 2 claims; documentation"
                        + " files keyed by medical record number do not join to member ids"),
                reading.warnings());
    }

    @Test
    void aVersionWithoutItsAddendaIsRefusedWithTheFileAndSegmentNamed() {
        InputException e = assertThrows(InputException.class, () -> new X12DataFiles(ReadProgress.SILENT).read(
                List.of(FOLDER.resolve("refused/sample837-original.edi")), new ClaimLineValidator(), l -> { },
                r -> { }));
        assertEquals("sample837-original.edi segment 3: GS08 005010X222 of ST*837 is not a version nmaudit reads; it"
                + " reads 005010X222A1 or 005010X222A2 (837P), 005010X223A2 or 005010X223A3 (837I), 005010X221A1 (835)",
                e.getMessage());
    }
}
