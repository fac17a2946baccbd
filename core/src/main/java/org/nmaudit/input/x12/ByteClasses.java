package org.nmaudit.input.x12;

import java.util.Arrays;

/**
 * What each byte value is in a segment under one interchange's delimiters, as a table the scanner looks
 * a byte up in, instead of comparing it with each delimiter and range in turn: its loops look at every
 * byte of a file, and most bytes are none of these.
 */
final class ByteClasses {
    static final byte ORDINARY = 0;
    static final byte TERMINATOR = 1;
    static final byte ELEMENT = 2;
    static final byte COMPONENT = 3;
    static final byte REPETITION = 4;
    /** Below U+0020, or DEL: StAEDI drops it from a segment. */
    static final byte CONTROL = 5;
    /** A byte of a non-ASCII UTF-8 character (or not UTF-8 at all). */
    static final byte NON_ASCII = 6;

    private static final int BYTE_VALUES = 256;

    private ByteClasses() {
    }

    /**
     * For a segment that is split into elements. A delimiter wins over the range it lies in, and when two
     * delimiters are the same byte, the terminator wins, then the element, component and repetition
     * separators, in the order the scanner used to compare them.
     *
     * @param repetition the repetition separator, or -1 when the interchange has none
     */
    static byte[] split(int terminator, int element, int component, int repetition) {
        byte[] classes = ranges();
        if (repetition >= 0) {
            classes[repetition] = REPETITION;
        }
        classes[component] = COMPONENT;
        classes[element] = ELEMENT;
        classes[terminator] = TERMINATOR;
        return classes;
    }

    /** For a segment that is skipped: only its terminator is a delimiter, the separators are counted as bytes. */
    static byte[] skipped(int terminator) {
        byte[] classes = ranges();
        classes[terminator] = TERMINATOR;
        return classes;
    }

    private static byte[] ranges() {
        byte[] classes = new byte[BYTE_VALUES];
        Arrays.fill(classes, 0, 0x20, CONTROL);
        classes[0x7f] = CONTROL;
        Arrays.fill(classes, 0x80, BYTE_VALUES, NON_ASCII);
        return classes;
    }
}
