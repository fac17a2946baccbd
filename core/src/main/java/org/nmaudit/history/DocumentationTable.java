package org.nmaudit.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.nmaudit.facts.PatientFact;

/**
 * One documentation file of data-format.md and its table: how a loaded row is stored, recognised when it
 * is already stored, read back and exported. Every table has row_id (the stored order), row_key (see
 * {@link RowKey}), batch_id, then the file's columns and source_line.
 */
abstract class DocumentationTable<T extends PatientFact> {
    static final List<DocumentationTable<? extends PatientFact>> ALL = List.of(new TrialOutcomesTable(),
            new RepeatTrialJustificationsTable(), new ProgrammingSessionsTable(), new PsychEvaluationsTable());

    private final Class<T> type;
    private final String fileName;
    private final String table;
    private final String[] header;
    private final String columns;
    private final String select;

    /** {@code header}: the file's columns, which are also the table's; the patient_id first. */
    DocumentationTable(Class<T> type, String fileName, String table, String... header) {
        this.type = type;
        this.fileName = fileName;
        this.table = table;
        this.header = header.clone();
        this.columns = "row_key, batch_id, " + String.join(", ", header) + ", source_line";
        this.select = "SELECT row_id, " + String.join(", ", header) + ", source_line FROM " + table;
    }

    /** The table of a documentation fact. */
    @SuppressWarnings("unchecked")
    static <F extends PatientFact> DocumentationTable<F> of(F fact) {
        for (DocumentationTable<?> t : ALL) {
            if (t.type == fact.getClass()) {
                return (DocumentationTable<F>) t;
            }
        }
        throw new IllegalArgumentException("not a documentation row: " + fact.getClass().getName());
    }

    final String fileName() {
        return fileName;
    }

    final String table() {
        return table;
    }

    final String[] header() {
        return header.clone();
    }

    /** row_key, batch_id, the file's columns and source_line: the columns a row is written to. */
    final String insertColumns() {
        return columns;
    }

    /** Parameters per row of {@link #insertSql}. */
    final int insertParameters() {
        return header.length + 3;
    }

    /** An INSERT of {@code rows} rows of row_key, batch_id, the file's columns, source_line: see {@link #bind}. */
    final String insertSql(int rows) {
        String row = "(" + HistoryWriter.placeholders(insertParameters()) + ")";
        return "INSERT INTO " + table + " (" + columns + ") VALUES " + row
                + (", " + row).repeat(rows - 1);
    }

    /** row_id, the file's columns, source_line: read with {@link #read}; add a WHERE or ORDER BY. */
    final String selectSql() {
        return select;
    }

    final T cast(PatientFact fact) {
        return type.cast(fact);
    }

    /** The values of one row of {@link #insertSql}. */
    final void write(RowValues row, String rowKey, long batchId, T fact) throws SQLException {
        row.text(rowKey).bigint(batchId).text(fact.getPatientId());
        writeColumns(row, fact);
        row.bigint(sourceLine(fact));
    }

    /** A row of {@link #selectSql()}, with {@code patientId} as its patient id. */
    final T read(ResultSet row, String patientId) throws SQLException {
        return read(row, patientId, 3, row.getLong(2 + header.length));
    }

    /** The values of the columns after patient_id. */
    abstract void writeColumns(RowValues row, T fact) throws SQLException;

    /** The fact of a row whose columns after patient_id start at {@code first}. */
    abstract T read(ResultSet row, String patientId, int first, long sourceLine) throws SQLException;

    abstract long sourceLine(T fact);

    /** Every loaded value of the row, the patient first; not the source line. */
    abstract RowKey key(T fact);

    /** The row of the file that loads as this fact. */
    abstract List<String> cells(T fact);
}
