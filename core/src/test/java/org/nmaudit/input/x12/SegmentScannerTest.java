package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level scanner sees the envelope and CLM segments exactly as StAEDI does:
 * same ordinals, same elements and components, malformed segments counted alike.
 */
class SegmentScannerTest {
    private static final Set<String> WANTED = Set.of("ISA", "GS", "ST", "SE", "GE", "IEA", "CLM", "HI", "SV1");

    /** Every wanted segment as "ordinal TAG e1|c1:c2|..." */
    private static List<String> segments(Path file, boolean scanner) throws IOException, X12Exception {
        List<String> out = new ArrayList<>();
        SegmentHandler handler = new SegmentHandler() {
            @Override
            public boolean wants(String tag) {
                return WANTED.contains(tag);
            }

            @Override
            public boolean segment(Segment s) {
                StringBuilder b = new StringBuilder().append(s.ordinal()).append(' ').append(s.tag());
                for (int e = 1; e <= 20; e++) {
                    b.append('|').append(s.text(e));
                }
                out.add(b.toString());
                return true;
            }

            @Override
            public void unreadableSegment(long ordinal, int physicalLine, String text) {
                out.add(ordinal + " unreadable " + text);
            }
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (scanner) {
                SegmentScanner.read(file.getFileName().toString(), in, handler);
            } else {
                SegmentReader.read(file.getFileName().toString(), in, handler);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/x12/professional-2025-05-01.837", "data/x12/facility-2025-05-02.837",
        "core/src/test/resources/x12/published/demo.cob.example3.A.837",
        "core/src/test/resources/x12/published/refused/sample837-original.edi"})
    void theScannerSeesTheSegmentsStaediSees(String file) throws IOException, X12Exception {
        List<String> staedi = segments(Path.of(file), false);
        assertTrue(staedi.size() > 6, staedi::toString);
        assertEquals(staedi, segments(Path.of(file), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"core/src/test/resources/x12/published/institutional-claim.837i"})
    void malformedSegmentsAreSkippedAndCountedAlike(String file) throws IOException, X12Exception {
        List<String> staedi = segments(Path.of(file), false);
        List<String> scanned = segments(Path.of(file), true);
        assertEquals(staedi.stream().filter(s -> !s.contains("unreadable")).toList(), scanned);
        assertEquals(List.of("26 unreadable HI:BF:4019*BF:79431", "29 unreadable HI:BG:09"),
                staedi.stream().filter(s -> s.contains("unreadable")).toList());
    }
}
