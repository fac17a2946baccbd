package org.nmaudit.input;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal strings between rows. Patient ids repeat on every line of a patient; one copy of each
 * keeps the working memory of a large audit in bounds.
 */
final class ValuePool {
    private final Map<String, String> values = new HashMap<>();
    private final int maxEntries;

    /** A pool that keeps every distinct value (patient ids of claims.csv: one per patient). */
    ValuePool() {
        this(Integer.MAX_VALUE);
    }

    private ValuePool(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * A pool that stops growing where MemoizedFormat does (later new values are returned as they are): for
     * columns whose values may all differ, where an unbounded pool would only cost memory.
     */
    static ValuePool bounded() {
        return new ValuePool(MemoizedFormat.MAX_ENTRIES);
    }

    String of(String value) {
        if (value == null) {
            return null;
        }
        String known = values.get(value);
        if (known != null) {
            return known;
        }
        if (values.size() < maxEntries) {
            values.put(value, value);
        }
        return value;
    }
}
