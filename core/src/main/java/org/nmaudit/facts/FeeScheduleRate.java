package org.nmaudit.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the reference fee schedule (data/reference/fee-schedule.csv): what a payer type is
 * expected to pay for one unit of a code, in a setting and for a component, from a date on.
 */
public final class FeeScheduleRate implements EvidenceFact {
    private final PayerType payerType;
    private final String cptCode;
    private final String setting;
    private final String component;
    private final BigDecimal expectedAmount;
    private final LocalDate effectiveFrom;
    private final int effectiveDay;
    private final String source;
    private final long sourceLine;

    public FeeScheduleRate(PayerType payerType, String cptCode, String setting, String component,
            BigDecimal expectedAmount, LocalDate effectiveFrom, String source, long sourceLine) {
        this.payerType = payerType;
        this.cptCode = cptCode;
        this.setting = setting;
        this.component = component;
        this.expectedAmount = expectedAmount;
        this.effectiveFrom = effectiveFrom;
        this.effectiveDay = (int) effectiveFrom.toEpochDay();
        this.source = source;
        this.sourceLine = sourceLine;
    }

    public PayerType getPayerType() {
        return payerType;
    }

    public String getCptCode() {
        return cptCode;
    }

    /** {@code FACILITY} or {@code NON_FACILITY}. */
    public String getSetting() {
        return setting;
    }

    /** {@code PROFESSIONAL} or {@code FACILITY_FEE}. */
    public String getComponent() {
        return component;
    }

    public BigDecimal getExpectedAmount() {
        return expectedAmount;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public int getEffectiveDay() {
        return effectiveDay;
    }

    public String getSource() {
        return source;
    }

    public long getSourceLine() {
        return sourceLine;
    }

    /**
     * The least payment not short of this rate: expected × (1 − tolerance), exactly (not rounded to the
     * cent, as extended-rules.md writes it).
     */
    public BigDecimal minimumPayment(BigDecimal tolerance) {
        return expectedAmount.multiply(BigDecimal.ONE.subtract(tolerance));
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payer_type", payerType.name());
        m.put("cpt_code", cptCode);
        m.put("setting", setting);
        m.put("component", component);
        m.put("expected_amount", expectedAmount.toPlainString());
        m.put("effective_from", effectiveFrom.toString());
        if (source != null) {
            m.put("source", source);
        }
        m.put("source_line", sourceLine);
        return m;
    }

    @Override
    public String toString() {
        return payerType + " " + cptCode + " " + setting + " " + component + " $" + expectedAmount.toPlainString()
                + " from " + effectiveFrom;
    }
}
