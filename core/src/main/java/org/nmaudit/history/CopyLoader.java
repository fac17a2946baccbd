package org.nmaudit.history;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.facts.ClaimLine;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's bulk path for an import: rows stream by COPY into temporary staging tables (dropped at the
 * end of the transaction), then a few set-based statements replace the stored claims and add the new
 * documentation rows, in the order the rows came. COPY is several times faster than INSERTs, and one
 * DELETE ... IN (SELECT ...) replaces every re-imported claim at once.
 */
final class CopyLoader implements RowLoader {
    private static final String STAGED_LINES = "nmaudit_import_claim_lines";

    private final Connection connection;
    private final long batchId;
    private final CopyManager copy;
    private final Map<DocumentationTable<?>, String> stagedDocumentation = new LinkedHashMap<>();
    private long sequence;

    CopyLoader(Connection connection, long batchId) throws SQLException {
        this.connection = connection;
        this.batchId = batchId;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement ddl = connection.createStatement()) {
            // The stored tables' columns without their constraints; line_seq and row_id carry the order of
            // arrival, which the final INSERT keeps.
            ddl.execute("CREATE TEMPORARY TABLE " + STAGED_LINES + " ON COMMIT DROP AS SELECT * FROM claim_lines"
                    + " WITH NO DATA");
            for (DocumentationTable<?> table : DocumentationTable.ALL) {
                String staged = "nmaudit_import_" + table.table();
                ddl.execute("CREATE TEMPORARY TABLE " + staged + " ON COMMIT DROP AS SELECT * FROM " + table.table()
                        + " WITH NO DATA");
                stagedDocumentation.put(table, staged);
            }
        }
    }

    @Override
    public void claimLines(List<ClaimLine> lines, List<String> newClaims) throws SQLException {
        StringBuilder text = new StringBuilder(lines.size() * 160);
        for (ClaimLine line : lines) {
            CopyRow row = new CopyRow(text);
            row.bigint(++sequence);
            ClaimLinesTable.write(row, batchId, line);
            row.end();
        }
        copyIn(STAGED_LINES, "line_seq, batch_id, " + ClaimLinesTable.DATA_COLUMNS, text);
    }

    @Override
    public void documentation(DocumentationTable<?> table, List<Keyed> rows) throws SQLException {
        copyDocumentation(table, rows);
    }

    private <T extends org.nmaudit.facts.PatientFact> void copyDocumentation(DocumentationTable<T> table,
            List<Keyed> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 160);
        for (Keyed keyed : rows) {
            CopyRow row = new CopyRow(text);
            row.bigint(++sequence);
            table.write(row, keyed.key(), batchId, table.cast(keyed.fact()));
            row.end();
        }
        copyIn(stagedDocumentation.get(table), "row_id, " + table.insertColumns(), text);
    }

    private void copyIn(String table, String columns, StringBuilder text) throws SQLException {
        try {
            copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), "08006", e);
        }
    }

    @Override
    public Result finish() throws SQLException {
        long replaced = count("SELECT COUNT(DISTINCT claim_id) FROM claim_lines WHERE claim_id IN"
                + " (SELECT claim_id FROM " + STAGED_LINES + ")");
        update("DELETE FROM claim_lines WHERE claim_id IN (SELECT claim_id FROM " + STAGED_LINES + ")");
        update("INSERT INTO claim_lines (batch_id, " + ClaimLinesTable.DATA_COLUMNS + ") SELECT batch_id, "
                + ClaimLinesTable.DATA_COLUMNS + " FROM " + STAGED_LINES + " ORDER BY line_seq");
        long added = 0;
        long already = 0;
        for (Map.Entry<DocumentationTable<?>, String> e : stagedDocumentation.entrySet()) {
            String table = e.getKey().table();
            String stored = " EXISTS (SELECT 1 FROM " + table + " t WHERE t.row_key = s.row_key)";
            already += count("SELECT COUNT(*) FROM " + e.getValue() + " s WHERE" + stored);
            added += update("INSERT INTO " + table + " (" + e.getKey().insertColumns() + ") SELECT "
                    + e.getKey().insertColumns() + " FROM " + e.getValue() + " s WHERE NOT" + stored + " ORDER BY s.row_id");
        }
        return new Result(replaced, added, already);
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private long update(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeLargeUpdate();
        }
    }

    @Override
    public void close() {
        // The staging tables go with the transaction.
    }
}
