package org.nmaudit.facts;

import java.math.BigDecimal;

/** How percentages read in messages: 49.9%, 50%, or "blank" when not documented. */
public final class Percent {
    private Percent() {
    }

    public static String text(Double pct) {
        if (pct == null) {
            return "blank";
        }
        return BigDecimal.valueOf(pct).stripTrailingZeros().toPlainString() + "%";
    }

    /** A fraction (0.50) as a percentage (50%). */
    public static String ofFraction(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
