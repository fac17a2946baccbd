package org.nmaudit.generate;

import java.util.List;

/** One code of a planned procedure, as it will be billed. */
record PlannedCode(String cpt, int units, List<String> modifiers) {

    static PlannedCode of(String cpt, String... modifiers) {
        return new PlannedCode(cpt, 1, List.of(modifiers));
    }
}
