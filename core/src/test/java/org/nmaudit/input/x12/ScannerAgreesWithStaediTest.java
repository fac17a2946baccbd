package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.x12.X12Text.billingAndSubscriber;
import static org.nmaudit.input.x12.X12Text.concat;
import static org.nmaudit.input.x12.X12Text.professional;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner reads a file's data only when it is plain and its envelope passes: then StAEDI reads the same
 * segments, elements and texts from it and reports nothing. Every other file is left to StAEDI; these
 * cases show which.
 */
class ScannerAgreesWithStaediTest {
    private static final String[] CLAIM = {"CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961*ABF:G894",
        "LX*1", "SV1*HC:95972:26*100*UN*1***1:2", "DTP*472*D8*20250505", "REF*6R*C1-1"};
    private static final String FILE = professional("250501", concat(billingAndSubscriber("MB"), CLAIM));

    static Stream<Arguments> variants() {
        return Stream.of(
                // read on the scanner
                variant("as written", FILE, true),
                variant("on one line", FILE.replace("\n", ""), true),
                variant("with CR LF", FILE.replace("\n", "\r\n"), true),
                variant("after a byte-order mark", "\uFEFF\n" + FILE, true),
                variant("with empty and trailing elements and components",
                        FILE.replace("SV1*HC:95972:26*100", "SV1*HC::95972:26::*100").replace("REF*EA*MRN1", "REF*EA*MRN1**"),
                        true),
                variant("with repeated elements", FILE.replace("HI*ABK:M961*ABF:G894", "HI*ABK:M961^ABF:X1*^ABF:G894"), true),
                variant("with spaces inside elements", FILE.replace("REF*EA*MRN1", "REF*EA*  MRN1  "), true),
                variant("with letters beyond ASCII", FILE.replace("RIVERA*MARIA", "MUÑOZ*JOSÉ").replace("MRN1", "MRNÄ1"),
                        true),
                variant("with other delimiters", FILE.replace('*', '|').replace(':', '>'), true),
                variant("with a second interchange", FILE + FILE.replace("000000001", "000000002"), true),
                variant("without ST03", FILE.replace("ST*837*0001*005010X222A1", "ST*837*0001"), true),
                // left to StAEDI
                variant("with a wrong SE01", FILE.replace("SE*19*0001", "SE*5*0001"), false),
                variant("with SE01 in leading zeros", FILE.replace("SE*19*0001", "SE*0019*0001"), false),
                variant("with another SE02", FILE.replace("SE*19*0001", "SE*19*0002"), false),
                variant("with another GE02", FILE.replace("GE*1*1", "GE*1*7"), false),
                variant("with a wrong IEA01", FILE.replace("IEA*1*", "IEA*2*"), false),
                variant("without SE", FILE.replace("SE*19*0001~\n", ""), false),
                variant("without IEA", FILE.substring(0, FILE.indexOf("IEA*")), false),
                variant("with a segment between SE and GE", FILE.replace("GE*1*1", "XYZ*1~\nGE*1*1"), false),
                variant("with a date that does not exist in ISA09", FILE.replace("*250501*1200*", "*251399*1200*"), false),
                variant("with an ISA06 shorter than 15", FILE.replace("SENDER         *", "SENDER*"), false),
                variant("with a malformed segment", FILE.replace("HI*ABK:M961", "HI:ABK:M961"), false),
                variant("with an empty segment", FILE.replace("REF*EA*MRN1~", "REF*EA*MRN1~~"), false),
                variant("with a tab inside an element", FILE.replace("REF*EA*MRN1", "REF*EA*MR\tN1"), false),
                variant("with a line break inside an element", FILE.replace("REF*EA*MRN1", "REF*EA*MR\nN1"), false),
                variant("with spaces between segments", FILE.replace("~\n", "~ "), false),
                variant("with text after IEA", FILE + "end of batch\n", false),
                variant("with a character beyond the BMP", FILE.replace("MRN1", "MRN\uD83D\uDE00"), false),
                variant("with segments ended by line breaks", FILE.replace("~\n", "\n").replace("*:", "*:~"), false),
                variant("of version 4010", FILE.replace("*00501*", "*00401*"), false));
    }

    private static Arguments variant(String name, String text, boolean scanned) {
        return Arguments.of(name, text.getBytes(StandardCharsets.UTF_8), scanned);
    }

    @ParameterizedTest(name = "a file {0}")
    @MethodSource("variants")
    void theScannerReadsOnlyWhatStaediReadsAlike(String name, byte[] bytes, boolean scanned) {
        ScanProbe.Reading scanner = ScanProbe.scanner(bytes);
        ScanProbe.Reading staedi = ScanProbe.staedi(bytes);
        assertEquals(scanned, scanner.clean(), name);
        if (scanned) {
            assertTrue(staedi.clean(), () -> staedi.problems() + " " + staedi.failure());
            assertEquals(staedi.segments(), scanner.segments());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/x12/professional-2025-05-01.837", "data/x12/facility-2025-05-02.837",
        "data/x12/professional-2025-06-10.837", "data/x12/remittance-2025-06-20.835",
        "data/x12/remittance-2025-07-01.835", "core/src/test/resources/x12/published/demo.cob.example3.A.837",
        "core/src/test/resources/x12/published/demo.example1.837",
        "core/src/test/resources/x12/published/two-claims-single-provider.837i",
        "core/src/test/resources/x12/published/managed-care.835",
        "core/src/test/resources/x12/published/secondary-payment.835"})
    void theSampleAndPublishedFilesAreReadOnTheScanner(String file) {
        byte[] bytes = ScanProbe.bytes(Path.of(file));
        ScanProbe.Reading scanner = ScanProbe.scanner(bytes);
        ScanProbe.Reading staedi = ScanProbe.staedi(bytes);
        assertTrue(scanner.clean());
        assertEquals(List.of(), staedi.problems());
        assertEquals(staedi.segments(), scanner.segments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"core/src/test/resources/x12/published/institutional-claim.837i",
        "core/src/test/resources/x12/published/refused/sample837-original.edi"})
    void publishedFilesWithMalformedSegmentsOrLineBreaksAreLeftToStaedi(String file) {
        assertEquals(false, ScanProbe.scanner(ScanProbe.bytes(Path.of(file))).clean());
    }
}
