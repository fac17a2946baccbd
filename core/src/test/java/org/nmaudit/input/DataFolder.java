package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test fixtures for the input contract (data-format.md): a data folder with small CSV files written
 * as text, valid claim rows to vary one cell of, and compact assertions on rejects.
 */
public final class DataFolder {
    /** Valid NPIs (the check digit is right). */
    public static final String NPI_A = "1234567893";
    public static final String NPI_B = "1245319599";

    public static final List<String> CLAIM_COLUMNS = List.of("claim_id", "line_number", "patient_id", "payer_type",
            "rendering_npi", "service_date", "cpt_code", "modifiers", "units", "diagnosis_codes", "place_of_service",
            "bill_type", "prior_auth_number", "billed_amount", "paid_amount");
    public static final String CLAIMS_HEADER = String.join(",", CLAIM_COLUMNS);

    private final Path folder;

    private DataFolder(Path folder) {
        this.folder = folder;
    }

    public static DataFolder in(Path folder) {
        return new DataFolder(folder);
    }

    public Path path() {
        return folder;
    }

    /** Writes a file from lines joined with \n and a final \n. */
    public DataFolder file(String name, String... lines) {
        return text(name, String.join("\n", lines) + "\n");
    }

    public DataFolder text(String name, String content) {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public DataFolder bytes(String name, byte[] content) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** claims.csv with the full header and the given rows. */
    public DataFolder claims(String... rows) {
        List<String> lines = new ArrayList<>();
        lines.add(CLAIMS_HEADER);
        lines.addAll(List.of(rows));
        return file("claims.csv", lines.toArray(String[]::new));
    }

    public DataSet read() throws InputException {
        return new DataSetReader(ReadProgress.SILENT).read(folder);
    }

    // ---- claim rows ------------------------------------------------------------------------------

    /** A valid claim row (professional 95970, Medicare) with cells to override by column name. */
    public static ClaimRow claim(String claimId, String lineNumber) {
        return new ClaimRow().set("claim_id", claimId).set("line_number", lineNumber);
    }

    public static ClaimRow claim() {
        return claim("C1", "1");
    }

    public static final class ClaimRow {
        private final Map<String, String> cells = new LinkedHashMap<>();

        private ClaimRow() {
            cells.put("claim_id", "C1");
            cells.put("line_number", "1");
            cells.put("patient_id", "P1");
            cells.put("payer_type", "MEDICARE");
            cells.put("rendering_npi", NPI_A);
            cells.put("service_date", "2025-03-14");
            cells.put("cpt_code", "95970");
            cells.put("modifiers", "");
            cells.put("units", "");
            cells.put("diagnosis_codes", "");
            cells.put("place_of_service", "11");
            cells.put("bill_type", "");
            cells.put("prior_auth_number", "");
            cells.put("billed_amount", "100.00");
            cells.put("paid_amount", "");
        }

        public ClaimRow set(String column, String value) {
            if (!cells.containsKey(column)) {
                throw new IllegalArgumentException("no claims column " + column);
            }
            cells.put(column, value);
            return this;
        }

        /** The row as a CSV line in header order, quoted where RFC 4180 needs it. */
        @Override
        public String toString() {
            List<String> out = new ArrayList<>();
            for (String column : CLAIM_COLUMNS) {
                out.add(quoted(cells.get(column)));
            }
            return String.join(",", out);
        }
    }

    public static String quoted(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    // ---- assertions ------------------------------------------------------------------------------

    /** file:line:column=value for each reject, in order: the part of a reject the spec fixes exactly. */
    public static List<String> keys(List<Reject> rejects) {
        List<String> out = new ArrayList<>();
        for (Reject r : rejects) {
            out.add(key(r.file(), r.line(), r.column(), r.value()));
        }
        return out;
    }

    public static String key(String file, long line, String column, String value) {
        return file + ":" + line + ":" + column + "=" + value;
    }

    /**
     * The reason of a cell reject names the offending value, as the spec's example does ("rendering_npi
     * 1234567890 fails the NPI check digit"), and every key word (case-insensitive).
     */
    public static void assertCellReason(Reject r, String... keyWords) {
        if (!r.value().isEmpty()) {
            assertTrue(r.reason().contains(r.value()), () -> "reason should name the value '" + r.value() + "': "
                    + r.reason());
        }
        assertReason(r, keyWords);
    }

    /** The reason of a reject mentions every key word (case-insensitive). */
    public static void assertReason(Reject r, String... keyWords) {
        String reason = r.reason().toLowerCase(Locale.ROOT);
        for (String word : keyWords) {
            assertTrue(reason.contains(word.toLowerCase(Locale.ROOT)),
                    () -> "reason should mention '" + word + "': " + r.reason());
        }
    }

    /** Rows read = loaded + rejected for every file, and the file's counts are the expected ones. */
    public static void assertCounts(DataSet data, String file, long read, long loaded, long rejected) {
        FileSummary f = summary(data, file);
        assertEquals(List.of(read, loaded, rejected), List.of(f.rowsRead(), f.rowsLoaded(), f.rowsRejected()),
                file + " rows read, loaded, rejected");
        assertEquals(f.rowsRead(), f.rowsLoaded() + f.rowsRejected(), file + ": read = loaded + rejected");
    }

    public static FileSummary summary(DataSet data, String file) {
        return data.files().stream().filter(f -> f.fileName().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no FileSummary for " + file + ": " + data.files()));
    }
}
