package org.nmaudit.input.x12;

import java.math.BigDecimal;

/**
 * Adds X12 decimals (R) exactly, for the check that a claim's line charges add up to its total (CLM02):
 * a million lines each made a BigDecimal and a sum. The sum is kept as a long of units of its scale (the
 * largest scale added, as {@link BigDecimal#add} keeps it) and turns into a BigDecimal only when it no
 * longer fits, so its value and scale are always those of adding the values as BigDecimals.
 */
final class DecimalSum {
    /** 18 digits always fit in a long. */
    private static final int LONG_DIGITS = 18;
    private static final long[] POWERS_OF_TEN = new long[LONG_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private long unscaled;
    private int scale;
    /** The sum once it does not fit in {@link #unscaled}, else null. */
    private BigDecimal big;

    /**
     * Adds an X12 decimal as {@link X12Values#decimal} reads it (a bare decimal point is 0.5).
     *
     * @return false, adding nothing, when {@code text} is not one
     */
    boolean add(String text) {
        int length = text.length();
        int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        boolean negative = i == 1;
        long value = 0;
        int digits = 0;
        int point = -1;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && point < 0 && i < length - 1) {
                point = i;
            } else {
                return false;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (digits > LONG_DIGITS) {
            addBig(X12Values.decimal(text));
            return true;
        }
        add(negative ? -value : value, point < 0 ? 0 : length - 1 - point);
        return true;
    }

    private void add(long valueUnscaled, int valueScale) {
        if (big == null) {
            int common = Math.max(scale, valueScale); // both at most 18: a value of 18 digits or fewer
            try {
                long sum = Math.addExact(Math.multiplyExact(unscaled, POWERS_OF_TEN[common - scale]),
                        Math.multiplyExact(valueUnscaled, POWERS_OF_TEN[common - valueScale]));
                unscaled = sum;
                scale = common;
                return;
            } catch (ArithmeticException tooLarge) {
                // on in BigDecimal
            }
        }
        addBig(BigDecimal.valueOf(valueUnscaled, valueScale));
    }

    private void addBig(BigDecimal value) {
        big = value().add(value);
    }

    /** The sum, with the scale {@link BigDecimal#add} would have given it. */
    BigDecimal value() {
        return big != null ? big : BigDecimal.valueOf(unscaled, scale);
    }

    /** Whether the two sums are equal in value, whatever their scales ({@link BigDecimal#compareTo}). */
    boolean sameValue(DecimalSum other) {
        if (big == null && other.big == null) {
            int common = Math.max(scale, other.scale);
            try {
                return Math.multiplyExact(unscaled, POWERS_OF_TEN[common - scale])
                        == Math.multiplyExact(other.unscaled, POWERS_OF_TEN[common - other.scale]);
            } catch (ArithmeticException tooLarge) {
                // compared as BigDecimals
            }
        }
        return value().compareTo(other.value()) == 0;
    }
}
