package org.nmaudit.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nmaudit.facts.PatientFact;

/**
 * Writes the stored rows back as a data set (data-format.md): claims.csv and the four documentation files,
 * every file even when it has no rows. Rows are in the order they were stored, which an import of the export
 * keeps, so importing an export into an empty store and exporting again gives the same files byte for byte.
 * Values are written as the reader loads them back (see {@link Cells}); the source lines of the original
 * files are not in the data format, so the re-imported rows carry their lines in the export instead.
 *
 * <p>The export is a data set for nmaudit, not a report: a value is written exactly as stored (an id
 * starting with {@code =} is not prefixed with an apostrophe, which would make it another id on import).
 */
final class HistoryExport {
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final int FETCH_SIZE = 5_000;

    private final Connection connection;

    HistoryExport(Connection connection) {
        this.connection = connection;
    }

    /**
     * Writes the five files into {@code folder}: each first to a temporary file beside it, then moved over
     * the final name once all five are complete, so a failed export leaves earlier files as they were.
     */
    ExportSummary writeTo(Path folder) throws IOException, SQLException {
        Files.createDirectories(folder);
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<Path, Path> written = new LinkedHashMap<>();
        try {
            Path claims = temporary(folder, ClaimLinesTable.FILE_NAME, written);
            rows.put(ClaimLinesTable.FILE_NAME, writeClaimLines(claims));
            for (DocumentationTable<?> table : DocumentationTable.ALL) {
                Path file = temporary(folder, table.fileName(), written);
                rows.put(table.fileName(), writeDocumentation(table, file));
            }
            for (Map.Entry<Path, Path> e : written.entrySet()) {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            for (Path temporary : written.values()) {
                Files.deleteIfExists(temporary);
            }
        }
        return new ExportSummary(folder, rows);
    }

    private static Path temporary(Path folder, String fileName, Map<Path, Path> written) throws IOException {
        Path temporary = Files.createTempFile(folder, "." + fileName + ".", ".tmp");
        written.put(folder.resolve(fileName), temporary);
        return temporary;
    }

    private long writeClaimLines(Path file) throws IOException, SQLException {
        long count = 0;
        try (CSVPrinter out = printer(file, ClaimLinesTable.HEADER);
                PreparedStatement select = connection.prepareStatement(ClaimLinesTable.SELECT + " ORDER BY line_seq")) {
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.printRecord(ClaimLinesTable.cells(ClaimLinesTable.read(rows, rows.getString(4))));
                    count++;
                }
            }
        }
        return count;
    }

    private <T extends PatientFact> long writeDocumentation(DocumentationTable<T> table, Path file)
            throws IOException, SQLException {
        long count = 0;
        try (CSVPrinter out = printer(file, table.header());
                PreparedStatement select = connection.prepareStatement(table.selectSql() + " ORDER BY row_id")) {
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<String> cells = table.cells(table.read(rows, rows.getString(2)));
                    out.printRecord(cells);
                    count++;
                }
            }
        }
        return count;
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        BufferedWriter writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        return new CSVPrinter(writer, CSV.builder().setHeader(header).get());
    }
}
