package org.nmaudit.history;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a store's schema to the version this nmaudit knows, on every open: the SQL migrations under
 * db/migration and the Java ones in org.nmaudit.history.migration, applied by Flyway, which records them in
 * flyway_schema_history. A new database gets the whole schema; one at an older version gets the missing steps
 * (on PostgreSQL in one transaction each; H2 commits each DDL statement, see V2__fewer_indexes).
 */
final class Schema {
    /** The SQL migrations. */
    static final String MIGRATIONS = "classpath:db/migration";
    /** The migrations that need Java (V2: constraint names read from the database). */
    static final String JAVA_MIGRATIONS = "classpath:org/nmaudit/history/migration";

    private Schema() {
    }

    static void migrate(DataSource dataSource, StoreLocation location) throws HistoryException {
        try {
            Flyway.configure(Schema.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS, JAVA_MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new HistoryException("the schema of the history database " + location + " cannot be brought to"
                    + " this nmaudit's version: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String m = message.strip();
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end).strip();
    }
}
