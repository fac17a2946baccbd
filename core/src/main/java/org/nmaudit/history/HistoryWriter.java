package org.nmaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.history.RowLoader.Keyed;

/**
 * Writes one batch (an import, or a recording) into the store, inside the caller's transaction: checks that
 * every row can be stored, keeps the first of documentation rows repeated within the batch, and hands the
 * rows in chunks to a {@link RowLoader}. The batch's claims replace stored claims of the same claim_id as a
 * whole; documentation rows identical to stored ones are counted and not added.
 */
final class HistoryWriter implements AutoCloseable {
    /** Rows buffered before they are sent: amortises the round trips, bounds the memory. */
    private static final int CHUNK = 5_000;
    /** Longest claim_id or patient_id: keeps every index entry within PostgreSQL's limit (see V1). */
    static final int MAX_ID_LENGTH = 500;

    private final Connection connection;
    private final long batchId;
    private final String kind;
    private final String source;
    private final Instant storedAt;
    private final RowLoader loader;

    private final Fingerprints claimsOfBatch = new Fingerprints();
    private final List<ClaimLine> lines = new ArrayList<>();
    private final Map<DocumentationTable<?>, List<Keyed>> documentation = new LinkedHashMap<>();
    private final Map<DocumentationTable<?>, Fingerprints> documentationOfBatch = new LinkedHashMap<>();
    private int pending;
    private long linesStored;
    private long repeatedInBatch;

    private HistoryWriter(Connection connection, long batchId, String kind, String source, Instant storedAt,
            boolean bulk) throws SQLException {
        this.connection = connection;
        this.batchId = batchId;
        this.kind = kind;
        this.source = source;
        this.storedAt = storedAt;
        this.loader = bulk ? new CopyLoader(connection, batchId) : new DirectLoader(connection, batchId);
        for (DocumentationTable<?> table : DocumentationTable.ALL) {
            documentation.put(table, new ArrayList<>());
            documentationOfBatch.put(table, new Fingerprints());
        }
    }

    /**
     * Starts a batch: its row in batches, in the caller's open transaction.
     *
     * @param bulk PostgreSQL's COPY path (for imports); otherwise INSERTs
     */
    static HistoryWriter begin(Connection connection, String kind, String source, boolean bulk) throws SQLException {
        Instant now = Instant.now();
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO batches (kind, source, stored_at) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, kind);
            insert.setString(2, source);
            insert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        return new HistoryWriter(connection, id, kind, source, now, bulk);
    }

    /** A claim line or a documentation row of the batch. */
    void add(PatientFact fact) throws SQLException, HistoryException {
        if (fact instanceof ClaimLine line) {
            check(ClaimLinesTable.FILE_NAME, line.getSourceLine(), ClaimLinesTable.HEADER, ClaimLinesTable.cells(line));
            String problem = ClaimLinesTable.problem(line);
            if (problem != null) {
                throw unstorable(ClaimLinesTable.FILE_NAME, line.getSourceLine(), problem);
            }
            claimsOfBatch.addText(line.getClaimId());
            lines.add(line);
        } else {
            addDocumentation(DocumentationTable.of(fact), fact);
        }
        if (++pending >= CHUNK) {
            flush();
        }
    }

    private <T extends PatientFact> void addDocumentation(DocumentationTable<T> table, PatientFact row)
            throws HistoryException {
        T fact = table.cast(row);
        check(table.fileName(), table.sourceLine(fact), table.header(), table.cells(fact));
        String key = table.key(fact).hex();
        if (documentationOfBatch.get(table).addHex(key)) {
            documentation.get(table).add(new Keyed(key, fact));
        } else {
            repeatedInBatch++;
        }
    }

    /** Everything buffered goes to the tables; the batch's counts are written. The caller commits. */
    StoredBatch finish() throws SQLException {
        flush();
        RowLoader.Result loaded = loader.finish();
        StoredBatch batch = new StoredBatch(batchId, kind, source, storedAt, claimsOfBatch.size(),
                loaded.claimsReplaced(), linesStored, loaded.documentationAdded(),
                loaded.documentationAlreadyStored() + repeatedInBatch);
        try (PreparedStatement update = connection.prepareStatement("UPDATE batches SET claims_stored = ?,"
                + " claims_replaced = ?, claim_lines_stored = ?, documentation_rows_added = ?,"
                + " documentation_rows_already_stored = ? WHERE batch_id = ?")) {
            update.setLong(1, batch.claimsStored());
            update.setLong(2, batch.claimsReplaced());
            update.setLong(3, batch.claimLinesStored());
            update.setLong(4, batch.documentationRowsAdded());
            update.setLong(5, batch.documentationRowsAlreadyStored());
            update.setLong(6, batchId);
            update.executeUpdate();
        }
        return batch;
    }

    private void flush() throws SQLException {
        if (!lines.isEmpty()) {
            loader.claimLines(lines);
            linesStored += lines.size();
            lines.clear();
        }
        for (Map.Entry<DocumentationTable<?>, List<Keyed>> e : documentation.entrySet()) {
            if (!e.getValue().isEmpty()) {
                loader.documentation(e.getKey(), e.getValue());
                e.getValue().clear();
            }
        }
        pending = 0;
    }

    static String placeholders(int count) {
        return "?" + ", ?".repeat(count - 1);
    }

    /**
     * The values every column can hold: the indexed ids are at most {@value #MAX_ID_LENGTH} characters and
     * no text holds a NUL character (PostgreSQL cannot store one; the embedded store refuses it too, so both
     * hold the same rows).
     */
    private static void check(String file, long line, String[] header, List<String> cells) throws HistoryException {
        for (int i = 0; i < header.length; i++) {
            String cell = cells.get(i);
            if ((header[i].equals("claim_id") || header[i].equals("patient_id")) && cell.length() > MAX_ID_LENGTH) {
                throw unstorable(file, line, header[i] + " is " + cell.length() + " characters long; the history"
                        + " store keeps ids of at most " + MAX_ID_LENGTH + " characters");
            }
            if (cell.indexOf('\0') >= 0) {
                throw unstorable(file, line, header[i] + " contains a NUL character (byte 0), which the history"
                        + " store cannot hold; remove it from the file");
            }
        }
    }

    private static HistoryException unstorable(String file, long line, String problem) {
        return new HistoryException(file + " line " + line + ": " + problem + "; nothing was stored");
    }

    @Override
    public void close() throws SQLException {
        loader.close();
    }
}
