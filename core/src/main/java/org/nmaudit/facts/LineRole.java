package org.nmaudit.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A claim line in a role the rules derive (a trial line, a programming line). Delegates the fields
 * rules join on, so DRL reads {@code TrialLine(patientId == $p, day == $d)}. Two roles of the same
 * line are equal, so a role inserted logically by several matches is one fact.
 */
public abstract class LineRole implements EvidenceFact {
    private final ClaimLine line;

    protected LineRole(ClaimLine line) {
        this.line = line;
    }

    public ClaimLine getLine() {
        return line;
    }

    public String getPatientId() {
        return line.getPatientId();
    }

    public int getDay() {
        return line.getServiceDay();
    }

    public LocalDate getDate() {
        return line.getServiceDate();
    }

    public String getRenderingNpi() {
        return line.getRenderingNpi();
    }

    public String getCptCode() {
        return line.getCptCode();
    }

    public String getClaimId() {
        return line.getClaimId();
    }

    public int getLineNumber() {
        return line.getLineNumber();
    }

    public boolean isProfessional() {
        return line.isProfessional();
    }

    public boolean precedes(LineRole other) {
        return line.precedes(other.line);
    }

    /** Strictly between two lines in the core-rules.md order. */
    public boolean isBetween(LineRole first, LineRole last) {
        return first.line.precedes(line) && line.precedes(last.line);
    }

    @Override
    public Map<String, Object> evidence() {
        return new LinkedHashMap<>(line.evidence());
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((LineRole) o).line == line;
    }

    @Override
    public int hashCode() {
        return getClass().hashCode() * 31 + System.identityHashCode(line);
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
