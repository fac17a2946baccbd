package org.nmaudit.input;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Sits between the UTF-8 decoder and commons-csv, which has no size limits: a quote that never closes
 * in a 500 MB file would have it buffer the rest of the file as one cell. This reader follows the
 * RFC 4180 quoting commons-csv applies (a quote opens a field only as its first character, {@code ""}
 * inside is a quote, a line break outside quotes ends the record) and
 * <ul>
 * <li>keeps every record commons-csv sees bounded: once a cell passes {@link #MAX_CELL_CHARS}, the
 * record {@link #MAX_RECORD_CHARS} or {@link #MAX_COLUMNS} fields, the rest of the record is dropped
 * (a quote still open is closed) and the record is marked, to be rejected;</li>
 * <li>knows the physical lines: where each record starts and ends, and where a quote that the file
 * never closes was opened.</li>
 * </ul>
 * Each record commons-csv returns has one {@link Span}, taken in order with {@link #nextSpan()}.
 */
final class RecordGuard extends Reader {
    /** The longest cell, in characters (64 KB). */
    static final int MAX_CELL_CHARS = 64 * 1024;
    /** The longest record, in characters (1 MB), line breaks and commas included. */
    static final int MAX_RECORD_CHARS = 1024 * 1024;
    /** The most fields in a record (the header included). */
    static final int MAX_COLUMNS = 200;

    /** Which limit a record passed. */
    enum Excess { CELL, RECORD, COLUMNS }

    /**
     * Where one record lies in the file and whether it was cut.
     *
     * @param excess the limit it passed, or null
     * @param field the 0-based field where it passed it
     * @param unclosedQuote the record ends with the file inside a quoted field
     */
    record Span(long startLine, long endLine, Excess excess, int field, boolean unclosedQuote) {
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE }

    private final Reader in;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int length;
    private boolean endOfInput;
    private boolean finished;

    /** Characters for commons-csv not yet handed over; one step makes at most three. */
    private final char[] pending = new char[3];
    private int pendingStart;
    private int pendingEnd;

    private final ArrayDeque<Span> spans = new ArrayDeque<>();
    private State state = State.FIELD_START;
    private long line = 1;
    private boolean recordOpen;
    private long recordStart;
    private long recordChars;
    private long cellChars;
    private int field;
    private Excess excess;
    private int excessField;
    private boolean skipping;
    private boolean quoteOwed;
    private long quoteLine;
    private long unclosedQuoteLine;
    private long lastStart = 1;

    RecordGuard(Reader in) {
        this.in = in;
    }

    /** The span of the next record commons-csv returns. */
    Span nextSpan() {
        Span s = spans.poll();
        if (s == null) {
            // Not expected: commons-csv returned a record this reader did not end. Keep counting sensibly.
            return new Span(lastStart, lastStart, null, 0, false);
        }
        lastStart = s.startLine();
        return s;
    }

    /** Where the record commons-csv is reading starts: the line to name when it fails. */
    long currentRecordLine() {
        Span next = spans.peek();
        if (next != null) {
            return next.startLine();
        }
        return recordOpen ? recordStart : line;
    }

    /** The line of a double quote the file never closes, or 0. */
    long unclosedQuoteLine() {
        return unclosedQuoteLine;
    }

    @Override
    public int read(char[] out, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int count = 0;
        while (count < len) {
            if (pendingStart < pendingEnd) {
                out[off + count++] = pending[pendingStart++];
                continue;
            }
            pendingStart = 0;
            pendingEnd = 0;
            if (finished) {
                break;
            }
            int run = plainRun(out, off + count, len - count);
            if (run > 0) {
                count += run;
                continue;
            }
            int c = next();
            if (c < 0) {
                finish();
            } else {
                step((char) c);
            }
        }
        return count == 0 && finished ? -1 : count;
    }

    /**
     * The fast path: characters inside a field that change no state (not a comma, quote or line break)
     * and pass no limit, copied as they are. Returns how many.
     */
    private int plainRun(char[] out, int off, int room) throws IOException {
        if (skipping || !recordOpen || state != State.UNQUOTED && state != State.QUOTED
                || position >= length && !fill()) {
            return 0;
        }
        long limit = Math.min(Math.min(room, length - position),
                Math.min(MAX_CELL_CHARS - cellChars, MAX_RECORD_CHARS - recordChars));
        int n = 0;
        while (n < limit) {
            char c = buffer[position + n];
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                break;
            }
            n++;
        }
        System.arraycopy(buffer, position, out, off, n);
        position += n;
        cellChars += n;
        recordChars += n;
        return n;
    }

    private void step(char c) throws IOException {
        boolean crlf = c == '\r' && peek() == '\n';
        if (crlf) {
            next();
        }
        boolean lineBreak = c == '\n' || c == '\r';
        if (!recordOpen) {
            openRecord();
        }
        if (lineBreak && state != State.QUOTED) {
            if (quoteOwed) {
                pending[pendingEnd++] = '"';
            }
            pending[pendingEnd++] = c;
            if (crlf) {
                pending[pendingEnd++] = '\n';
            }
            spans.add(new Span(recordStart, line, excess, excessField, false));
            line++;
            recordOpen = false;
            return;
        }
        recordChars += crlf ? 2 : 1;
        if (recordChars > MAX_RECORD_CHARS) {
            exceed(Excess.RECORD);
        }
        switch (state) {
            case QUOTED -> {
                if (c == '"' && peek() == '"') {
                    next();
                    recordChars++;
                    cell();
                    emit('"');
                    emit('"');
                } else if (c == '"') {
                    state = State.AFTER_QUOTE;
                    emit(c);
                } else {
                    cell();
                    emit(c);
                    if (crlf) {
                        emit('\n');
                    }
                    if (lineBreak) {
                        line++;
                    }
                }
            }
            default -> {
                if (c == ',') {
                    field++;
                    cellChars = 0;
                    state = State.FIELD_START;
                    if (field >= MAX_COLUMNS) {
                        exceed(Excess.COLUMNS);
                    }
                    emit(c);
                } else if (c == '"' && state == State.FIELD_START) {
                    state = State.QUOTED;
                    quoteLine = line;
                    emit(c);
                } else {
                    if (state == State.FIELD_START) {
                        state = State.UNQUOTED;
                    }
                    cell();
                    emit(c);
                }
            }
        }
    }

    private void openRecord() {
        recordOpen = true;
        recordStart = line;
        recordChars = 0;
        cellChars = 0;
        field = 0;
        excess = null;
        excessField = 0;
        skipping = false;
        quoteOwed = false;
        state = State.FIELD_START;
    }

    private void cell() {
        if (++cellChars > MAX_CELL_CHARS) {
            exceed(Excess.CELL);
        }
    }

    /** From here to the record's end nothing reaches commons-csv, which is left inside a quote or not. */
    private void exceed(Excess kind) {
        if (!skipping) {
            skipping = true;
            excess = kind;
            excessField = field;
            quoteOwed = state == State.QUOTED;
        }
    }

    private void emit(char c) {
        if (!skipping) {
            pending[pendingEnd++] = c;
        }
    }

    private void finish() {
        finished = true;
        if (!recordOpen) {
            return;
        }
        if (state == State.QUOTED) {
            unclosedQuoteLine = quoteLine;
        } else if (quoteOwed) {
            pending[pendingEnd++] = '"';
        }
        spans.add(new Span(recordStart, line, excess, excessField, state == State.QUOTED));
        recordOpen = false;
    }

    private int next() throws IOException {
        if (position < length || fill()) {
            return buffer[position++];
        }
        return -1;
    }

    private int peek() throws IOException {
        if (position < length || fill()) {
            return buffer[position];
        }
        return -1;
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            endOfInput = true;
            length = 0;
            position = 0;
            return false;
        }
        length = n;
        position = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
