package org.nmaudit.engine;

import java.util.List;

/**
 * The rules folder cannot be used: a DRL compile error, a bad parameters file, an unknown --param, or
 * a rule that fails while firing. Every problem is located (file:line:col) where that is known.
 */
public final class RuleSetupException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<RuleProblem> problems;

    public RuleSetupException(List<RuleProblem> problems) {
        super(problems.isEmpty() ? "rules cannot be used" : problems.get(0).toString(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public RuleSetupException(RuleProblem problem) {
        this(List.of(problem));
    }

    public RuleSetupException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(new RuleProblem(null, 0, 0, message, null));
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
