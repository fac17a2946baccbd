package org.nmaudit.history;

/**
 * The history store cannot do what was asked: the database is unreachable or refuses the credentials, the
 * --db URL is not usable, a row cannot be stored as it is. The message is for the person at the console
 * (what failed, where, and what to do); it never carries a password.
 */
public class HistoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
