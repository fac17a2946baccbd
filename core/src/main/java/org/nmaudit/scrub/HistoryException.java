package org.nmaudit.scrub;

/** The history cannot be read or written (the database is unreachable, a transaction failed). */
public class HistoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }

    public HistoryException(String message) {
        super(message);
    }
}
