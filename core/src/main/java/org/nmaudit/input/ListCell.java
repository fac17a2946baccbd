package org.nmaudit.input;

import java.util.ArrayList;
import java.util.List;

/** A cell holding a ;-separated list: items trimmed, empty items dropped. */
final class ListCell {
    private ListCell() {
    }

    static List<String> items(String cell) {
        List<String> out = new ArrayList<>();
        for (String item : cell.split(";", -1)) {
            String t = item.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
