package org.nmaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;

/**
 * Rows straight into the tables with multi-row INSERTs; before each chunk, one indexed query per
 * {@value #IN_LIST} keys finds which claims and documentation rows are already stored. For H2, and for small
 * batches (a recorded scrub) on PostgreSQL.
 */
final class DirectLoader implements RowLoader {
    /**
     * Values per IN list. H2 checks each row an index lookup finds against the whole list, so a long list
     * costs its length squared; 200 keeps that small and the number of queries low.
     */
    static final int IN_LIST = 200;

    private final Connection connection;
    private final long batchId;
    private final PreparedStatement deleteClaim;
    private final RowsInsert<ClaimLine> insertLines;
    private final Map<DocumentationTable<?>, RowsInsert<Keyed>> insertDocumentation = new LinkedHashMap<>();
    /** The full-size IN-list lookups, prepared once. */
    private final Map<String, PreparedStatement> lookups = new LinkedHashMap<>();
    /**
     * Tables that held no row when the batch began: nothing in them can be replaced or repeated (the writer
     * already drops rows repeated within the batch), so their lookups are skipped. A first import of a large
     * data set costs no lookups.
     */
    private final Set<String> emptyAtStart = new HashSet<>();
    private long claimsReplaced;
    private long documentationAdded;
    private long documentationAlreadyStored;

    DirectLoader(Connection connection, long batchId) throws SQLException {
        this.connection = connection;
        this.batchId = batchId;
        this.deleteClaim = connection.prepareStatement("DELETE FROM claim_lines WHERE claim_id = ? AND batch_id <> ?");
        this.insertLines = new RowsInsert<>(connection, ClaimLinesTable::insert, ClaimLinesTable.INSERT_PARAMETERS,
                (values, line) -> ClaimLinesTable.write(values, batchId, line));
        for (DocumentationTable<?> table : DocumentationTable.ALL) {
            insertDocumentation.put(table, documentationInsert(table, batchId));
        }
        List<String> tables = new ArrayList<>(List.of("claim_lines"));
        DocumentationTable.ALL.forEach(t -> tables.add(t.table()));
        for (String table : tables) {
            try (PreparedStatement any = connection.prepareStatement("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY");
                    ResultSet row = any.executeQuery()) {
                if (!row.next()) {
                    emptyAtStart.add(table);
                }
            }
        }
    }

    private <T extends PatientFact> RowsInsert<Keyed> documentationInsert(DocumentationTable<T> table, long batchId)
            throws SQLException {
        return new RowsInsert<>(connection, table::insertSql, table.insertParameters(),
                (values, row) -> table.write(values, row.key(), batchId, table.cast(row.fact())));
    }

    /**
     * The stored lines of these lines' claim ids that an earlier batch stored go first (so a claim whose lines
     * come in several chunks is replaced once, by the first), then the lines are inserted.
     */
    @Override
    public void claimLines(List<ClaimLine> lines) throws SQLException {
        Set<String> claimIds = new LinkedHashSet<>();
        lines.forEach(l -> claimIds.add(l.getClaimId()));
        Set<String> stored = storedValues("claim_lines", "claim_id", "claim_id", new ArrayList<>(claimIds),
                " AND batch_id <> " + batchId);
        if (!stored.isEmpty()) {
            for (String claimId : stored) {
                deleteClaim.setString(1, claimId);
                deleteClaim.setLong(2, batchId);
                deleteClaim.addBatch();
            }
            deleteClaim.executeBatch();
            claimsReplaced += stored.size();
        }
        insertLines.insert(lines);
    }

    @Override
    public void documentation(DocumentationTable<?> table, List<Keyed> rows) throws SQLException {
        // Looked up by patient: the table's key is (patient_id, row_key), and row_key determines patient_id.
        Set<String> patients = new LinkedHashSet<>();
        rows.forEach(r -> patients.add(r.fact().getPatientId()));
        Set<String> stored = storedValues(table.table(), "row_key", "patient_id", new ArrayList<>(patients), "");
        List<Keyed> added = new ArrayList<>(rows.size());
        for (Keyed row : rows) {
            if (stored.contains(row.key())) {
                documentationAlreadyStored++;
            } else {
                added.add(row);
            }
        }
        if (!added.isEmpty()) {
            insertDocumentation.get(table).insert(added);
            documentationAdded += added.size();
        }
    }

    /**
     * The values of {@code column} in the rows whose {@code byColumn} is one of {@code values} (and that also
     * meet {@code andCondition}).
     */
    private Set<String> storedValues(String table, String column, String byColumn, List<String> values,
            String andCondition) throws SQLException {
        Set<String> stored = new HashSet<>();
        if (emptyAtStart.contains(table)) {
            return stored;
        }
        for (int from = 0; from < values.size(); from += IN_LIST) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + IN_LIST));
            String sql = "SELECT DISTINCT " + column + " FROM " + table + " WHERE " + byColumn + " IN ("
                    + HistoryWriter.placeholders(chunk.size()) + ")" + andCondition;
            boolean reused = chunk.size() == IN_LIST;
            PreparedStatement select = reused ? lookups.get(sql) : null;
            if (select == null) {
                select = connection.prepareStatement(sql);
                if (reused) {
                    lookups.put(sql, select);
                }
            }
            try {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
            } finally {
                if (!reused) {
                    select.close();
                }
            }
        }
        return stored;
    }

    @Override
    public Result finish() {
        return new Result(claimsReplaced, documentationAdded, documentationAlreadyStored);
    }

    @Override
    public void close() throws SQLException {
        deleteClaim.close();
        insertLines.close();
        for (RowsInsert<Keyed> insert : insertDocumentation.values()) {
            insert.close();
        }
        for (PreparedStatement lookup : lookups.values()) {
            lookup.close();
        }
    }
}
