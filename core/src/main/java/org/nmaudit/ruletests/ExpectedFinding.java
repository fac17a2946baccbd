package org.nmaudit.ruletests;

import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Scope;

/**
 * One row of a case's expected-findings.csv: a finding the case must raise, or (status {@code todo}) one
 * it should raise but the rules do not yet, a known gap that does not fail the run.
 *
 * @param claimId with lineNumber, the flagged line of a line finding; null for a provider finding
 * @param renderingNpi the flagged provider of a provider finding; null for a line finding
 * @param sourceLine the row's physical line in expected-findings.csv
 */
public record ExpectedFinding(String ruleId, String claimId, Integer lineNumber, String renderingNpi, boolean todo,
        long sourceLine) {

    /** The same key as {@link Finding#subjectKey()}: one finding per rule and subject. */
    public String key() {
        return claimId != null ? ruleId + "|" + claimId + "|" + lineNumber : ruleId + "|" + renderingNpi;
    }

    /** e.g. "NM-PROG-FREQ claim C2 line 1" or "NM-RATIO provider 1234567893". */
    public String describe() {
        return ruleId + " " + (claimId != null ? "claim " + claimId + " line " + lineNumber : "provider " + renderingNpi);
    }

    /** A raised finding as {@link #describe()} words an expected one. */
    public static String describe(Finding f) {
        return f.ruleId() + " " + (f.scope() == Scope.LINE ? "claim " + f.claimId() + " line " + f.lineNumber()
                : "provider " + f.renderingNpi());
    }
}
