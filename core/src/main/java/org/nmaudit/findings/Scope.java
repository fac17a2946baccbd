package org.nmaudit.findings;

/** What a finding is about: one claim line, or one rendering provider. */
public enum Scope {
    LINE, PROVIDER
}
