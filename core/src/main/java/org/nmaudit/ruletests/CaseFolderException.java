package org.nmaudit.ruletests;

import java.util.List;

/**
 * A test case that cannot be run as written: a bad expected-findings.csv or case.properties, a data
 * file that cannot be read, a reference folder that does not load. Each problem is one located line.
 */
public final class CaseFolderException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public CaseFolderException(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public CaseFolderException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
