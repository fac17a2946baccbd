package org.nmaudit.input;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads the decoded text of a CSV file record by record, following RFC 4180's quoting as commons-csv
 * applies it (a quote opens a field only as its first character, {@code ""} inside is a quote, a line
 * break outside quotes ends the record), and hands each record's characters to an {@link Output} (the
 * fields of {@link RecordFields}). On the way it
 * <ul>
 * <li>keeps every record bounded: once a cell passes {@link #MAX_CELL_CHARS}, the record
 * {@link #MAX_RECORD_CHARS} or {@link #MAX_COLUMNS} fields, the rest of the record is dropped (a quote
 * still open is closed) and the record is marked, to be rejected; a quote that never closes in a 500 MB
 * file does not become one cell of the rest of the file;</li>
 * <li>knows the physical lines: where each record starts and ends, and where a quote that the file
 * never closes was opened.</li>
 * </ul>
 * It used to sit between the decoder and commons-csv as a {@link Reader}, and commons-csv lexed every
 * character a second time; the output now takes the characters as they are recognised, runs of plain
 * ones in bulk (RecordGuardTest checks the fields are commons-csv's own).
 */
final class RecordGuard {
    /** What the guard passes on: the characters of each record, as far as the limits keep them. */
    interface Output {
        /** Characters inside a field that are not a comma, a quote or a line break. */
        void chars(char[] source, int offset, int length) throws IOException;

        /** One character of the record: a comma, a quote, a line break inside quotes, or any other. */
        void character(char c) throws IOException;

        /**
         * A line break outside quotes ended the record.
         *
         * @param closeQuote the record was cut inside quotes: a closing quote comes first
         * @param lineBreak the line break as it was ("\n", "\r\n" or "\r")
         */
        void endRecord(boolean closeQuote, String lineBreak) throws IOException;

        /**
         * The input ended inside a record (no line break after it).
         *
         * @param closeQuote the record was cut inside quotes: a closing quote comes first
         * @param insideQuotes the input ended inside a quoted field that never closes
         */
        void endInput(boolean closeQuote, boolean insideQuotes) throws IOException;
    }

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
    private final Output out;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int length;
    private boolean endOfInput;
    private boolean finished;

    /** The span of the record {@link #advance()} ended last. */
    private Span span;
    private boolean recordEnded;
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

    RecordGuard(Reader in, Output out) {
        this.in = in;
        this.out = out;
    }

    /**
     * Reads on to the end of the next record, its characters to the output.
     *
     * @return false when the input has no more records
     */
    boolean advance() throws IOException {
        recordEnded = false;
        while (!recordEnded) {
            if (finished) {
                return false;
            }
            if (plainRun()) {
                continue;
            }
            int c = next();
            if (c < 0) {
                finish();
            } else {
                step((char) c);
            }
        }
        return true;
    }

    /** Where the record that {@link #advance()} ended last lies. */
    Span span() {
        return span;
    }

    /** Where the record being read starts: the line to name when reading it fails. */
    long currentRecordLine() {
        return recordOpen ? recordStart : line;
    }

    /** The line of a double quote the file never closes, or 0. */
    long unclosedQuoteLine() {
        return unclosedQuoteLine;
    }

    /**
     * The fast path: characters inside a field that change no state (not a comma, quote or line break)
     * and pass no limit, handed on as a run. Returns whether there were any.
     */
    private boolean plainRun() throws IOException {
        if (skipping || !recordOpen || state != State.UNQUOTED && state != State.QUOTED
                || position >= length && !fill()) {
            return false;
        }
        long limit = Math.min(length - position, Math.min(MAX_CELL_CHARS - cellChars, MAX_RECORD_CHARS - recordChars));
        int n = 0;
        while (n < limit) {
            char c = buffer[position + n];
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                break;
            }
            n++;
        }
        if (n == 0) {
            return false;
        }
        out.chars(buffer, position, n);
        position += n;
        cellChars += n;
        recordChars += n;
        return true;
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
            span = new Span(recordStart, line, excess, excessField, false);
            line++;
            recordOpen = false;
            recordEnded = true;
            out.endRecord(quoteOwed, crlf ? "\r\n" : c == '\r' ? "\r" : "\n");
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

    /** From here to the record's end nothing reaches the output, which is left inside a quote or not. */
    private void exceed(Excess kind) {
        if (!skipping) {
            skipping = true;
            excess = kind;
            excessField = field;
            quoteOwed = state == State.QUOTED;
        }
    }

    private void emit(char c) throws IOException {
        if (!skipping) {
            out.character(c);
        }
    }

    private void finish() throws IOException {
        finished = true;
        if (!recordOpen) {
            return;
        }
        boolean insideQuotes = state == State.QUOTED;
        if (insideQuotes) {
            unclosedQuoteLine = quoteLine;
        }
        span = new Span(recordStart, line, excess, excessField, insideQuotes);
        recordOpen = false;
        recordEnded = true;
        out.endInput(!insideQuotes && quoteOwed, insideQuotes);
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

}
