package org.nmaudit.input.x12;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an X12 file byte by byte, without StAEDI: finds the delimiters in each ISA, the segments, and
 * splits into elements, components and the first occurrence of a repeated element just the segments the
 * handler {@link SegmentHandler#wants wants}; their values become text only when read ({@link
 * ScannedSegment}). StAEDI turns every byte into a character and every element into an event, which made
 * reading an 837 batch several times slower than reading the same lines as CSV.
 *
 * <p>Segments are counted as StAEDI counts them behind {@link SegmentTagGuard}: a segment whose tag is not
 * 2-3 letters or digits is skipped but counted, a leading byte-order mark and white space are skipped.
 *
 * <p>{@link #read} also tells whether the file is <em>plain</em>: every byte is of the kind on which this
 * scanner and StAEDI agree, so that StAEDI would give the same segments, elements and texts. A file is
 * not plain when it has a malformed segment, a control character inside a segment (StAEDI drops those),
 * white space other than line breaks between segments, bytes that are not UTF-8, an ISA that is not the
 * fixed 106 characters of 5010 with four distinct delimiters, or bytes after the last segment terminator.
 * The envelope itself (counts, control numbers, values) is {@link EnvelopeCheck}'s job.
 */
final class SegmentScanner {
    private static final int ISA_ELEMENTS = 16;
    /** ISA is 106 characters: the element separator is its 4th, the component separator its 105th. */
    private static final int ISA_LENGTH = 106;
    private static final int[] ISA_SEPARATOR_OFFSETS = {3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103};

    private final InputStream in;
    private final SegmentHandler handler;
    private final ScannedSegment segment = new ScannedSegment();
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;
    private long ordinal;
    private int elementSeparator = -1;
    private int componentSeparator = -1;
    private int repetitionSeparator = -1;
    private int terminator = -1;
    /** What each byte is in a segment that is split, and in one that is skipped ({@link ByteClasses}). */
    private byte[] splitClasses;
    private byte[] skipClasses;
    private boolean plain = true;
    /** The delimiters of the first ISA; a later interchange with other delimiters makes the file not plain. */
    private int[] firstDelimiters;

    private SegmentScanner(InputStream in, SegmentHandler handler) {
        this.in = in;
        this.handler = handler;
    }

    /**
     * Reads {@code in} to its end (or until the handler stops).
     *
     * @return whether the file is plain (see the class comment): StAEDI would read the same segments from it
     * @throws X12Exception when the file does not start with an ISA header, or when the handler stops the file
     */
    static boolean read(String name, InputStream in, SegmentHandler handler) throws X12Exception, IOException {
        SegmentScanner scanner = new SegmentScanner(in, handler);
        if (!scanner.scan()) {
            return false;
        }
        if (scanner.ordinal == 0) {
            throw new X12Exception(name + " cannot be read as X12: it must start with an ISA interchange header");
        }
        return scanner.plain;
    }

    /** Reads segment after segment; false when the handler stopped. */
    private boolean scan() throws X12Exception, IOException {
        if (!startsWithIsa()) {
            return true;
        }
        if (!header()) {
            return false;
        }
        while (nextSegment()) {
            if (!segmentAt()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first ISA, after a byte-order mark and white space: its first three bytes must be ISA, and its
     * fourth is the element separator whatever it is (as in SegmentTagGuard). False when the file is no X12.
     */
    private boolean startsWithIsa() throws IOException {
        while (true) {
            if (!available(1)) {
                return false;
            }
            int b = buffer[position] & 0xff;
            if (b == 0xEF || b == 0xBB || b == 0xBF || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                position++;
            } else {
                break;
            }
        }
        return available(4) && buffer[position] == 'I' && buffer[position + 1] == 'S' && buffer[position + 2] == 'A';
    }

    /** Skips the white space before a segment; false at the end of the file. */
    private boolean nextSegment() throws IOException {
        while (available(1)) {
            int b = buffer[position] & 0xff;
            if (b != terminator && (b == '\r' || b == '\n' || b == ' ' || b == '\t')) {
                if (b == ' ' || b == '\t') {
                    plain = false; // StAEDI ignores line breaks between segments, not spaces or tabs
                }
                position++;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The segment at {@link #position}: an ISA, a segment with a well-formed tag, or a malformed one. */
    private boolean segmentAt() throws X12Exception, IOException {
        available(4);
        int tagLength = 0;
        while (tagLength < 3 && position + tagLength < limit && isTagByte(buffer[position + tagLength] & 0xff)) {
            tagLength++;
        }
        int next = position + tagLength < limit ? buffer[position + tagLength] & 0xff : -1;
        if (tagLength == 3 && next >= 0 && !isTagByte(next) && next != terminator && buffer[position] == 'I'
                && buffer[position + 1] == 'S' && buffer[position + 2] == 'A') {
            return header(); // a new interchange, whose ISA names the delimiters again
        }
        if (tagLength >= 2 && (next == elementSeparator || next == terminator)) {
            return body(tagLength);
        }
        return malformed();
    }

    /** A segment whose tag is not 2-3 letters or digits: counted (StAEDI sees a placeholder), not read. */
    private boolean malformed() throws X12Exception, IOException {
        plain = false;
        int end = terminatorFrom(position);
        if (end < 0) {
            position = limit;
            return true; // unterminated at the end of the file: not a segment
        }
        ordinal++;
        position = end + 1;
        if (handler.wants(SegmentTagGuard.PLACEHOLDER)) {
            segment.clear();
            segment.place(buffer, end, SegmentTagGuard.PLACEHOLDER, ordinal);
            return handler.segment(segment);
        }
        return true;
    }

    /**
     * A segment with a well-formed tag of {@code tagLength} bytes at {@link #position}: one pass finds its
     * terminator, notes control characters and non-ASCII bytes, and, when the handler wants the segment,
     * where its elements and components lie. Every element is read, the empty ones too, and of a repeated
     * element only the first occurrence.
     */
    private boolean body(int tagLength) throws X12Exception, IOException {
        String tag = SegmentTags.of(buffer, position, tagLength);
        if (!handler.wants(tag)) {
            skip(tagLength);
            return true;
        }
        segment.clear();
        byte[] classes = splitClasses;
        int start = position;
        int i = start + tagLength;
        int controls = 0;
        int high = 0;
        boolean elements = false;
        boolean repetition = false;
        int from = 0; // where the current component starts, counted from the segment's start
        while (true) {
            byte kind = ByteClasses.ORDINARY;
            while (i < limit && (kind = classes[buffer[i] & 0xff]) == ByteClasses.ORDINARY) {
                i++;
            }
            if (i == limit) {
                int moved = refill(start);
                if (moved < 0) {
                    endsInSegment();
                    return true;
                }
                start -= moved;
                i -= moved;
                continue;
            }
            if (kind == ByteClasses.TERMINATOR) {
                break;
            }
            switch (kind) {
                case ByteClasses.ELEMENT -> {
                    int at = i - start;
                    if (elements) {
                        if (!repetition) {
                            segment.addComponent(from, at);
                        }
                        segment.closeElement(at);
                    }
                    segment.openElement(at + 1);
                    elements = true;
                    repetition = false;
                    from = at + 1;
                }
                case ByteClasses.COMPONENT -> {
                    if (!repetition) {
                        segment.addComponent(from, i - start);
                    }
                    from = i - start + 1;
                }
                case ByteClasses.REPETITION -> {
                    if (!repetition) {
                        segment.addComponent(from, i - start);
                        segment.markRepeated();
                    }
                    repetition = true;
                    from = i - start + 1;
                }
                case ByteClasses.NON_ASCII -> high++;
                default -> controls++;
            }
            i++;
        }
        ended(start, i, controls, high);
        if (elements) {
            if (!repetition) {
                segment.addComponent(from, i - start);
            }
            segment.closeElement(i - start);
        }
        segment.place(buffer, start, tag, ordinal);
        return handler.segment(segment);
    }

    /** A segment the handler does not want: only its end is found, and whether it is plain. */
    private void skip(int tagLength) throws IOException {
        byte[] classes = skipClasses;
        int start = position;
        int i = start + tagLength;
        int controls = 0;
        int high = 0;
        while (true) {
            byte kind = ByteClasses.ORDINARY;
            while (i < limit && (kind = classes[buffer[i] & 0xff]) == ByteClasses.ORDINARY) {
                i++;
            }
            if (i == limit) {
                int moved = refill(start);
                if (moved < 0) {
                    endsInSegment();
                    return;
                }
                start -= moved;
                i -= moved;
                continue;
            }
            if (kind == ByteClasses.TERMINATOR) {
                break;
            }
            if (kind == ByteClasses.NON_ASCII) {
                high++;
            } else {
                controls++;
            }
            i++;
        }
        ended(start, i, controls, high);
    }

    /** The file ends inside a segment, which StAEDI reports: nothing more is read. */
    private void endsInSegment() {
        plain = false;
        position = limit;
    }

    /** The segment in {@code start..end} ended at its terminator, with control and non-ASCII bytes counted. */
    private void ended(int start, int end, int controls, int high) {
        position = end + 1;
        ordinal++;
        if (controls > 0 || (high > 0 && !utf8(start, end))) {
            plain = false;
        }
    }

    /**
     * An ISA at {@link #position}: the byte after ISA is the element separator, the byte after the 16th
     * separator the component separator (ISA16), and the byte after that the segment terminator.
     */
    private boolean header() throws X12Exception, IOException {
        int start = position;
        elementSeparator = buffer[start + 3] & 0xff;
        int separators = 1;
        int i = start + 4;
        int isa16 = -1;
        while (true) {
            if (i == limit) {
                int moved = refill(start);
                if (moved < 0) {
                    plain = false;
                    position = limit;
                    return true; // a truncated ISA: not a segment
                }
                start -= moved;
                i -= moved;
                isa16 = isa16 < 0 ? -1 : isa16 - moved;
                continue;
            }
            int b = buffer[i] & 0xff;
            if (separators < ISA_ELEMENTS) {
                if (b == elementSeparator) {
                    separators++;
                }
            } else if (isa16 < 0) {
                isa16 = i;
            } else {
                break;
            }
            i++;
        }
        componentSeparator = buffer[isa16] & 0xff;
        terminator = buffer[i] & 0xff;
        repetitionSeparator = isaElement(start, i, 11);
        splitClasses = ByteClasses.split(terminator, elementSeparator, componentSeparator, repetitionSeparator);
        skipClasses = ByteClasses.skipped(terminator);
        position = i + 1;
        ordinal++;
        if (!standardHeader(start, i)) {
            plain = false;
        }
        if (!handler.wants("ISA")) {
            return true;
        }
        splitHeader(start, i);
        return handler.segment(segment);
    }

    /**
     * Whether the ISA in {@code start..end} is the one StAEDI reads as this scanner does: 106 characters
     * with the separators where 5010 puts them, version 00501 (StAEDI reads ISA11 as the repetition
     * separator from version 00402 on), and four distinct delimiters that are printable, not letters or
     * digits.
     */
    private boolean standardHeader(int start, int end) {
        if (end - start + 1 != ISA_LENGTH) {
            return false;
        }
        int e = 0;
        for (int i = 0; i < ISA_LENGTH - 1; i++) {
            if ((buffer[start + i] & 0xff) == elementSeparator) {
                if (e == ISA_SEPARATOR_OFFSETS.length || ISA_SEPARATOR_OFFSETS[e] != i) {
                    return false;
                }
                e++;
            }
        }
        if (!new String(buffer, start + 84, 5, StandardCharsets.ISO_8859_1).equals("00501")) {
            return false;
        }
        int[] delimiters = {elementSeparator, componentSeparator, repetitionSeparator, terminator};
        if (firstDelimiters == null) {
            firstDelimiters = delimiters;
        } else if (!Arrays.equals(firstDelimiters, delimiters)) {
            return false;
        }
        for (int a = 0; a < delimiters.length; a++) {
            int d = delimiters[a];
            if (d <= ' ' || d >= 0x7f || Character.isLetterOrDigit(d)) {
                return false;
            }
            for (int b = a + 1; b < delimiters.length; b++) {
                if (delimiters[b] == d) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The single character of ISA element {@code element} (ISA11: the repetition separator in 5010), or -1. */
    private int isaElement(int start, int end, int element) {
        int seen = 0;
        for (int i = start; i < end; i++) {
            if ((buffer[i] & 0xff) == elementSeparator) {
                seen++;
                if (seen == element && i + 2 < end && (buffer[i + 2] & 0xff) == elementSeparator) {
                    int c = buffer[i + 1] & 0xff;
                    return Character.isLetterOrDigit(c) ? -1 : c; // 4010 has a letter (U) here
                }
            }
        }
        return -1;
    }

    /** Splits the ISA in {@code start..end} (before its terminator) at the element separator only. */
    private void splitHeader(int start, int end) {
        segment.clear();
        int from = 4;
        segment.openElement(from);
        for (int i = start + from; i < end; i++) {
            if ((buffer[i] & 0xff) == elementSeparator) {
                segment.addComponent(from, i - start);
                segment.closeElement(i - start);
                from = i - start + 1;
                segment.openElement(from);
            }
        }
        segment.addComponent(from, end - start);
        segment.closeElement(end - start);
        segment.place(buffer, start, "ISA", ordinal);
    }

    /** The index of the next terminator from {@code from} (refilling as needed), or -1 at the end of the file. */
    private int terminatorFrom(int from) throws IOException {
        int i = from;
        while (true) {
            if (i == limit) {
                int moved = refill(from);
                if (moved < 0) {
                    return -1;
                }
                from -= moved;
                i -= moved;
                continue;
            }
            if ((buffer[i] & 0xff) == terminator) {
                return i;
            }
            i++;
        }
    }

    /**
     * Whether {@code start..end} is well-formed UTF-8 (StAEDI decodes the file as UTF-8) of characters in the
     * Basic Multilingual Plane: StAEDI fails on a character beyond it (4 bytes in UTF-8, such as an emoji).
     */
    private boolean utf8(int start, int end) {
        for (int i = start; i < end; i++) {
            if ((buffer[i] & 0xff) >= 0xF0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buffer, start, end - start));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Makes {@code n} bytes available from {@link #position}; false when the file ends first. */
    private boolean available(int n) throws IOException {
        while (limit - position < n) {
            if (refill(position) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads more bytes, keeping those from {@code keep} on (moved to the start of the buffer, which grows
     * when a segment fills it). Returns how far the kept bytes moved (positions before it shift by as
     * much), or -1 at the end of the file.
     */
    private int refill(int keep) throws IOException {
        if (eof) {
            return -1;
        }
        int moved = keep;
        if (moved > 0) {
            System.arraycopy(buffer, keep, buffer, 0, limit - keep);
            limit -= moved;
            position -= moved;
        } else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
            if (moved > 0) {
                return moved;
            }
            return -1;
        }
        limit += n;
        return moved;
    }

    private static boolean isTagByte(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    }
}
