package org.nmaudit.history;

import java.sql.SQLException;

/**
 * A database error turned into a message for the console: which database, what went wrong, what to do.
 * The driver's own message is kept (it names the host, the file or the constraint) but no stack trace.
 */
final class StoreErrors {
    /** H2: the database file is open in another process. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2: a file database that another (newer or older) H2 wrote. */
    private static final int H2_FILE_VERSION_ERROR = 90048;
    private static final int H2_FILE_CORRUPTED = 90030;

    private StoreErrors() {
    }

    /** An error while connecting to the store. */
    static HistoryException connecting(StoreLocation location, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = detail(e);
        if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            return new HistoryException("the history database " + location + " is open in another nmaudit process"
                    + " (a running nmaudit serve?): an embedded database serves one process at a time; stop that"
                    + " process, or keep the history in PostgreSQL (--db jdbc:postgresql://...)", e);
        }
        if (e.getErrorCode() == H2_FILE_VERSION_ERROR || e.getErrorCode() == H2_FILE_CORRUPTED) {
            return new HistoryException("the history database " + location + " cannot be opened: " + detail, e);
        }
        if (state.startsWith("28")) {
            return new HistoryException("the history database " + location + " refused the user or password ("
                    + detail + "); set " + Credentials.USER_VARIABLE + " and " + Credentials.PASSWORD_VARIABLE
                    + " in the environment", e);
        }
        if (state.equals("3D000")) {
            return new HistoryException("the history database " + location + " does not exist (" + detail + ");"
                    + " create it first (e.g. createdb), or fix the database name in --db", e);
        }
        if (state.startsWith("08")) {
            return new HistoryException("cannot reach the history database " + location + " (" + detail + "); is"
                    + " the server running and are host, port and database in --db right?", e);
        }
        return new HistoryException("cannot open the history database " + location + ": " + detail, e);
    }

    /** An error while reading or writing the store, {@code doing} e.g. "storing the import". */
    static HistoryException failed(StoreLocation location, String doing, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return new HistoryException("the connection to the history database " + location + " was lost while "
                    + doing + " (" + detail(e) + "); nothing of it was stored", e);
        }
        return new HistoryException("the history database " + location + " failed while " + doing + ": " + detail(e),
                e);
    }

    /** The driver's message without H2's trailing "[90020-252]" codes; the SQLState for others. */
    private static String detail(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int firstLine = message.indexOf('\n');
        if (firstLine > 0) {
            message = message.substring(0, firstLine).strip();
        }
        return message;
    }
}
