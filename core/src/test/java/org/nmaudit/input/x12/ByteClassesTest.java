package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.input.x12.ByteClasses.COMPONENT;
import static org.nmaudit.input.x12.ByteClasses.CONTROL;
import static org.nmaudit.input.x12.ByteClasses.ELEMENT;
import static org.nmaudit.input.x12.ByteClasses.NON_ASCII;
import static org.nmaudit.input.x12.ByteClasses.ORDINARY;
import static org.nmaudit.input.x12.ByteClasses.REPETITION;
import static org.nmaudit.input.x12.ByteClasses.TERMINATOR;

import org.junit.jupiter.api.Test;

/** The byte table classifies every byte as the scanner's comparisons did, in their order. */
class ByteClassesTest {

    /** The scanner's comparisons before the table, for a segment it splits. */
    private static byte compared(int b, int terminator, int element, int component, int repetition) {
        if (b == terminator) {
            return TERMINATOR;
        } else if (b == element) {
            return ELEMENT;
        } else if (b == component) {
            return COMPONENT;
        } else if (b == repetition) {
            return REPETITION;
        } else if (b < 0x20 || b >= 0x7f) {
            return b >= 0x80 ? NON_ASCII : CONTROL;
        }
        return ORDINARY;
    }

    private static void sameAsCompared(int terminator, int element, int component, int repetition) {
        byte[] split = ByteClasses.split(terminator, element, component, repetition);
        byte[] skipped = ByteClasses.skipped(terminator);
        for (int b = 0; b < 256; b++) {
            assertEquals(compared(b, terminator, element, component, repetition), split[b], "split byte " + b);
            assertEquals(compared(b, terminator, -1, -1, -1), skipped[b], "skipped byte " + b);
        }
    }

    @Test
    void theUsualDelimiters() {
        sameAsCompared('~', '*', ':', '^');
    }

    @Test
    void withoutARepetitionSeparator() {
        sameAsCompared('~', '*', ':', -1);
    }

    @Test
    void delimitersThatAreControlOrNonAsciiBytes() {
        sameAsCompared('\n', 0x1D, 0x1F, 0x1E);
        sameAsCompared(0x85, 0xA7, 0x7F, 0x00);
    }

    @Test
    void delimitersThatCoincideKeepTheOrderOfTheComparisons() {
        sameAsCompared('*', '*', ':', '^');
        sameAsCompared('~', '*', '*', '*');
        sameAsCompared('~', '*', ':', ':');
        sameAsCompared('~', '~', '~', '~');
    }
}
