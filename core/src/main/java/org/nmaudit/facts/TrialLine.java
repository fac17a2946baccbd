package org.nmaudit.facts;

/** A 63650 line on a day the patient has no 63685 line: the leads of a trial, not permanent leads. */
public final class TrialLine extends LineRole {
    public TrialLine(ClaimLine line) {
        super(line);
    }
}
