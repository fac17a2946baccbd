package org.nmaudit.input.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * The segment being read: its tag, its ordinal in the file (ISA is 1; rejects name it as their
 * {@code line}) and its elements by position (1-based) and component (1-based). A simple element is
 * component 1 of its position. The same object is refilled for every segment, so a reader keeps the
 * element texts it needs, never the segment. How the elements are held depends on the reader: as texts
 * from StAEDI's events ({@link EventSegment}), or as places in the bytes the scanner read
 * ({@link ScannedSegment}), turned into text only when asked for.
 */
abstract class Segment {
    private String tag = "";
    private long ordinal;
    private int physicalLine;
    /** How many elements the segment has, and per element (1-based) how many components; kept by the subclass. */
    int elementCount;
    int[] componentCounts = new int[32];

    final void start(String segmentTag, long segmentOrdinal, int line) {
        tag = segmentTag;
        ordinal = segmentOrdinal;
        physicalLine = line;
    }

    /** How many elements the segment has (the last one sent, even when empty). */
    final int elementCount() {
        return elementCount;
    }

    /** How many components an element has (0 when absent, 1 for a simple element). */
    final int components(int element) {
        return element < 1 || element > elementCount ? 0 : componentCounts[element];
    }

    /** One component, trimmed; the element and component exist. */
    abstract String trimmed(int element, int component);

    String tag() {
        return tag;
    }

    boolean is(String segmentTag) {
        return tag.equals(segmentTag);
    }

    long ordinal() {
        return ordinal;
    }

    int physicalLine() {
        return physicalLine;
    }

    /** Component 1 of an element (the whole value of a simple element), trimmed; "" when absent. */
    String element(int element) {
        return component(element, 1);
    }

    /** One component of an element, trimmed; "" when absent. */
    String component(int element, int component) {
        if (component < 1 || component > components(element)) {
            return "";
        }
        return trimmed(element, component);
    }

    /** The components {@code from}..{@code to} of an element that are not blank, in order. */
    List<String> nonBlankComponents(int element, int from, int to) {
        List<String> out = new ArrayList<>(2);
        for (int c = from; c <= to; c++) {
            String v = component(element, c);
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    /** The element as it was sent, components joined with ':' (for reject values and messages). */
    String text(int element) {
        int n = components(element);
        if (n <= 1) {
            return element(element);
        }
        StringBuilder b = new StringBuilder();
        for (int c = 1; c <= n; c++) {
            if (c > 1) {
                b.append(':');
            }
            b.append(component(element, c));
        }
        return b.toString();
    }

    /** "SV1-07": the segment tag and a two-digit element position, as rejects name an element. */
    String label(int element) {
        return label(tag, element);
    }

    /** "SV1-01-2": a component of a composite element. */
    String label(int element, int component) {
        return label(tag, element, component);
    }

    static String label(String tag, int element) {
        return tag + "-" + (element < 10 ? "0" : "") + element;
    }

    static String label(String tag, int element, int component) {
        return label(tag, element) + "-" + component;
    }
}
