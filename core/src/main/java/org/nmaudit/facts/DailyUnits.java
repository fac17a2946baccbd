package org.nmaudit.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The units of one code a patient was billed on one date on one claim type (professional or
 * institutional), summed over every line and claim: the physician's and the hospital's claims are
 * counted apart, as the practitioner and facility unit edits are (extended-rules.md, NM-UNITS).
 */
public final class DailyUnits implements EvidenceFact {
    private final String patientId;
    private final LocalDate date;
    private final int day;
    private final String cptCode;
    private final boolean professional;
    private final BigDecimal total;
    private final int lineCount;

    private DailyUnits(String patientId, LocalDate date, String cptCode, boolean professional, BigDecimal total,
            int lineCount) {
        this.patientId = patientId;
        this.date = date;
        this.day = (int) date.toEpochDay();
        this.cptCode = cptCode;
        this.professional = professional;
        this.total = total.stripTrailingZeros();
        this.lineCount = lineCount;
    }

    /** Sums the lines of one (patient, date, code, claim type); the caller collects exactly those. */
    public static DailyUnits of(Collection<?> lines) {
        ClaimLine first = null;
        BigDecimal total = BigDecimal.ZERO;
        for (Object o : lines) {
            ClaimLine line = (ClaimLine) o;
            if (first == null) {
                first = line;
            } else if (!first.getPatientId().equals(line.getPatientId()) || first.getServiceDay() != line.getServiceDay()
                    || !first.getCptCode().equals(line.getCptCode()) || first.isProfessional() != line.isProfessional()) {
                throw new IllegalArgumentException("DailyUnits.of needs lines of one patient, date, code and claim"
                        + " type; got " + first + " and " + line);
            }
            total = total.add(line.getUnits());
        }
        if (first == null) {
            throw new IllegalArgumentException("DailyUnits.of needs at least one line");
        }
        return new DailyUnits(first.getPatientId(), first.getServiceDate(), first.getCptCode(), first.isProfessional(),
                total, lines.size());
    }

    public String getPatientId() {
        return patientId;
    }

    public LocalDate getDate() {
        return date;
    }

    public int getDay() {
        return day;
    }

    public String getCptCode() {
        return cptCode;
    }

    public boolean isProfessional() {
        return professional;
    }

    public String getClaimType() {
        return professional ? "professional" : "institutional";
    }

    public BigDecimal getTotal() {
        return total;
    }

    public int getLineCount() {
        return lineCount;
    }

    /** Exact decimal comparison: three lines of 0.7, 0.7 and 0.6 units are 2, not a hair above. */
    public boolean above(BigDecimal max) {
        return total.compareTo(max) > 0;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient_id", patientId);
        m.put("service_date", date.toString());
        m.put("cpt_code", cptCode);
        m.put("claim_type", getClaimType());
        m.put("total_units", total.toPlainString());
        m.put("lines", lineCount);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyUnits d && day == d.day && professional == d.professional && lineCount == d.lineCount
                && patientId.equals(d.patientId) && cptCode.equals(d.cptCode) && total.equals(d.total);
    }

    @Override
    public int hashCode() {
        return Objects.hash(patientId, day, cptCode, professional);
    }

    @Override
    public String toString() {
        return total.toPlainString() + " unit(s) of " + cptCode + " for patient " + patientId + " on " + date + " ("
                + getClaimType() + ", " + lineCount + " line(s))";
    }
}
