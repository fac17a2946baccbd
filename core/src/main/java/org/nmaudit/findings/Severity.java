package org.nmaudit.findings;

import java.util.Locale;

/** The five severity levels, most severe first; the declaration order is the report order. */
public enum Severity {
    BLOCKER, HIGH, MEDIUM, LOW, INFO;

    /** True when this is at least as severe as {@code threshold}. */
    public boolean isAtLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Case-insensitive lookup; null when the text is not one of the five levels. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
