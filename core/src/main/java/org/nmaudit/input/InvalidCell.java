package org.nmaudit.input;

/** A cell value that fails its column's format; the message says what is wrong and what is allowed. */
final class InvalidCell extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidCell(String problem) {
        super(problem, null, false, false);
    }
}
