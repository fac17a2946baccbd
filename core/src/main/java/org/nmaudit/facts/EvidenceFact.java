package org.nmaudit.facts;

import java.io.Serializable;
import java.util.Map;

/**
 * A fact that can stand as evidence in a finding: it describes itself as ordered field/value pairs
 * (snake_case keys, as in the input files), which findings.json keeps and the explain step prints.
 *
 * <p>Serializable: the Spark job ships the shared facts to its executors and the carried facts (@carry)
 * back to the provider pass.
 */
public interface EvidenceFact extends Serializable {
    /** The fact type as auditors see it in DRL, e.g. {@code ClaimLine}. */
    default String factType() {
        return getClass().getSimpleName();
    }

    Map<String, Object> evidence();
}
