package org.nmaudit.findings;

/** A rule that is valid DRL but not a valid nmaudit rule (e.g. raises a finding without @id). */
public final class RuleDefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleDefinitionException(String message) {
        super(message);
    }
}
