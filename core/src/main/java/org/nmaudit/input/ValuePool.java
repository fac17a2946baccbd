package org.nmaudit.input;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal strings between rows. Patient ids repeat on every line of a patient; one copy of each
 * keeps the working memory of a large audit in bounds.
 */
final class ValuePool {
    private final Map<String, String> values = new HashMap<>();

    String of(String value) {
        return value == null ? null : values.computeIfAbsent(value, v -> v);
    }
}
