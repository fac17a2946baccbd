package org.nmaudit.report;

/**
 * A report folder that cannot be read as one: missing, a file missing, or a file that is not what an
 * audit writes. The message names the folder or file and says what to do, for the console as it is.
 */
public final class ReportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
