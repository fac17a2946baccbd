package org.nmaudit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Dollar amounts as reports write them: plain digits, at least two decimals (29617.00), blank when unknown. */
public final class Amounts {
    private Amounts() {
    }

    public static String text(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return (amount.scale() < 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount).toPlainString();
    }

    static BigDecimal json(BigDecimal amount) {
        return amount == null || amount.scale() >= 2 ? amount : amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
