package org.nmaudit.facts;

/** A device analysis or programming line (95970, 95971, 95972). */
public final class ProgrammingLine extends LineRole {
    public ProgrammingLine(ClaimLine line) {
        super(line);
    }
}
