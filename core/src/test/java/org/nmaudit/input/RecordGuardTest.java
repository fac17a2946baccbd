package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader that keeps commons-csv's records bounded and knows their physical lines. */
class RecordGuardTest {

    @Test
    void validCsvPassesUnchangedWithTheLinesOfEveryRecord() throws IOException {
        String csv = "a,b\r\n"                 // 1
                + "\"x\r\ny\",\"say \"\"hi\"\"\"\n" // 2-3
                + "\n"                          // 4: an empty line is a record too
                + "c,d\r"                       // 5: a lone CR ends a line
                + "\"\",e\n"                    // 6
                + "f,\"g\nh\ni\""               // 7-9, no line break at the end
                ;
        RecordGuard guard = new RecordGuard(new StringReader(csv));
        assertEquals(csv, drain(guard));
        assertEquals(List.of("1-1", "2-3", "4-4", "5-5", "6-6", "7-9"), spans(guard, 6));
        assertEquals(0, guard.unclosedQuoteLine());
    }

    @Test
    void aQuoteThatNeverClosesIsNotBufferedAndItsLineIsKnown() throws IOException {
        // 20 million characters after an opening quote: commons-csv gets one cell of 64 KB, no more.
        Reader endless = new RepeatingReader("h1,h2\nv,\"", 'x', 20_000_000);
        RecordGuard guard = new RecordGuard(endless);
        String passed = drain(guard);
        assertEquals("h1,h2\nv,\"" + "x".repeat(RecordGuard.MAX_CELL_CHARS), passed);
        assertEquals(2, guard.unclosedQuoteLine());
        assertEquals(new RecordGuard.Span(1, 1, null, 0, false), guard.nextSpan());
        assertEquals(new RecordGuard.Span(2, 2, RecordGuard.Excess.CELL, 1, true), guard.nextSpan());
    }

    @Test
    void aLongQuotedCellIsCutTheQuoteClosedAndTheNextRecordKept() throws IOException {
        String csv = "a,\"" + "y\n".repeat(40_000) + "\",b\nnext,row\n";
        RecordGuard guard = new RecordGuard(new StringReader(csv));
        String cell = "y\n".repeat(RecordGuard.MAX_CELL_CHARS / 2);
        assertEquals("a,\"" + cell + "\"\nnext,row\n", drain(guard));
        assertEquals(new RecordGuard.Span(1, 40_001, RecordGuard.Excess.CELL, 1, false), guard.nextSpan());
        assertEquals(new RecordGuard.Span(40_002, 40_002, null, 0, false), guard.nextSpan());
    }

    @Test
    void aRecordIsCutAtOneMegabyteAndAtTwoHundredFields() throws IOException {
        String cell = "z".repeat(60_000);
        String wide = String.join(",", java.util.Collections.nCopies(20, cell)); // 1,200,019 characters
        String many = "f,".repeat(300) + "f";
        RecordGuard guard = new RecordGuard(new StringReader(wide + "\n" + many + "\nok\n"));
        String passed = drain(guard);
        String[] lines = passed.split("\n", -1);
        assertEquals(RecordGuard.MAX_RECORD_CHARS, lines[0].length());
        assertEquals("f,".repeat(199) + "f", lines[1]);
        assertEquals("ok", lines[2]);
        assertEquals(new RecordGuard.Span(1, 1, RecordGuard.Excess.RECORD, 17, false), guard.nextSpan());
        assertEquals(new RecordGuard.Span(2, 2, RecordGuard.Excess.COLUMNS, 200, false), guard.nextSpan());
        assertEquals(new RecordGuard.Span(3, 3, null, 0, false), guard.nextSpan());
    }

    private static String drain(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    private static List<String> spans(RecordGuard guard, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordGuard.Span s = guard.nextSpan();
            out.add(s.startLine() + "-" + s.endLine());
        }
        return out;
    }

    /** A prefix, then one character many times, without holding it in memory. */
    private static final class RepeatingReader extends Reader {
        private final String prefix;
        private final char c;
        private long left;
        private int at;

        RepeatingReader(String prefix, char c, long count) {
            this.prefix = prefix;
            this.c = c;
            this.left = count;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (at < prefix.length()) {
                int n = Math.min(len, prefix.length() - at);
                prefix.getChars(at, at + n, buf, off);
                at += n;
                return n;
            }
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(buf, off, off + n, c);
            left -= n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
