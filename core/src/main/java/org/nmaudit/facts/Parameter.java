package org.nmaudit.facts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit parameter (rules/parameters.properties, or a --param override), inserted as a fact so a
 * rule binds the value it needs: {@code Parameter(name == "conversion_window_days", $window : intValue)}.
 */
public final class Parameter implements EvidenceFact {
    private final String name;
    private final BigDecimal value;

    public Parameter(String name, BigDecimal value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getValue() {
        return value;
    }

    /** For day counts and other whole numbers. */
    public int getIntValue() {
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new ParameterTypeException(name, value);
        }
    }

    /** For ratios and percentages. */
    public double getDoubleValue() {
        return value.doubleValue();
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", value.toPlainString());
        return m;
    }

    @Override
    public String toString() {
        return name + " = " + value.toPlainString();
    }

    /** A rule asked for a whole number and the parameters file gave a fraction. */
    public static final class ParameterTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParameterTypeException(String name, BigDecimal value) {
            super("parameter " + name + " = " + value.toPlainString()
                    + " is used as a whole number (days or a count); give it without a fraction");
        }
    }
}
