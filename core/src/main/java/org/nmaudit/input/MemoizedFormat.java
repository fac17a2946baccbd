package org.nmaudit.input;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the value of each cell text it has parsed. Dates, codes, NPIs and amounts repeat across
 * millions of rows: parsing each distinct text once is faster, and equal cells then share one value
 * object, which keeps a large audit's working memory down. Invalid cells are not remembered (they
 * throw every time, with their reason), and the memory stops growing at {@value #MAX_ENTRIES} texts.
 */
final class MemoizedFormat<T> implements Row.Format<T> {
    static final int MAX_ENTRIES = 100_000;

    private final Row.Format<T> format;
    private final Map<String, T> values = new HashMap<>();

    MemoizedFormat(Row.Format<T> format) {
        this.format = format;
    }

    @Override
    public T parse(String cell) throws InvalidCell {
        T value = values.get(cell);
        if (value == null) {
            value = format.parse(cell);
            if (values.size() < MAX_ENTRIES) {
                values.put(cell, value);
            }
        }
        return value;
    }
}
