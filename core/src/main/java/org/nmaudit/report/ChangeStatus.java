package org.nmaudit.report;

import java.util.Locale;

/**
 * What became of a finding between two reports, keyed on its finding_id (the rule and its subject). The
 * declaration order is the order diff.csv and the console list them: what changed first.
 */
public enum ChangeStatus {
    /** Only the new report has it. */
    NEW,
    /** Only the old report has it. */
    ABSENT,
    /** Both have it, with a different severity or message. */
    UPDATED,
    /** Both have it, with the same severity and message. */
    UNCHANGED;

    /** "new", "absent", "updated", "unchanged", as diff.csv writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
