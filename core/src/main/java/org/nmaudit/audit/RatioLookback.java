package org.nmaudit.audit;

import org.nmaudit.engine.ParameterSet;

/**
 * ratio_lookback_days (periods.md): 0 counts every trial episode in the conversion ratio, N &gt; 0 only those
 * of the last N days up to the as-of date. A negative window means nothing: a usage error.
 */
public final class RatioLookback {
    public static final String PARAMETER = "ratio_lookback_days";

    private RatioLookback() {
    }

    /** The problem with the parameter's value, or null when it is fine (or the rules do not use it). */
    public static String problem(ParameterSet parameters) {
        for (ParameterSet.Value v : parameters.values()) {
            if (v.name().equals(PARAMETER) && v.value().signum() < 0) {
                return PARAMETER + " = " + v.value().toPlainString() + " (" + v.source() + ") is negative: 0 counts"
                        + " every trial episode in the conversion ratio, N > 0 the episodes of the last N days";
            }
        }
        return null;
    }
}
