package org.nmaudit.history.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 2: the same tables with fewer indexes, because every index of a table is written again for
 * every stored row, and on H2 that is most of what an import costs (1M claim lines: each index below cost 2 to
 * 2.5 s of a 30 s import, measured by dropping it).
 *
 * <ul>
 * <li>The foreign keys from claim_lines and the documentation tables to batches go. H2 gives each one an index
 * on batch_id, which nothing reads: a row's batch_id is written by the same transaction that writes its batch
 * row, and batches are never deleted, so the key checked only what the writer already guarantees.
 * PostgreSQL's keys have no index, but were checked on every row.</li>
 * <li>In each documentation table, UNIQUE (row_key) and the index on patient_id become one UNIQUE (patient_id,
 * row_key). row_key is the hash of every value of the row, patient_id among them, so the pair is unique
 * exactly when row_key is; and a scrub's reads by patient_id use the pair's leading column.</li>
 * </ul>
 *
 * <p>Java rather than SQL because the foreign keys were created without names: each database named them its
 * own way, so their names are read from the database's metadata. PostgreSQL runs the migration in one
 * transaction; H2 commits each DDL statement on its own, so every step here first checks whether it is still
 * to do, and a migration killed halfway on H2 finishes when the store is next opened (Flyway records the
 * version only once it has run through).
 */
public class V2__fewer_indexes extends BaseJavaMigration {
    /** Written out, not DocumentationTable.ALL: a migration stays as it was when later code changes. */
    static final List<String> DOCUMENTATION_TABLES = List.of("trial_outcomes", "repeat_trial_justifications",
            "programming_sessions", "psych_evaluations");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> tables = new ArrayList<>(List.of("claim_lines"));
        tables.addAll(DOCUMENTATION_TABLES);
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                for (String key : foreignKeys(connection, table)) {
                    statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + quoted(key));
                }
            }
            for (String table : DOCUMENTATION_TABLES) {
                // The new key first: at no point does a table accept a repeated row.
                if (!hasConstraint(connection, table, table + "_patient_row_key")) {
                    statement.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_patient_row_key"
                            + " UNIQUE (patient_id, row_key)");
                }
                statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + table + "_row_key");
                statement.execute("DROP INDEX IF EXISTS " + table + "_patient");
            }
        }
    }

    /** The names of the table's foreign keys, in the connection's current schema. */
    private static List<String> foreignKeys(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        List<String> keys = new ArrayList<>();
        try (ResultSet rows = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
            while (rows.next()) {
                String key = rows.getString("FK_NAME");
                if (!keys.contains(key)) { // one row per column of the key
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private static boolean hasConstraint(Connection connection, String table, String constraint) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM information_schema.table_constraints"
                + " WHERE LOWER(table_name) = ? AND LOWER(constraint_name) = ? AND table_schema = ?")) {
            select.setString(1, table);
            select.setString(2, constraint);
            select.setString(3, connection.getSchema());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
