package org.nmaudit.input.x12;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings of reading X12 files, kept readable on a batch of a million lines: of each kind of
 * warning in a file the first {@value #EXAMPLES} are kept word for word, the rest counted in one line.
 */
final class X12Warnings {
    static final int EXAMPLES = 5;

    private static final class Kind {
        final List<String> examples = new ArrayList<>(EXAMPLES);
        long count;
        final String file;
        final String description;

        Kind(String file, String description) {
            this.file = file;
            this.description = description;
        }
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    /**
     * @param kind a short description of the kind of warning ("minutes (MJ) not loaded as units"), for the
     *     line that counts the ones not shown
     */
    void add(String file, String kind, String message) {
        Kind k = kinds.computeIfAbsent(file + '\u0000' + kind, x -> new Kind(file, kind));
        k.count++;
        if (k.examples.size() < EXAMPLES) {
            k.examples.add(message);
        }
    }

    List<String> all() {
        List<String> out = new ArrayList<>();
        for (Kind k : kinds.values()) {
            out.addAll(k.examples);
            if (k.count > k.examples.size()) {
                out.add(k.file + ": " + (k.count - k.examples.size()) + " more warnings like the above ("
                        + k.description + ")");
            }
        }
        return out;
    }
}
