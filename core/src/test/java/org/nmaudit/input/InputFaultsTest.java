package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.DataFolder.CLAIMS_HEADER;
import static org.nmaudit.input.DataFolder.claim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.facts.ClaimLine;

/**
 * What a new user's files trip over, read through {@link CsvFileReader}: a bad byte deep in the file,
 * files saved in another format, invisible white space in header names, terminal escapes and huge
 * values in what is echoed, and input past the limits (64 KB cell, 1 MB row, 200 columns).
 */
class InputFaultsTest {
    private static final String CLAIMS = "claims.csv";
    private static final String SAVE_AS = "save it as UTF-8 comma-separated CSV (in Excel: Save As, \"CSV UTF-8"
            + " (Comma delimited)\")";

    @TempDir
    Path dir;

    /** What one file gave. */
    private record Read(FileSummary summary, List<ClaimLine> claims, List<Reject> rejects, List<String> warnings) {
        List<Long> lines() {
            return claims.stream().map(ClaimLine::getSourceLine).toList();
        }
    }

    // ---- bytes that are not UTF-8 --------------------------------------------------------------------

    @Test
    void aBadByteDeepInTheFileIsReportedAtItsOwnLine() throws IOException {
        for (int badLine : new int[] {300, 2000}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write((CLAIMS_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            long offset = 0;
            for (int line = 2; line <= 3000; line++) {
                String row = claim("C" + line, "1").set("patient_id", "P").toString() + "\n";
                if (line == badLine) {
                    String before = row.substring(0, row.indexOf(",P,") + 2);
                    bytes.write(before.getBytes(StandardCharsets.UTF_8));
                    offset = bytes.size();
                    bytes.write(0xE9); // é as Windows-1252 writes it
                    bytes.write(row.substring(before.length()).getBytes(StandardCharsets.UTF_8));
                } else {
                    bytes.write(row.getBytes(StandardCharsets.UTF_8));
                }
            }
            InputException e = refused(bytes.toByteArray());
            assertEquals(String.format("claims.csv line %d: byte 0xE9 (byte %,d of the file, after \"C%d,1,P\") is"
                    + " not UTF-8: it is \"é\" in Windows-1252, so the file was probably saved as Windows-1252 (ANSI);"
                    + " save the file as UTF-8 CSV (in Excel: \"CSV UTF-8 (Comma delimited)\")", badLine, offset + 1,
                    badLine), e.getMessage());
        }
    }

    /**
     * A file over 4 MB is parsed on a thread of its own while its rows are validated: the same rows, rejects
     * and messages, a bad byte at its own line, the same SHA-256.
     */
    @Test
    void aLargeFileParsedAlongsideGivesTheSameRowsRejectsAndErrors() throws Exception {
        int rows = 80_000;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((CLAIMS_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        for (int line = 2; line <= rows + 1; line++) {
            var row = claim("C" + line, "1").set("patient_id", "P" + (line % 97));
            if (line % 1_000 == 0) {
                row.set("service_date", "2025-02-30");
            }
            bytes.write((row + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] good = bytes.toByteArray();
        assertTrue(good.length > 4 << 20, "over the size parsed alongside: " + good.length);
        Path folder = Files.createDirectories(dir.resolve("large"));
        Files.write(folder.resolve(CLAIMS), good);
        Read read = read(folder.resolve(CLAIMS));
        assertEquals(rows, read.summary().rowsRead());
        assertEquals(rows / 1_000, read.summary().rowsRejected());
        assertEquals(rows - rows / 1_000, read.claims().size());
        assertEquals(1_000, read.rejects().get(0).line());
        assertEquals("C1001", read.claims().get(998).getClaimId(), "rows keep their order (C2..C999, C1001, ...)");
        assertEquals(org.nmaudit.input.Sha256.hex(good), read.summary().sha256());

        byte[] bad = good.clone();
        int at = bad.length - 100;
        bad[at] = (byte) 0xE9;
        Files.write(folder.resolve(CLAIMS), bad);
        InputException e = assertThrows(InputException.class, () -> read(folder.resolve(CLAIMS)));
        long badLine = 1 + new String(bad, 0, at, StandardCharsets.ISO_8859_1).chars().filter(c -> c == '\n').count();
        assertTrue(e.getMessage().startsWith("claims.csv line " + badLine + ": byte 0xE9"), e.getMessage());
    }

    @Test
    void aBadByteInAFieldOverSeveralLinesIsReportedAtTheLineOfTheByte() throws IOException {
        byte[] head = (CLAIMS_HEADER + "\n" + claim("C1", "1") + "\n"
                + "C2,1,P1,MEDICARE,1234567893,2025-03-14,95970,,,,11,,\"one\ntwo\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "ee\",100.00,\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(head);
        bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        bytes.write(tail);
        InputException e = refused(bytes.toByteArray());
        assertEquals(String.format("claims.csv line 5: byte 0xC3 (byte %,d of the file, at the start of the line) is"
                + " not UTF-8: it is \"Ã\" in Windows-1252, so the file was probably saved as Windows-1252 (ANSI);"
                + " save the file as UTF-8 CSV (in Excel: \"CSV UTF-8 (Comma delimited)\")", head.length + 1),
                e.getMessage());
    }

    // ---- files saved in another format ---------------------------------------------------------------

    @Test
    void utf16FilesAreNamedAsSuchWithOrWithoutAByteOrderMark() throws IOException {
        String text = CLAIMS_HEADER + "\r\n" + claim() + "\r\n";
        assertEquals("claims.csv looks like UTF-16 text (it starts with a UTF-16 byte-order mark, as Excel's"
                + " \"Unicode Text\" does); " + SAVE_AS, refused(text.getBytes(StandardCharsets.UTF_16)).getMessage());
        assertEquals("claims.csv looks like UTF-16 text (it starts with a UTF-16 byte-order mark, as Excel's"
                + " \"Unicode Text\" does); " + SAVE_AS,
                refused(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE)).getMessage());
        assertEquals("claims.csv looks like UTF-16 text (every other byte is a NUL byte); " + SAVE_AS,
                refused(text.getBytes(StandardCharsets.UTF_16LE)).getMessage());
        assertEquals("claims.csv looks like UTF-16 text (every other byte is a NUL byte); " + SAVE_AS,
                refused(text.getBytes(StandardCharsets.UTF_16BE)).getMessage());
        assertEquals("claims.csv is UTF-32 text (it starts with a UTF-32 byte-order mark); " + SAVE_AS,
                refused(("\uFEFF" + text).getBytes(Charset.forName("UTF-32LE"))).getMessage());
    }

    @Test
    void semicolonTabAndBarSeparatedFilesAreNamedAsSuch() throws IOException {
        String rows = CLAIMS_HEADER + "\n" + claim() + "\n";
        assertEquals("claims.csv looks semicolon-separated: its header row has 14 semicolons and no comma, but nmaudit"
                + " reads comma-separated CSV; " + SAVE_AS + ", or replace the semicolons with commas",
                refused(rows.replace(',', ';')).getMessage());
        String quoted = "\"" + CLAIMS_HEADER.replace(",", "\";\"") + "\"\n";
        assertEquals("claims.csv looks semicolon-separated: its header row has 14 semicolons and no comma, but nmaudit"
                + " reads comma-separated CSV; " + SAVE_AS + ", or replace the semicolons with commas",
                refused("\uFEFF\n" + quoted).getMessage());
        assertEquals("claims.csv looks tab-separated: its header row has 14 tabs and no comma, but nmaudit reads"
                + " comma-separated CSV; " + SAVE_AS + ", or replace the tabs with commas",
                refused(rows.replace(',', '\t')).getMessage());
        assertEquals("claims.csv looks pipe-separated: its header row has 14 pipes and no comma, but nmaudit reads"
                + " comma-separated CSV; " + SAVE_AS + ", or replace the pipes with commas",
                refused(rows.replace(',', '|')).getMessage());
    }

    @Test
    void aSemicolonSeparatedRowUnderACommaHeaderSaysSo() throws IOException {
        Read r = read(CLAIMS_HEADER + "\n" + claim("C1", "1") + "\n" + claim("C1", "2").toString().replace(',', ';')
                + "\n");
        assertEquals(List.of(new Reject(CLAIMS, 3, "", "1 field", "row has 1 field but the header has 15; the row looks"
                + " semicolon-separated: nmaudit reads comma-separated CSV")), r.rejects());
    }

    @Test
    void anExcelWorkbookIsNamedAsSuch() throws IOException {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0};
        assertEquals("claims.csv is an Excel workbook or another zip file, not CSV text; " + SAVE_AS,
                refused(zip).getMessage());
    }

    // ---- header names --------------------------------------------------------------------------------

    @Test
    void headerNamesLoseUnicodeWhiteSpaceSuchAsNonBreakingSpaces() throws IOException {
        String header = CLAIMS_HEADER.replace("claim_id", "claim_id\u00A0").replace("line_number", "\u2007line_number")
                .replace("patient_id", "\u200Bpatient_id\u3000").replace("cpt_code", "\u00A0CPT_Code\u00A0");
        Read r = read(header + "\n" + claim() + "\n");
        assertEquals(List.of(), r.rejects());
        assertEquals(List.of(), r.warnings());
        assertEquals(List.of(2L), r.lines());
        assertEquals("C1", r.claims().get(0).getClaimId());
    }

    // ---- input text echoed to the terminal -----------------------------------------------------------

    @Test
    void controlCharactersInHeaderNamesAreEscapedAndLongNamesCut() throws IOException {
        String escape = "\u001B[2J\u001B[31mred";
        String longName = "n".repeat(10_000);
        Read r = read(CLAIMS_HEADER + "," + escape + "," + longName + ",\"tab\there\"\n" + claim() + ",a,b,c\n");
        assertEquals(List.of(
                "claims.csv: unknown column '\\u001B[2J\\u001B[31mred' (column 16) is ignored",
                "claims.csv: unknown column '" + "n".repeat(80) + "... (10,000 characters)' (column 17) is ignored",
                "claims.csv: unknown column 'tab\\there' (column 18) is ignored"), r.warnings());
    }

    @Test
    void theMissingColumnsMessageEchoesTheHeaderEscapedAndCut() {
        InputException e = refused("claim_id\u0007,\u001B]0;owned\u0007," + "w".repeat(500) + "\n");
        assertEquals("claims.csv is missing required columns: claim_id, line_number, patient_id, payer_type,"
                + " rendering_npi, service_date, cpt_code (the header names: claim_id\\u0007, \\u001B]0;owned\\u0007, "
                + "w".repeat(40) + "... (500 characters))", e.getMessage());
    }

    @Test
    void aRejectReasonEchoesTheValueEscapedWhileRejectsCsvKeepsItWhole() throws IOException {
        String value = "99\u001B[31m" + "9".repeat(98); // inside the cell: trimming drops control characters at its ends
        Read r = read(CLAIMS_HEADER + "\n" + claim().set("rendering_npi", value) + "\n");
        assertEquals(List.of(new Reject(CLAIMS, 2, "rendering_npi", value, "rendering_npi 99\\u001B[31m"
                + "9".repeat(73) + "... (105 characters) must be exactly 10 digits")), r.rejects());
    }

    // ---- input limits ----------------------------------------------------------------------------------

    @Test
    void aCellOver64KilobytesRejectsItsRowAndTheNextRowsLoad() throws IOException {
        String big = "A".repeat(RecordGuard.MAX_CELL_CHARS + 1);
        String atLimit = "B".repeat(RecordGuard.MAX_CELL_CHARS);
        Read r = read(CLAIMS_HEADER + "\n"
                + claim("C1", "1") + "\n"
                + claim("C1", "2").set("prior_auth_number", big) + "\n"
                + claim("C1", "3").set("prior_auth_number", atLimit) + "\n"
                + claim("C1", "4").set("prior_auth_number", "x\n" + big) + "\n"
                + claim("C1", "5") + "\n");
        assertEquals(List.of(
                new Reject(CLAIMS, 3, "prior_auth_number", "A".repeat(100) + "...", "the cell in column 13"
                        + " (prior_auth_number) is longer than 65,536 characters (64 KB), more than any value of an"
                        + " input file needs"),
                new Reject(CLAIMS, 5, "prior_auth_number", "x\n" + "A".repeat(98) + "...", "the cell in column 13"
                        + " (prior_auth_number) is longer than 65,536 characters (64 KB), more than any value of an"
                        + " input file needs (the row runs over lines 5-6: is a double quote missing or stray?)")),
                r.rejects());
        assertEquals(List.of(2L, 4L, 7L), r.lines());
        assertEquals(atLimit, r.claims().get(1).getPriorAuthNumber());
        assertEquals(List.of(5L, 3L, 2L), counts(r));
    }

    @Test
    void aRowOverOneMegabyteOrOverTwoHundredFieldsIsRejected() throws IOException {
        List<String> extra = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            extra.add("note" + i);
        }
        String cells = String.join(",", Collections.nCopies(17, "c".repeat(62_000)));
        Read r = read(CLAIMS_HEADER + "," + String.join(",", extra) + "\n"
                + claim("C1", "1") + "," + cells + "\n"
                + claim("C1", "2") + "," + ",f".repeat(300).substring(1) + "\n"
                + claim("C1", "3") + "," + ",".repeat(16) + "\n");
        assertEquals(List.of(
                new Reject(CLAIMS, 2, "", "more than 1,048,576 characters", "row is longer than 1,048,576 characters"
                        + " (1 MB), more than any row of an input file needs"),
                new Reject(CLAIMS, 3, "", "more than 200 fields", "row has more than 200 fields but the header has 32")),
                r.rejects());
        assertEquals(List.of(4L), r.lines());
        assertEquals(List.of(3L, 1L, 2L), counts(r));
    }

    @Test
    void aHeaderOverTheLimitsStopsTheRun() {
        String wide = CLAIMS_HEADER + ",x".repeat(RecordGuard.MAX_COLUMNS - 15 + 1);
        assertEquals("claims.csv line 2: the header row has more than 200 columns, which no input file has (the header"
                + " names the columns, e.g. claim_id,line_number,...); is it the right file, saved as comma-separated"
                + " CSV?", refused("\n" + wide + "\n" + claim() + "\n").getMessage());
        assertEquals("claims.csv line 1: the header row has a column name (column 16) longer than 65,536 characters,"
                + " which no input file has (the header names the columns, e.g. claim_id,line_number,...); is it the"
                + " right file, saved as comma-separated CSV?",
                refused(CLAIMS_HEADER + "," + "h".repeat(1_000_000) + "\n").getMessage());
    }

    @Test
    void twoHundredColumnsAreStillAHeader() throws IOException {
        Read r = read(CLAIMS_HEADER + ",x".repeat(RecordGuard.MAX_COLUMNS - 15) + "\n"
                + claim() + ",".repeat(RecordGuard.MAX_COLUMNS - 15) + "\n");
        assertEquals(List.of(2L), r.lines());
        assertEquals(185, r.warnings().size());
    }

    @Test
    void aQuoteNeverClosedInALargeFileStopsTheRunAtTheQuotesLine() throws IOException {
        Path file = dir.resolve(CLAIMS);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(CLAIMS_HEADER + "\n");
            for (int i = 1; i <= 56; i++) {
                w.write(claim("C" + i, "1") + "\n");
            }
            w.write(claim("C57", "1").set("prior_auth_number", "X").toString().replace(",X,", ",\"UTN,") + "\n");
            String row = claim("C58", "1") + "\n";
            for (int i = 0; i < 100_000; i++) { // about 7 MB after the quote
                w.write(row);
            }
        }
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals("claims.csv line 58: a double quote opens a field here that is never closed (the file ends inside"
                + " it); a field that holds a comma, quote or line break must be in double quotes with inner quotes"
                + " doubled, any other double quote is a stray one", e.getMessage());
    }

    @Test
    void aStrayQuoteThatANextQuoteClosesNamesTheLinesTheRowRunsOver() throws IOException {
        Read r = read(CLAIMS_HEADER + "\n"
                + claim("C1", "1").set("prior_auth_number", "X").toString().replace(",X,", ",\"UTN,") + "\n"
                + claim("C1", "2") + "\n"
                + claim("C1", "3").toString().replace(",P1,", ",P1\",") + "\n"
                + claim("C1", "4") + "\n");
        assertEquals(List.of(new Reject(CLAIMS, 2, "", "25 fields", "row has 25 fields but the header has 15; the row"
                + " runs over lines 2-4, because a double quote opens a field that the next double quote closes: check"
                + " for a stray double quote")), r.rejects());
        assertEquals(List.of(5L), r.lines());
        assertEquals(List.of(2L, 1L, 1L), counts(r));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private Read read(String text) throws IOException {
        Files.writeString(dir.resolve(CLAIMS), text, StandardCharsets.UTF_8);
        try {
            return read(dir.resolve(CLAIMS));
        } catch (InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static Read read(Path file) throws InputException {
        List<ClaimLine> claims = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        // the file is read as claims.csv of its folder (its own name may differ)
        InputFolder folder = new InputFolder() {
            private final InputFolder local = InputFolder.local(file.getParent());

            @Override
            public String displayName() {
                return local.displayName();
            }

            @Override
            public boolean isFolder() {
                return true;
            }

            @Override
            public FileState state(String name) {
                return local.state(file.getFileName().toString());
            }

            @Override
            public String displayName(String name) {
                return local.displayName(file.getFileName().toString());
            }

            @Override
            public java.io.InputStream open(String name) throws java.io.IOException {
                return local.open(file.getFileName().toString());
            }

            @Override
            public List<String> csvFileNames() throws java.io.IOException {
                return local.csvFileNames();
            }
        };
        FileSummary summary = new CsvFileReader(ReadProgress.SILENT, warnings::add).read(folder, new ClaimsFile(),
                claims::add, rejects::add);
        return new Read(summary, claims, rejects, warnings);
    }

    private InputException refused(String text) {
        return refused(text.getBytes(StandardCharsets.UTF_8));
    }

    private InputException refused(byte[] bytes) {
        try {
            Files.write(dir.resolve(CLAIMS), bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return assertThrows(InputException.class, () -> read(dir.resolve(CLAIMS)));
    }

    private static List<Long> counts(Read r) {
        FileSummary s = r.summary();
        assertEquals(s.rowsRead(), s.rowsLoaded() + s.rowsRejected(), "read = loaded + rejected");
        return List.of(s.rowsRead(), s.rowsLoaded(), s.rowsRejected());
    }
}
