package org.nmaudit.input;

/**
 * A data file that cannot be audited at all: missing, empty, unreadable, not UTF-8, broken quoting,
 * or missing a required column. The run stops before any rule fires (exit code 2).
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
