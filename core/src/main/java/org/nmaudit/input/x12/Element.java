package org.nmaudit.input.x12;

import java.util.function.Supplier;

/**
 * One value read from an 837, with where it was: the segment ordinal (rejects name it as their line)
 * and the loop and element, e.g. {@code 2400 SV1-02}, that start a reject's reason. The loop and element
 * are worded only when asked for: a batch reads millions of values and rejects few. An element is itself
 * the supplier of its source for the cell it becomes (no supplier object per cell).
 */
final class Element implements Supplier<String> {
    static final Element ABSENT = new Element("", 0, null);

    private final String text;
    private final long segment;
    private final String loop;
    private final String tag;
    private final int position;
    private final int component;
    private String source;

    /** A value whose source is already worded (or null). */
    Element(String text, long segment, String source) {
        this(text, segment, null, null, 0, 0);
        this.source = source;
    }

    private Element(String text, long segment, String loop, String tag, int position, int component) {
        this.text = text;
        this.segment = segment;
        this.loop = loop;
        this.tag = tag;
        this.position = position;
        this.component = component;
    }

    static Element of(Segment s, String loop, int element) {
        return new Element(s.element(element), s.ordinal(), loop, s.tag(), element, 0);
    }

    static Element of(Segment s, String loop, int element, int component) {
        return new Element(s.component(element, component), s.ordinal(), loop, s.tag(), element, component);
    }

    String text() {
        return text;
    }

    long segment() {
        return segment;
    }

    /**
     * "2400 SV1-02" or "2400 SV1-01-2": the loop and the element (and component), or null. An element the
     * claims share (the subscriber's, the billing provider's) may be worded on the reading thread and the
     * validating one at once ({@link ReadAlongside}): both word the same immutable text, so either may win.
     */
    String source() {
        if (source == null && loop != null) {
            source = loop + " " + (component == 0 ? Segment.label(tag, position) : Segment.label(tag, position,
                    component));
        }
        return source;
    }

    /** {@link #source()}, for a cell that words its source only when a reject needs it. */
    @Override
    public String get() {
        return source();
    }

    boolean blank() {
        return text.isEmpty();
    }
}
