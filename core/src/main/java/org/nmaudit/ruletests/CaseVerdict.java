package org.nmaudit.ruletests;

import java.util.ArrayList;
import java.util.List;
import org.nmaudit.findings.Finding;
import org.nmaudit.input.Reject;

/**
 * What one case's run showed against its expected-findings.csv. It passes when every expected finding
 * (not todo) was raised, nothing else was, and no input row was rejected (a test case is clean data).
 *
 * @param found the findings compared (with --only, that rule's alone)
 * @param knownGaps todo rows not raised: reported, not failing
 * @param todoPassing todo rows raised after all: the todo status can go
 * @param warnings remarks on the data files (an unknown column, a misspelt file name)
 */
public record CaseVerdict(RuleCase ruleCase, List<Finding> found, List<ExpectedFinding> missing,
        List<Finding> unexpected, List<ExpectedFinding> knownGaps, List<ExpectedFinding> todoPassing,
        List<Reject> rejects, List<String> warnings) {

    public boolean passed() {
        return missing.isEmpty() && unexpected.isEmpty() && rejects.isEmpty();
    }

    /** "PASS name (n findings)" or "FAIL name: ...", then one indented line per thing to act on. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        String count = found.size() + (found.size() == 1 ? " finding" : " findings");
        if (passed()) {
            out.add("PASS " + ruleCase.name() + " (" + count + ")");
        } else {
            List<String> why = new ArrayList<>();
            if (!missing.isEmpty()) {
                why.add(missing.size() + " missing");
            }
            if (!unexpected.isEmpty()) {
                why.add(unexpected.size() + " unexpected");
            }
            if (!rejects.isEmpty()) {
                why.add(rejects.size() + " input problem(s): a test case must be clean data");
            }
            out.add("FAIL " + ruleCase.name() + " (" + count + "): " + String.join(", ", why));
        }
        for (Reject r : rejects) {
            out.add("  rejected: " + r.file() + ":" + r.line() + ": " + r.reason());
        }
        for (ExpectedFinding e : missing) {
            out.add("  missing: " + e.describe() + " (" + ExpectedFindingsFile.NAME + ":" + e.sourceLine() + ")");
        }
        for (Finding f : unexpected) {
            out.add("  unexpected: " + ExpectedFinding.describe(f) + ": " + f.message());
        }
        for (ExpectedFinding e : knownGaps) {
            out.add("  todo (known gap): " + e.describe() + " is not raised (" + ExpectedFindingsFile.NAME + ":"
                    + e.sourceLine() + ")");
        }
        for (ExpectedFinding e : todoPassing) {
            out.add("  todo now passes: remove the todo status: " + e.describe() + " (" + ExpectedFindingsFile.NAME
                    + ":" + e.sourceLine() + ")");
        }
        for (String w : warnings) {
            out.add("  warning: " + w);
        }
        return out;
    }
}
