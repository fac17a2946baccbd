package org.nmaudit.input;

import java.io.IOException;
import java.util.Arrays;

/**
 * The fields of the records {@link RecordGuard} reads, cut as commons-csv's RFC 4180 format (empty lines
 * kept) cuts the same characters:
 * <ul>
 * <li>a comma ends a field, a line break the record (an empty line is a record of one empty field);</li>
 * <li>a field that starts with a quote runs to the next lone quote, {@code ""} inside it being one quote;
 * after the closing quote only white space may come before the comma or the line break (it is dropped),
 * any other character is an error, as commons-csv's "invalid character between encapsulated token and
 * delimiter";</li>
 * <li>a quote later in a field is an ordinary character;</li>
 * <li>the input ending inside quotes is an error; ending after a comma gives a last, empty field.</li>
 * </ul>
 * {@code RecordGuardTest} parses generated files both ways and compares records and errors.
 */
final class RecordFields implements RecordGuard.Output {
    /** What commons-csv reports for a character after a closing quote; CsvFileReader names the line. */
    static final String TEXT_AFTER_CLOSING_QUOTE = "Invalid character between encapsulated token and delimiter";
    static final String END_INSIDE_QUOTES = "EOF reached before encapsulated token finished";

    private enum State {
        FIELD_START,
        UNQUOTED,
        QUOTED,
        /** A quote inside quotes: the closing one, or the first of {@code ""}. */
        QUOTE_SEEN,
        AFTER_QUOTE
    }

    private State state = State.FIELD_START;
    private char[] field = new char[128];
    private int fieldLength;
    private String[] values = new String[32];
    private int valueCount;
    private String[] record;

    /** The record ended last, taken once. */
    String[] take() {
        String[] r = record;
        record = null;
        return r;
    }

    @Override
    public void chars(char[] source, int offset, int length) throws IOException {
        if (state == State.UNQUOTED || state == State.QUOTED) {
            append(source, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            character(source[i]);
        }
    }

    @Override
    public void character(char c) throws IOException {
        switch (state) {
            case FIELD_START -> {
                if (c == ',') {
                    endField();
                } else if (c == '"') {
                    state = State.QUOTED;
                } else {
                    state = State.UNQUOTED;
                    append(c);
                }
            }
            case UNQUOTED -> {
                if (c == ',') {
                    endField();
                } else {
                    append(c);
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_SEEN;
                } else {
                    append(c);
                }
            }
            case QUOTE_SEEN -> {
                if (c == '"') {
                    append('"');
                    state = State.QUOTED;
                } else {
                    state = State.AFTER_QUOTE;
                    afterQuote(c);
                }
            }
            case AFTER_QUOTE -> afterQuote(c);
        }
    }

    @Override
    public void endRecord(boolean closeQuote, String lineBreak) throws IOException {
        if (closeQuote) {
            character('"');
        }
        endField();
        endRecord();
    }

    @Override
    public void endInput(boolean closeQuote, boolean insideQuotes) throws IOException {
        if (closeQuote) {
            character('"');
        }
        if (insideQuotes || state == State.QUOTED) {
            throw new IOException(END_INSIDE_QUOTES);
        }
        endField();
        endRecord();
    }

    private void afterQuote(char c) throws IOException {
        if (c == ',') {
            endField();
        } else if (!Character.isWhitespace(c)) {
            throw new IOException(TEXT_AFTER_CLOSING_QUOTE);
        }
    }

    private void endField() {
        if (valueCount == values.length) {
            values = Arrays.copyOf(values, valueCount * 2);
        }
        values[valueCount++] = fieldLength == 0 ? "" : new String(field, 0, fieldLength);
        fieldLength = 0;
        state = State.FIELD_START;
    }

    private void endRecord() {
        record = Arrays.copyOf(values, valueCount);
        valueCount = 0;
    }

    private void append(char c) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, fieldLength * 2);
        }
        field[fieldLength++] = c;
    }

    private void append(char[] source, int offset, int length) {
        if (fieldLength + length > field.length) {
            field = Arrays.copyOf(field, Math.max(field.length * 2, fieldLength + length));
        }
        System.arraycopy(source, offset, field, fieldLength, length);
        fieldLength += length;
    }
}
