package org.nmaudit.input.x12;

import java.util.Arrays;

/** A segment filled from StAEDI's element events, one text per component. */
final class EventSegment extends Segment {
    private String[][] values = new String[32][];

    void begin(String segmentTag, long segmentOrdinal, int line) {
        start(segmentTag, segmentOrdinal, line);
        for (int i = 0; i <= elementCount && i < componentCounts.length; i++) {
            componentCounts[i] = 0;
        }
        elementCount = 0;
    }

    void set(int element, int component, String text) {
        if (element >= values.length) {
            int size = Math.max(element + 1, values.length * 2);
            values = Arrays.copyOf(values, size);
            componentCounts = Arrays.copyOf(componentCounts, size);
        }
        String[] components = values[element];
        if (components == null || component > components.length) {
            components = components == null ? new String[Math.max(component, 8)]
                    : Arrays.copyOf(components, Math.max(component, components.length * 2));
            values[element] = components;
        }
        if (component > componentCounts[element]) {
            for (int c = componentCounts[element] + 1; c < component; c++) {
                components[c - 1] = "";
            }
            componentCounts[element] = component;
        }
        components[component - 1] = text;
        if (element > elementCount) {
            for (int e = elementCount + 1; e < element; e++) {
                componentCounts[e] = 0;
            }
            elementCount = element;
        }
    }

    @Override
    String trimmed(int element, int component) {
        String v = values[element][component - 1];
        return v == null ? "" : v.trim();
    }
}
