package org.nmaudit.facts;

import java.util.Map;

/**
 * A fact that can stand as evidence in a finding: it describes itself as ordered field/value pairs
 * (snake_case keys, as in the input files), which findings.json keeps and the explain step prints.
 */
public interface EvidenceFact {
    /** The fact type as auditors see it in DRL, e.g. {@code ClaimLine}. */
    default String factType() {
        return getClass().getSimpleName();
    }

    Map<String, Object> evidence();
}
