package org.nmaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmaudit.history.HistoryStoreTest.line;
import static org.nmaudit.history.HistoryStoreTest.outcome;
import static org.nmaudit.history.HistoryStoreTest.rows;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.TrialOutcome;

/**
 * Schema version 2 (V2__fewer_indexes) on a store that holds rows at version 1, on both databases: the rows stay,
 * the foreign keys to batches go, each documentation table's UNIQUE (row_key) and patient index become UNIQUE
 * (patient_id, row_key), and an identical documentation row is still stored once. Also the H2 case of a
 * migration killed halfway (H2 commits each DDL statement): it finishes on the next open.
 */
class SchemaMigrationTest {
    private static final List<String> DOCUMENTATION = List.of("trial_outcomes", "repeat_trial_justifications",
            "programming_sessions", "psych_evaluations");
    private static final List<String> WITH_BATCH_ID = List.of("claim_lines", "trial_outcomes",
            "repeat_trial_justifications", "programming_sessions", "psych_evaluations");
    private static final ClaimLine CLAIM = line("X", 1, "P1", "95970");

    static Stream<TestDatabase> databases() {
        return TestDatabase.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aVersion1StoreKeepsItsRowsAndGetsTheNewKeys(TestDatabase db) throws Exception {
        TrialOutcome stored = outcome("P1", 40.0, "5-day trial", 2);
        storeThenGoBackToVersion1(db, stored);
        try (Connection c = db.connect()) {
            assertEquals(5, foreignKeys(c).size(), "the version 1 layout has its foreign keys");
        }
        try (HistoryStore store = db.open()) {
            assertVersion2(db);
            assertEquals(FactFields.of(List.of(CLAIM, stored)), FactFields.of(store.factsOfPatients(List.of("P1"))));
            StoredBatch again = store.record(List.of(), List.of(stored, outcome("P1", 40.0, "7-day trial", 3)), "b");
            assertEquals(1, again.documentationRowsAdded());
            assertEquals(1, again.documentationRowsAlreadyStored());
            assertEquals(new StoreCounts(2, 1, 1, 2, 0, 0, 0), store.counts());
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            SQLException repeated = assertThrows(SQLException.class, () -> s.execute("INSERT INTO trial_outcomes"
                    + " (row_key, batch_id, patient_id, documented_date, source_line) SELECT row_key, batch_id,"
                    + " patient_id, documented_date, 99 FROM trial_outcomes WHERE source_line = 2"));
            assertEquals("23505", repeated.getSQLState(), repeated.getMessage()); // unique violation
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMigrationStoppedHalfwayFinishesOnTheNextOpen(TestDatabase db) throws Exception {
        TrialOutcome stored = outcome("P1", 40.0, "5-day trial", 2);
        storeThenGoBackToVersion1(db, stored);
        // What an H2 migration killed after its first statements leaves: some steps done, version 2 not recorded.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE claim_lines DROP CONSTRAINT " + quoted(foreignKeys(c).get("claim_lines")));
            s.execute("ALTER TABLE trial_outcomes ADD CONSTRAINT trial_outcomes_patient_row_key"
                    + " UNIQUE (patient_id, row_key)");
            s.execute("ALTER TABLE trial_outcomes DROP CONSTRAINT trial_outcomes_row_key");
        }
        try (HistoryStore store = db.open()) {
            assertVersion2(db);
            assertEquals(FactFields.of(List.of(CLAIM, stored)), FactFields.of(store.factsOfPatients(List.of("P1"))));
        }
    }

    /**
     * A store at version 2 holding {@code outcome} and claim X line 1 of P1, turned back into the version 1
     * layout (V1__claim_history.sql's keys and indexes, version 2 unrecorded), as an older nmaudit left it.
     */
    private static void storeThenGoBackToVersion1(TestDatabase db, TrialOutcome outcome) throws Exception {
        try (HistoryStore store = db.open()) {
            store.record(List.of(CLAIM), List.of(outcome), "a");
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : WITH_BATCH_ID) {
                s.execute("ALTER TABLE " + table + " ADD FOREIGN KEY (batch_id) REFERENCES batches (batch_id)");
            }
            for (String table : DOCUMENTATION) {
                s.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_row_key UNIQUE (row_key)");
                s.execute("CREATE INDEX " + table + "_patient ON " + table + " (patient_id)");
                s.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + table + "_patient_row_key");
            }
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '2'");
        }
    }

    private static void assertVersion2(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertEquals(List.of("1|claim history|true", "2|fewer indexes|true"), rows(s, "SELECT \"version\","
                    + " \"description\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\""));
            assertEquals(List.of(), List.copyOf(foreignKeys(c).keySet()));
            for (String table : DOCUMENTATION) {
                assertEquals(List.of(table + "_patient_row_key"), uniqueConstraints(c, table), table);
                assertEquals(List.of(), indexesNamed(c, table, table + "_patient"), table);
            }
        }
    }

    /** Table to the name of its foreign key, for the tables that have one. */
    private static Map<String, String> foreignKeys(Connection c) throws SQLException {
        Map<String, String> keys = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        for (String table : WITH_BATCH_ID) {
            try (ResultSet r = meta.getImportedKeys(c.getCatalog(), c.getSchema(), stored(meta, table))) {
                while (r.next()) {
                    keys.put(table, r.getString("FK_NAME"));
                }
            }
        }
        return keys;
    }

    private static List<String> uniqueConstraints(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var select = c.prepareStatement("SELECT LOWER(constraint_name) FROM information_schema.table_constraints"
                + " WHERE LOWER(table_name) = ? AND table_schema = ? AND constraint_type = 'UNIQUE'"
                + " ORDER BY 1")) {
            select.setString(1, table);
            select.setString(2, c.getSchema());
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }

    private static List<String> indexesNamed(Connection c, String table, String index) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getIndexInfo(c.getCatalog(), c.getSchema(), stored(meta, table), false, false)) {
            while (r.next()) {
                String name = r.getString("INDEX_NAME");
                if (name != null && name.equalsIgnoreCase(index)) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    private static String stored(DatabaseMetaData meta, String table) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
