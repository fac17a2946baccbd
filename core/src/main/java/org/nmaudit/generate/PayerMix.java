package org.nmaudit.generate;

/**
 * Who pays, and how much relative to Medicare. Neuromodulation patients are mostly over 65, so about
 * half are traditional Medicare. Payments are drawn around the Medicare national averages
 * ({@link FeeSchedule}); Medicare itself never pays below 97% of them, so that no clean line looks
 * underpaid to the later NM-UNDERPAID rule (tolerance 5%).
 */
final class PayerMix {
    private static final PayerType[] PAYERS = PayerType.values();
    private static final double[] SHARES = {0.50, 0.18, 0.22, 0.06, 0.04};

    private PayerMix() {
    }

    static PayerType draw(Dice dice) {
        return PAYERS[dice.weighted(SHARES)];
    }

    /** Paid amount as a multiple of the Medicare national average. */
    static double paymentFactor(PayerType payer, Dice dice) {
        return switch (payer) {
            case MEDICARE -> dice.between(0.97, 1.06);
            case MEDICARE_ADVANTAGE -> dice.between(0.96, 1.08);
            case COMMERCIAL -> dice.between(1.15, 1.75);
            case MEDICAID -> dice.between(0.55, 0.80);
            case OTHER -> dice.between(0.85, 1.30);
        };
    }
}
