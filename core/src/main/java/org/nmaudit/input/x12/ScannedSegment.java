package org.nmaudit.input.x12;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A segment as {@link SegmentScanner} found it: where each component lies in the bytes read, turned into
 * text (UTF-8) only when a reader asks for it. A claim batch is mostly values no reader looks at, so most
 * components never become strings.
 */
final class ScannedSegment extends Segment {
    /** Values of at most this many bytes are kept in {@link #shortTexts}. */
    private static final int SHORT = 6;

    private byte[] bytes;
    /** Where the segment starts in {@link #bytes}: the places below count from it. */
    private int base;
    /** Per element (1-based): its first component's slot, its component count, and where it starts and ends. */
    private int[] firstSlot = new int[32];
    private int[] elementFrom = new int[32];
    private int[] elementTo = new int[32];
    private boolean[] repeated = new boolean[32];
    /** Per component slot: where its bytes start and end. */
    private int[] from = new int[64];
    private int[] to = new int[64];
    private int slots;
    private final String[] shortTexts = new String[2048];
    /** Per slot of {@link #shortTexts}: its bytes and length in one long ({@link #shortKey}), 0 for an empty slot. */
    private final long[] shortKeys = new long[2048];

    /** Starts filling the next segment: its places arrive before its bytes settle in the buffer. */
    void clear() {
        slots = 0;
        elementCount = 0;
    }

    /** The segment is complete: its bytes start at {@code segmentBase} in {@code source}. */
    void place(byte[] source, int segmentBase, String segmentTag, long segmentOrdinal) {
        start(segmentTag, segmentOrdinal, 0);
        bytes = source;
        base = segmentBase;
    }

    /** Opens the next element, which starts at {@code start}. */
    void openElement(int start) {
        int e = ++elementCount;
        if (e >= firstSlot.length) {
            int size = firstSlot.length * 2;
            firstSlot = Arrays.copyOf(firstSlot, size);
            componentCounts = Arrays.copyOf(componentCounts, size);
            elementFrom = Arrays.copyOf(elementFrom, size);
            elementTo = Arrays.copyOf(elementTo, size);
            repeated = Arrays.copyOf(repeated, size);
        }
        firstSlot[e] = slots;
        componentCounts[e] = 0;
        elementFrom[e] = start;
        repeated[e] = false;
    }

    /** A component of the open element (of its first occurrence) lies in {@code start..end}. */
    void addComponent(int start, int end) {
        if (slots == from.length) {
            from = Arrays.copyOf(from, slots * 2);
            to = Arrays.copyOf(to, slots * 2);
        }
        from[slots] = start;
        to[slots] = end;
        slots++;
        componentCounts[elementCount]++;
    }

    /** The open element has a second occurrence (only the first is read). */
    void markRepeated() {
        repeated[elementCount] = true;
    }

    /** The open element ends before {@code end}. */
    void closeElement(int end) {
        elementTo[elementCount] = end;
    }

    @Override
    String trimmed(int element, int component) {
        int slot = firstSlot[element] + component - 1;
        int start = base + from[slot];
        int end = base + to[slot];
        // String.trim() drops every char up to U+0020; these are single bytes in UTF-8, so trimming the
        // bytes first gives the same text without a second string.
        while (start < end && (bytes[start] & 0xff) <= ' ') {
            start++;
        }
        while (end > start && (bytes[end - 1] & 0xff) <= ' ') {
            end--;
        }
        if (end - start <= SHORT) {
            return shortText(start, end);
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /**
     * A short value, such as a qualifier (HC, UN, D8), a procedure code or a modifier: the same few recur
     * on every line, so each is made once and kept in a small table (an 835's service payments keep them),
     * found by its bytes packed into a long.
     */
    private String shortText(int start, int end) {
        long key = shortKey(start, end);
        if (key == 0) {
            return new String(bytes, start, end - start, StandardCharsets.UTF_8); // not ASCII
        }
        int hash = (int) (key ^ (key >>> 29));
        int slot = (hash ^ (hash >>> 11)) & (shortTexts.length - 1);
        if (shortKeys[slot] == key) {
            return shortTexts[slot];
        }
        String text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        shortTexts[slot] = text;
        shortKeys[slot] = key;
        return text;
    }

    /**
     * The {@value #SHORT} bytes at most in {@code start..end} and their count, in one long that no other
     * such value has; 0 when a byte is not ASCII.
     */
    private long shortKey(int start, int end) {
        long key = end - start + 1; // never 0, and values of different lengths differ
        for (int i = start; i < end; i++) {
            int b = bytes[i];
            if (b < 0) {
                return 0;
            }
            key = key << 8 | b;
        }
        return key;
    }

    /** The element exactly as sent (untrimmed, every component and occurrence), for the envelope checks. */
    String raw(int element) {
        if (element < 1 || element > elementCount) {
            return "";
        }
        return new String(bytes, base + elementFrom[element], elementTo[element] - elementFrom[element],
                StandardCharsets.UTF_8);
    }

    /** The element has one component and one occurrence. */
    boolean simple(int element) {
        return element >= 1 && element <= elementCount && componentCounts[element] == 1 && !repeated[element];
    }
}
