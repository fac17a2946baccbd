package org.nmaudit.input.x12;

/**
 * One value read from an 837, with where it was: the segment ordinal (rejects name it as their line)
 * and the loop and element, e.g. {@code 2400 SV1-02}, that start a reject's reason.
 */
record Element(String text, long segment, String source) {
    static final Element ABSENT = new Element("", 0, null);

    static Element of(Segment s, String loop, int element) {
        return new Element(s.element(element), s.ordinal(), loop + " " + s.label(element));
    }

    static Element of(Segment s, String loop, int element, int component) {
        return new Element(s.component(element, component), s.ordinal(), loop + " " + s.label(element, component));
    }

    boolean blank() {
        return text.isEmpty();
    }
}
