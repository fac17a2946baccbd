package org.nmaudit.input.x12;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets a file with a malformed segment be read past it. StAEDI stops at a segment whose tag is not
 * 2-3 letters or digits (published examples carry typos such as {@code HI:BF:4019*BF:79431}), which
 * would leave every later claim unread. This filter finds the delimiters in each ISA, checks each
 * segment's tag on the way through, and hands StAEDI a placeholder segment ({@value #PLACEHOLDER}) in
 * place of a malformed one, so the segment count stays right; the reader learns the original text by
 * the segment's ordinal and rejects the claim it belongs to. It also skips a leading byte-order mark
 * and white space before ISA. Memory: one segment tag, and the text of the malformed segments.
 */
final class SegmentTagGuard extends InputStream {
    static final String PLACEHOLDER = "ZZZ";
    private static final int MAX_KEPT_TEXT = 200;
    private static final int ISA_ELEMENTS = 16;

    /** A segment replaced by the placeholder. */
    record Malformed(long ordinal, int physicalLine, String text) {
    }

    private enum State { LEADING, FIRST_TAG, RAW, HEADER, START, TAG, PASS, MALFORMED }

    private final InputStream in;
    private final byte[] input = new byte[1 << 16];
    private int inputPos;
    private int inputLen;
    private byte[] out = new byte[1 << 17];
    private int outPos;
    private int outLen;
    private boolean eof;

    private State state = State.LEADING;
    private int elementSeparator = -1;
    private int terminator = -1;
    private int headerSeparators;
    private boolean headerComponentSeen;
    private final StringBuilder tag = new StringBuilder(4);
    private final StringBuilder malformed = new StringBuilder();
    private long segments;
    private int line = 1;
    private int segmentLine = 1;
    private final Map<Long, Malformed> replaced = new HashMap<>();

    SegmentTagGuard(InputStream in) {
        this.in = in;
    }

    /** The segment replaced at an ordinal, or null. Filled while the stream is read. */
    Malformed replacedAt(long ordinal) {
        return replaced.get(ordinal);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (outPos == outLen) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Filters the next chunk of input into the output buffer; false at the end. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (inputPos == inputLen) {
            inputLen = in.read(input, 0, input.length);
            inputPos = 0;
            if (inputLen <= 0) {
                eof = true;
                inputLen = 0;
                if (state == State.TAG || state == State.FIRST_TAG) {
                    emit(tag); // a trailing partial segment: StAEDI reports the unexpected end
                }
                return outLen > outPos;
            }
        }
        outPos = 0;
        outLen = 0;
        while (inputPos < inputLen) {
            accept(input[inputPos++] & 0xff);
        }
        return true;
    }

    private void accept(int b) {
        if (b == '\n') {
            line++;
        }
        switch (state) {
            case LEADING -> {
                if (b == 0xEF || b == 0xBB || b == 0xBF || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                    return; // a byte-order mark or white space before ISA
                }
                segments = 1;
                segmentLine = line;
                state = State.FIRST_TAG;
                tag.append((char) b);
            }
            case FIRST_TAG -> {
                if (tag.length() < 3) {
                    tag.append((char) b);
                } else if (isIsa()) {
                    startHeader(b);
                } else {
                    // Not X12: passed on as it is, for StAEDI to report.
                    emit(tag);
                    emit(b);
                    state = State.RAW;
                }
            }
            case RAW -> emit(b);
            case HEADER -> {
                emit(b);
                if (headerSeparators < ISA_ELEMENTS) {
                    if (b == elementSeparator) {
                        headerSeparators++;
                    }
                } else if (!headerComponentSeen) {
                    headerComponentSeen = true; // ISA16, the component separator
                } else {
                    terminator = b;
                    state = State.START;
                }
            }
            case START -> {
                if (b != terminator && (b == '\r' || b == '\n' || b == ' ' || b == '\t')) {
                    emit(b);
                    return;
                }
                segments++;
                segmentLine = line;
                tag.setLength(0);
                state = State.TAG;
                tagByte(b);
            }
            case TAG -> tagByte(b);
            case PASS -> {
                emit(b);
                if (b == terminator) {
                    state = State.START;
                }
            }
            case MALFORMED -> {
                if (b == terminator) {
                    endMalformed();
                } else if (malformed.length() < MAX_KEPT_TEXT) {
                    malformed.append((char) b);
                }
            }
        }
    }

    private void tagByte(int b) {
        boolean delimiter = b == elementSeparator || b == terminator;
        boolean tagChar = (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
        if (tag.length() == 3 && !tagChar && b != terminator && isIsa()) {
            startHeader(b); // a new interchange, whose ISA names the delimiters again
            return;
        }
        if (delimiter && tag.length() >= 2) {
            emit(tag);
            emit(b);
            state = b == terminator ? State.START : State.PASS;
            return;
        }
        if (!delimiter && tagChar && tag.length() < 3) {
            tag.append((char) b);
            return;
        }
        malformed.setLength(0);
        malformed.append(tag).append((char) b);
        if (b == terminator) {
            endMalformed();
        } else {
            state = State.MALFORMED;
        }
    }

    private boolean isIsa() {
        return tag.length() == 3 && tag.charAt(0) == 'I' && tag.charAt(1) == 'S' && tag.charAt(2) == 'A';
    }

    /** ISA and its element separator {@code b}: the rest of ISA is passed on and gives the terminator. */
    private void startHeader(int b) {
        emit(tag);
        emit(b);
        elementSeparator = b;
        headerSeparators = 1;
        headerComponentSeen = false;
        state = State.HEADER;
    }

    private void endMalformed() {
        replaced.put(segments, new Malformed(segments, segmentLine, malformed.toString()));
        emit(PLACEHOLDER);
        emit(terminator);
        state = State.START;
    }

    private void emit(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            emit(text.charAt(i));
        }
    }

    private void emit(int b) {
        if (outLen == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[outLen++] = (byte) b;
    }
}
