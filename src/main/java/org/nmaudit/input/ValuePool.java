package org.nmaudit.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares equal strings between rows. Codes, NPIs and patient ids repeat across millions of lines;
 * one copy of each keeps the working memory of a large audit in bounds.
 */
final class ValuePool {
    private final Map<String, String> values = new HashMap<>();
    private final Map<List<String>, List<String>> lists = new HashMap<>();

    String of(String value) {
        return value == null ? null : values.computeIfAbsent(value, v -> v);
    }

    /** The pooled, unmodifiable list; an absent list is the empty list. */
    List<String> all(List<String> items) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<String> pooled = new ArrayList<>(items.size());
        for (String item : items) {
            pooled.add(of(item));
        }
        return lists.computeIfAbsent(List.copyOf(pooled), l -> l);
    }
}
