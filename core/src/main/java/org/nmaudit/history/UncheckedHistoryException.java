package org.nmaudit.history;

/**
 * A {@link HistoryException} raised where no checked exception may pass: inside an
 * {@link org.nmaudit.input.InputSink} that the data set reader calls, or a per-patient callback.
 */
public final class UncheckedHistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UncheckedHistoryException(HistoryException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized HistoryException getCause() {
        return (HistoryException) super.getCause();
    }
}
