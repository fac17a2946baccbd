package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The reader that keeps records bounded and knows their physical lines, and the fields it cuts: the same
 * as commons-csv's on the characters the guard lets through (which is how nmaudit read files before).
 */
class RecordGuardTest {
    private static final CSVFormat COMMONS_CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    @Test
    void validCsvPassesUnchangedWithTheLinesOfEveryRecord() throws IOException {
        String csv = "a,b\r\n"                 // 1
                + "\"x\r\ny\",\"say \"\"hi\"\"\"\n" // 2-3
                + "\n"                          // 4: an empty line is a record too
                + "c,d\r"                       // 5: a lone CR ends a line
                + "\"\",e\n"                    // 6
                + "f,\"g\nh\ni\""               // 7-9, no line break at the end
                ;
        Emitted e = Emitted.of(new StringReader(csv));
        assertEquals(csv, e.text);
        assertEquals(List.of("1-1", "2-3", "4-4", "5-5", "6-6", "7-9"), e.spans.stream()
                .map(s -> s.startLine() + "-" + s.endLine()).toList());
        assertEquals(0, e.guard.unclosedQuoteLine());
        assertEquals(List.of(List.of("a", "b"), List.of("x\r\ny", "say \"hi\""), List.of(""), List.of("c", "d"),
                List.of("", "e"), List.of("f", "g\nh\ni")), fields(csv).records);
    }

    @Test
    void aQuoteThatNeverClosesIsNotBufferedAndItsLineIsKnown() throws IOException {
        // 20 million characters after an opening quote: commons-csv gets one cell of 64 KB, no more.
        Reader endless = new RepeatingReader("h1,h2\nv,\"", 'x', 20_000_000);
        Emitted e = Emitted.of(endless);
        assertEquals("h1,h2\nv,\"" + "x".repeat(RecordGuard.MAX_CELL_CHARS), e.text);
        assertEquals(2, e.guard.unclosedQuoteLine());
        assertEquals(List.of(new RecordGuard.Span(1, 1, null, 0, false),
                new RecordGuard.Span(2, 2, RecordGuard.Excess.CELL, 1, true)), e.spans);
        Fields f = Fields.of(new RepeatingReader("h1,h2\nv,\"", 'x', 20_000_000));
        assertEquals(List.of(List.of("h1", "h2")), f.records);
        assertEquals(RecordFields.END_INSIDE_QUOTES, f.error);
    }

    @Test
    void aLongQuotedCellIsCutTheQuoteClosedAndTheNextRecordKept() throws IOException {
        String csv = "a,\"" + "y\n".repeat(40_000) + "\",b\nnext,row\n";
        Emitted e = Emitted.of(new StringReader(csv));
        String cell = "y\n".repeat(RecordGuard.MAX_CELL_CHARS / 2);
        assertEquals("a,\"" + cell + "\"\nnext,row\n", e.text);
        assertEquals(List.of(new RecordGuard.Span(1, 40_001, RecordGuard.Excess.CELL, 1, false),
                new RecordGuard.Span(40_002, 40_002, null, 0, false)), e.spans);
        assertEquals(List.of(List.of("a", cell), List.of("next", "row")), fields(csv).records);
    }

    @Test
    void aRecordIsCutAtOneMegabyteAndAtTwoHundredFields() throws IOException {
        String cell = "z".repeat(60_000);
        String wide = String.join(",", java.util.Collections.nCopies(20, cell)); // 1,200,019 characters
        String many = "f,".repeat(300) + "f";
        Emitted e = Emitted.of(new StringReader(wide + "\n" + many + "\nok\n"));
        String[] lines = e.text.split("\n", -1);
        assertEquals(RecordGuard.MAX_RECORD_CHARS, lines[0].length());
        assertEquals("f,".repeat(199) + "f", lines[1]);
        assertEquals("ok", lines[2]);
        assertEquals(List.of(new RecordGuard.Span(1, 1, RecordGuard.Excess.RECORD, 17, false),
                new RecordGuard.Span(2, 2, RecordGuard.Excess.COLUMNS, 200, false),
                new RecordGuard.Span(3, 3, null, 0, false)), e.spans);
        List<List<String>> records = fields(wide + "\n" + many + "\nok\n").records;
        assertEquals(18, records.get(0).size());
        assertEquals(200, records.get(1).size());
        assertEquals(List.of("ok"), records.get(2));
    }

    @Test
    void textAfterAClosingQuoteIsAnErrorButWhiteSpaceIsDropped() {
        assertEquals(List.of(List.of("a", "b", "c")), fields("\"a\" \t,b,\"c\"  \n").records);
        Fields f = fields("h\nok\n\"a\"x,b\nnext\n");
        assertEquals(List.of(List.of("h"), List.of("ok")), f.records);
        assertEquals(RecordFields.TEXT_AFTER_CLOSING_QUOTE, f.error);
        assertEquals(List.of(List.of("a\"b\"", "c")), fields("a\"b\",c").records, "a quote later in a field is text");
        assertEquals(List.of(List.of("a", "")), fields("a,").records, "a comma at the end gives an empty field");
    }

    /**
     * Random files of commas, quotes, line breaks of every kind, white space and text, some past the limits:
     * the fields cut as commons-csv cuts the characters the guard lets through, record for record, the same
     * error (text after a closing quote, the end inside quotes) after the same records.
     */
    @Test
    void fieldsAreCommonsCsvsOnRandomFiles() throws IOException {
        String[] pieces = {"a", "bc", "é", "中", "\uD83D\uDE00", " ", "\t", "\u000B", "\u00A0", "\u2028", ",", ",", "\"", "\"",
            "\"\"", "\n", "\r", "\r\n", "\n\n", "x,y", "\"q\"", "\"q,r\"\n"};
        Random random = new Random(20251204);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder csv = new StringBuilder();
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                csv.append(pieces[random.nextInt(pieces.length)]);
            }
            if (i % 1000 == 0) { // past a limit: a long cell, quoted or not, or too many fields
                int kind = random.nextInt(3);
                csv.append(kind == 0 ? "z".repeat(RecordGuard.MAX_CELL_CHARS + random.nextInt(3) - 1)
                        : kind == 1 ? "\"" + "z,\n".repeat(RecordGuard.MAX_CELL_CHARS / 3 + 2) + "\""
                        : ",".repeat(RecordGuard.MAX_COLUMNS + random.nextInt(3) - 1));
                csv.append(pieces[random.nextInt(pieces.length)]).append("\nlast,row");
            }
            String text = csv.toString();
            Fields ours = fields(text);
            Fields commons = commonsCsv(Emitted.of(new StringReader(text)).text);
            assertEquals(commons, ours, () -> "fields of " + text.codePoints().limit(200)
                    .mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : Character.toString(c))
                    .reduce("", String::concat));
        }
    }

    private static Fields fields(String csv) {
        return Fields.of(new StringReader(csv));
    }

    /** commons-csv's records of a text, and the error that stopped it. */
    private static Fields commonsCsv(String text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = COMMONS_CSV.parse(new StringReader(text))) {
            for (CSVRecord r : parser) {
                records.add(List.of(r.values()));
            }
        } catch (UncheckedIOException e) {
            String message = e.getCause().getMessage();
            return new Fields(records, message.startsWith(RecordFields.TEXT_AFTER_CLOSING_QUOTE)
                    ? RecordFields.TEXT_AFTER_CLOSING_QUOTE
                    : message.contains(RecordFields.END_INSIDE_QUOTES) ? RecordFields.END_INSIDE_QUOTES : message);
        }
        return new Fields(records, null);
    }

    /** The records RecordFields cuts, and the error that stopped it. */
    private record Fields(List<List<String>> records, String error) {
        static Fields of(Reader in) {
            RecordFields fields = new RecordFields();
            RecordGuard guard = new RecordGuard(in, fields);
            List<List<String>> records = new ArrayList<>();
            try {
                while (guard.advance()) {
                    records.add(List.of(fields.take()));
                }
            } catch (IOException e) {
                return new Fields(records, e.getMessage());
            }
            return new Fields(records, null);
        }
    }

    /** The characters the guard lets through, as it once handed them to commons-csv, and the records' spans. */
    private static final class Emitted implements RecordGuard.Output {
        final StringBuilder out = new StringBuilder();
        final List<RecordGuard.Span> spans = new ArrayList<>();
        RecordGuard guard;
        String text;

        static Emitted of(Reader in) throws IOException {
            Emitted e = new Emitted();
            e.guard = new RecordGuard(in, e);
            while (e.guard.advance()) {
                e.spans.add(e.guard.span());
            }
            e.text = e.out.toString();
            return e;
        }

        @Override
        public void chars(char[] source, int offset, int length) {
            out.append(source, offset, length);
        }

        @Override
        public void character(char c) {
            out.append(c);
        }

        @Override
        public void endRecord(boolean closeQuote, String lineBreak) {
            out.append(closeQuote ? "\"" : "").append(lineBreak);
        }

        @Override
        public void endInput(boolean closeQuote, boolean insideQuotes) {
            out.append(closeQuote ? "\"" : "");
        }
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
