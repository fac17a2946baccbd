package org.nmaudit.generate;

/** The trial status of core-rules.md ("Trial status"). */
enum TrialStatus {
    CONVERTED,
    PENDING,
    FAILED
}
