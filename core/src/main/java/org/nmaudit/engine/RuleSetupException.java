package org.nmaudit.engine;

import java.util.List;

/**
 * The rules folder cannot be used: a DRL compile error, a bad parameters file, or a rule that fails
 * while firing; or the command line asks the rules for what they do not have (an unknown --param name or
 * a value that is not a number, an --only or --disable id no rule has), which is the user's mistake,
 * not the rules' ({@link #isCommandLineMistake()}). Every problem is located (file:line:col) where
 * that is known.
 */
public final class RuleSetupException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<RuleProblem> problems;
    private final boolean commandLineMistake;

    public RuleSetupException(List<RuleProblem> problems) {
        this(problems, false);
    }

    private RuleSetupException(List<RuleProblem> problems, boolean commandLineMistake) {
        super(problems.isEmpty() ? "rules cannot be used" : problems.get(0).toString(), null, false, false);
        this.problems = List.copyOf(problems);
        this.commandLineMistake = commandLineMistake;
    }

    /** Options that name parameters or rules the rules folder does not have. */
    static RuleSetupException commandLine(List<RuleProblem> problems) {
        return new RuleSetupException(problems, true);
    }

    public RuleSetupException(RuleProblem problem) {
        this(List.of(problem));
    }

    public RuleSetupException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(new RuleProblem(null, 0, 0, message, null));
        this.commandLineMistake = false;
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    /** Whether the command line is at fault (an option's value), not the rules folder. */
    public boolean isCommandLineMistake() {
        return commandLineMistake;
    }

    /** "2 problem(s) in the rules", or "1 mistake(s) on the command line", for the closing line. */
    public String summary() {
        return problems.size() + (commandLineMistake ? " mistake(s) on the command line" : " problem(s) in the rules");
    }
}
