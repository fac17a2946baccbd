package org.nmaudit.facts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of data/reference/codes.csv: a code's description in plain words, its work RVU and global
 * period where the source gives them. Rules may use the description in messages.
 */
public final class ProcedureCode implements EvidenceFact {
    private final String cptCode;
    private final String description;
    private final BigDecimal workRvu;
    private final String globalPeriod;
    private final long sourceLine;

    public ProcedureCode(String cptCode, String description, BigDecimal workRvu, String globalPeriod, long sourceLine) {
        this.cptCode = cptCode;
        this.description = description;
        this.workRvu = workRvu;
        this.globalPeriod = globalPeriod;
        this.sourceLine = sourceLine;
    }

    public String getCptCode() {
        return cptCode;
    }

    public String getDescription() {
        return description;
    }

    /** Null when the reference does not give one. */
    public BigDecimal getWorkRvu() {
        return workRvu;
    }

    /** For example {@code 010}; null when the reference does not give one. */
    public String getGlobalPeriod() {
        return globalPeriod;
    }

    public long getSourceLine() {
        return sourceLine;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpt_code", cptCode);
        m.put("description", description);
        if (workRvu != null) {
            m.put("work_rvu", workRvu.toPlainString());
        }
        if (globalPeriod != null) {
            m.put("global_period", globalPeriod);
        }
        return m;
    }

    @Override
    public String toString() {
        return cptCode + " (" + description + ")";
    }
}
