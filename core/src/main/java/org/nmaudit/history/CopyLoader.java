package org.nmaudit.history;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's bulk path for an import: rows stream in by COPY, several times faster than INSERTs, while the
 * next rows are read (the server works as the data arrives). A table that was empty when the import began
 * takes the rows directly; into a table that held rows, they go first to a temporary staging table (dropped
 * with the transaction), and at the end one DELETE ... IN (SELECT ...) removes every stored claim the import
 * replaces and one INSERT ... SELECT adds what is new, in the order the rows came.
 *
 * <p>The import locks the history tables against other writers (readers go on): what was empty stays empty
 * until it commits, and two imports never interleave their replacements.
 */
final class CopyLoader implements RowLoader {
    private static final String CLAIM_LINES = "claim_lines";

    private final Connection connection;
    private final long batchId;
    private final CopyManager copy;
    /** Where each table's rows go: the table itself, or its staging table. */
    private final Map<String, String> target = new LinkedHashMap<>();
    private final List<String> staged = new ArrayList<>();
    private CopyIn open;
    private String openTable;
    private long sequence;
    private long documentationDirect;

    CopyLoader(Connection connection, long batchId) throws SQLException {
        this.connection = connection;
        this.batchId = batchId;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<String> tables = new ArrayList<>(List.of(CLAIM_LINES));
        DocumentationTable.ALL.forEach(t -> tables.add(t.table()));
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + String.join(", ", tables) + " IN SHARE ROW EXCLUSIVE MODE");
            for (String table : tables) {
                if (isEmpty(table)) {
                    target.put(table, table);
                } else {
                    String staging = "nmaudit_import_" + table;
                    // The table's columns without its constraints; line_seq and row_id carry the order of arrival.
                    statement.execute("CREATE TEMPORARY TABLE " + staging + " ON COMMIT DROP AS SELECT * FROM " + table
                            + " WITH NO DATA");
                    target.put(table, staging);
                    staged.add(table);
                }
            }
        }
    }

    private boolean isEmpty(String table) throws SQLException {
        try (PreparedStatement any = connection.prepareStatement("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY");
                ResultSet row = any.executeQuery()) {
            return !row.next();
        }
    }

    @Override
    public void claimLines(List<ClaimLine> lines) throws SQLException {
        boolean direct = !staged.contains(CLAIM_LINES);
        StringBuilder text = new StringBuilder(lines.size() * 160);
        for (ClaimLine line : lines) {
            CopyRow row = new CopyRow(text);
            if (!direct) {
                row.bigint(++sequence);
            }
            ClaimLinesTable.write(row, batchId, line);
            row.end();
        }
        send(CLAIM_LINES, (direct ? "" : "line_seq, ") + "batch_id, " + ClaimLinesTable.DATA_COLUMNS, text);
    }

    @Override
    public void documentation(DocumentationTable<?> table, List<Keyed> rows) throws SQLException {
        copyDocumentation(table, rows);
    }

    private <T extends PatientFact> void copyDocumentation(DocumentationTable<T> table, List<Keyed> rows)
            throws SQLException {
        boolean direct = !staged.contains(table.table());
        StringBuilder text = new StringBuilder(rows.size() * 160);
        for (Keyed keyed : rows) {
            CopyRow row = new CopyRow(text);
            if (!direct) {
                row.bigint(++sequence);
            }
            table.write(row, keyed.key(), batchId, table.cast(keyed.fact()));
            row.end();
        }
        if (direct) {
            documentationDirect += rows.size();
        }
        send(table.table(), (direct ? "" : "row_id, ") + table.insertColumns(), text);
    }

    /** Appends to the open COPY of the table's target, first ending a COPY into another table. */
    private void send(String table, String columns, StringBuilder text) throws SQLException {
        if (!table.equals(openTable)) {
            endCopy();
            open = copy.copyIn("COPY " + target.get(table) + " (" + columns + ") FROM STDIN (FORMAT csv)");
            openTable = table;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        open.writeToCopy(bytes, 0, bytes.length);
    }

    private void endCopy() throws SQLException {
        if (open != null) {
            CopyIn ending = open;
            open = null;
            openTable = null;
            ending.endCopy();
        }
    }

    @Override
    public Result finish() throws SQLException {
        endCopy();
        long replaced = 0;
        if (staged.contains(CLAIM_LINES)) {
            String staging = target.get(CLAIM_LINES);
            replaced = count("SELECT COUNT(DISTINCT claim_id) FROM claim_lines WHERE claim_id IN (SELECT claim_id FROM "
                    + staging + ")");
            update("DELETE FROM claim_lines WHERE claim_id IN (SELECT claim_id FROM " + staging + ")");
            update("INSERT INTO claim_lines (batch_id, " + ClaimLinesTable.DATA_COLUMNS + ") SELECT batch_id, "
                    + ClaimLinesTable.DATA_COLUMNS + " FROM " + staging + " ORDER BY line_seq");
        }
        long added = documentationDirect;
        long already = 0;
        for (DocumentationTable<?> table : DocumentationTable.ALL) {
            if (staged.contains(table.table())) {
                String staging = target.get(table.table());
                String stored = " EXISTS (SELECT 1 FROM " + table.table() + " t WHERE t.patient_id = s.patient_id"
                        + " AND t.row_key = s.row_key)"; // the table's key, (patient_id, row_key)
                already += count("SELECT COUNT(*) FROM " + staging + " s WHERE" + stored);
                added += update("INSERT INTO " + table.table() + " (" + table.insertColumns() + ") SELECT "
                        + table.insertColumns() + " FROM " + staging + " s WHERE NOT" + stored + " ORDER BY s.row_id");
            }
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
    public void close() throws SQLException {
        if (open != null && open.isActive()) {
            CopyIn abandoned = open;
            open = null;
            abandoned.cancelCopy();
        }
    }
}
