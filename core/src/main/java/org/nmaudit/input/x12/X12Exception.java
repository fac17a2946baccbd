package org.nmaudit.input.x12;

/**
 * An X12 file that cannot be read at all: not X12, broken at a segment the tokenizer cannot pass, or
 * holding a transaction set or version that nmaudit does not read. The run stops (exit code 2).
 */
public final class X12Exception extends Exception {
    private static final long serialVersionUID = 1L;

    X12Exception(String message) {
        super(message);
    }

    X12Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
