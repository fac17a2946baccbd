package org.nmaudit.input.x12;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A byte-level pass over an X12 file for readers that need only a few segments, such as the first pass
 * over the 837 files, which needs the envelope (for the versions) and CLM (for replacement and void
 * claims). StAEDI turns every byte into a character through a charset decoder and every element into
 * an event, which makes it several times slower than reading the same lines as CSV; this scanner only
 * finds segment boundaries, and splits into elements just the segments the handler {@link
 * SegmentHandler#wants wants}. It reads the bytes {@link SegmentTagGuard} hands on, so segment ordinals
 * and malformed segments are counted exactly as in a StAEDI pass; StAEDI still reads, and checks, every
 * segment that becomes data.
 */
final class SegmentScanner {
    private static final int ISA_ELEMENTS = 16;

    private SegmentScanner() {
    }

    /** Reads {@code in} to its end (or until the handler stops). */
    static void read(String name, InputStream in, SegmentHandler handler) throws X12Exception, IOException {
        SegmentTagGuard guarded = new SegmentTagGuard(in);
        Segment segment = new Segment();
        byte[] buffer = new byte[1 << 16];
        byte[] current = new byte[256];
        int length = 0;
        long ordinal = 0;
        int elementSeparator = -1;
        int componentSeparator = -1;
        int repetitionSeparator = -1;
        int terminator = -1;
        int isaSeparators = 0;
        int isaStage = 0; // 1: counting ISA's element separators, 2: ISA16 comes next, 3: the terminator comes next
        int n;
        while ((n = guarded.read(buffer, 0, buffer.length)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                if (length == 0 && b != terminator && (b == '\r' || b == '\n' || b == ' ' || b == '\t')) {
                    continue; // white space between segments
                }
                if (length == current.length) {
                    current = java.util.Arrays.copyOf(current, length * 2);
                }
                current[length++] = (byte) b;
                if (isaStage == 0 && length == 4 && current[0] == 'I' && current[1] == 'S' && current[2] == 'A') {
                    // ISA names the delimiters: its 4th byte, ISA16 and the byte after ISA16.
                    elementSeparator = b;
                    isaSeparators = 1;
                    isaStage = 1;
                    continue;
                }
                if (isaStage == 1) {
                    if (b == elementSeparator && ++isaSeparators == ISA_ELEMENTS) {
                        isaStage = 2;
                    }
                    continue;
                }
                if (isaStage == 2) {
                    componentSeparator = b;
                    isaStage = 3;
                    continue;
                }
                if (isaStage == 3) {
                    terminator = b;
                    repetitionSeparator = isaElement(current, length, elementSeparator, 11);
                    isaStage = 0;
                }
                if (b == terminator) {
                    ordinal++;
                    if (!segment(current, length - 1, ordinal, elementSeparator, componentSeparator,
                            repetitionSeparator, segment, handler)) {
                        return;
                    }
                    length = 0;
                }
            }
        }
        if (ordinal == 0) {
            throw new X12Exception(name + " cannot be read as X12: it must start with an ISA interchange header");
        }
    }

    /** The single character of ISA element {@code element} (ISA11: the repetition separator in 5010), or -1. */
    private static int isaElement(byte[] isa, int length, int separator, int element) {
        int seen = 0;
        for (int i = 0; i < length; i++) {
            if ((isa[i] & 0xff) == separator) {
                seen++;
                if (seen == element && i + 2 < length && (isa[i + 2] & 0xff) == separator) {
                    int c = isa[i + 1] & 0xff;
                    return Character.isLetterOrDigit(c) ? -1 : c; // 4010 has a letter (U) here
                }
            }
        }
        return -1;
    }

    /** Splits one segment (without its terminator) when the handler wants its tag. */
    private static boolean segment(byte[] bytes, int length, long ordinal, int elementSeparator,
            int componentSeparator, int repetitionSeparator, Segment segment, SegmentHandler handler)
            throws X12Exception {
        int tagEnd = 0;
        while (tagEnd < length && (bytes[tagEnd] & 0xff) != elementSeparator) {
            tagEnd++;
        }
        String tag = new String(bytes, 0, tagEnd, StandardCharsets.ISO_8859_1);
        if (!handler.wants(tag)) {
            return true;
        }
        boolean header = tag.equals("ISA");
        segment.start(tag, ordinal, 0);
        int element = 0;
        int component = 1;
        int start = tagEnd + 1;
        boolean skippingRepetition = false;
        for (int i = tagEnd; i <= length; i++) {
            int b = i < length ? bytes[i] & 0xff : elementSeparator;
            if (i == tagEnd) {
                element = 1;
                start = i + 1;
                continue;
            }
            boolean endOfElement = b == elementSeparator;
            boolean endOfComponent = !header && b == componentSeparator;
            boolean repetition = !header && b == repetitionSeparator;
            if (endOfElement || endOfComponent || repetition) {
                if (!skippingRepetition) {
                    segment.set(element, component, new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
                }
                if (endOfElement) {
                    element++;
                    component = 1;
                    skippingRepetition = false;
                } else if (endOfComponent) {
                    component++;
                } else {
                    skippingRepetition = true; // only the first occurrence of a repeated element is read
                }
                start = i + 1;
            }
        }
        return handler.segment(segment);
    }
}
