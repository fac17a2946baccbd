package org.nmaudit.facts;

import java.math.BigDecimal;

/**
 * An amount held in a fact's fields instead of a BigDecimal object: its unscaled value in a long and its
 * scale in an int, or, when it has more than 18 digits, the BigDecimal itself ({@link #wide}, which then
 * takes precedence over the other two). {@link #of} gives back an equal BigDecimal with the same scale, so the
 * amount prints as it was read ("120.50" stays "120.50").
 */
final class CompactAmount {
    /** The scale that marks a null amount. */
    private static final int ABSENT = Integer.MIN_VALUE;
    /** At most 18 digits: the unscaled value then fits in a long (10^18 < 2^63). */
    private static final int MAX_DIGITS = 18;

    private CompactAmount() {
    }

    /** Whether the amount is held as a long and a scale (one whose scale is the null marker is kept whole). */
    private static boolean fits(BigDecimal amount) {
        return amount.precision() <= MAX_DIGITS && amount.scale() != ABSENT;
    }

    static long unscaled(BigDecimal amount) {
        // moved to scale 0, a BigDecimal of at most 18 digits gives its unscaled value as a long without the
        // BigInteger (and its array) that unscaledValue() makes
        return amount != null && fits(amount) ? amount.movePointRight(amount.scale()).longValue() : 0;
    }

    static int scale(BigDecimal amount) {
        if (amount == null) {
            return ABSENT;
        }
        return fits(amount) ? amount.scale() : 0; // not read: the amount is kept whole
    }

    /** The amount itself when it is not held as a long and a scale, else null. */
    static BigDecimal wide(BigDecimal amount) {
        return amount != null && !fits(amount) ? amount : null;
    }

    /** The amount held by {@link #unscaled}, {@link #scale} and {@link #wide}, or null. */
    static BigDecimal of(long unscaled, int scale, BigDecimal wide) {
        if (wide != null) {
            return wide;
        }
        return scale == ABSENT ? null : BigDecimal.valueOf(unscaled, scale);
    }
}
