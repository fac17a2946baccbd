package org.nmaudit.facts;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A physician's trial-to-permanent conversion tally over the trial episodes they own that were seen
 * on a professional claim. PENDING episodes are reported but left out of the ratio.
 */
public final class ProviderRatio implements EvidenceFact {
    private final String npi;
    private final int converted;
    private final int failed;
    private final int pending;
    private final BigDecimal amountAtRisk;

    public ProviderRatio(String npi, int converted, int failed, int pending, BigDecimal amountAtRisk) {
        this.npi = npi;
        this.converted = converted;
        this.failed = failed;
        this.pending = pending;
        this.amountAtRisk = amountAtRisk;
    }

    /**
     * @param statuses the physician's rated trial statuses
     * @param trialLines the trial lines the physician rendered: their amounts are what a recoupment of
     *     the physician's trials would reach
     */
    public static ProviderRatio tally(String npi, Collection<?> statuses, Collection<?> trialLines) {
        int converted = 0;
        int failed = 0;
        int pending = 0;
        for (Object o : statuses) {
            switch (((TrialStatus) o).getStatus()) {
                case CONVERTED -> converted++;
                case FAILED -> failed++;
                case PENDING -> pending++;
                default -> throw new IllegalStateException("unknown trial status");
            }
        }
        BigDecimal amount = null;
        for (Object o : trialLines) {
            BigDecimal a = ((TrialLine) o).getLine().getAmountAtRisk();
            if (a != null) {
                amount = amount == null ? a : amount.add(a);
            }
        }
        return new ProviderRatio(npi, converted, failed, pending, amount);
    }

    public String getNpi() {
        return npi;
    }

    public int getConverted() {
        return converted;
    }

    public int getFailed() {
        return failed;
    }

    public int getPending() {
        return pending;
    }

    public int getTrials() {
        return converted + failed + pending;
    }

    /** CONVERTED + FAILED. */
    public int getDecided() {
        return converted + failed;
    }

    /** converted / decided, or null when nothing is decided yet. */
    public Double getRatio() {
        return getDecided() == 0 ? null : (double) converted / getDecided();
    }

    /** converted / decided &lt; threshold, exactly (no floating-point rounding at the boundary). */
    public boolean ratioBelow(BigDecimal threshold) {
        return getDecided() > 0
                && BigDecimal.valueOf(converted).compareTo(threshold.multiply(BigDecimal.valueOf(getDecided()))) < 0;
    }

    /** converted / decided rounded half-up to {@code decimals}, or null when nothing is decided. */
    public BigDecimal ratio(int decimals) {
        return getDecided() == 0 ? null : BigDecimal.valueOf(converted)
                .divide(BigDecimal.valueOf(getDecided()), decimals, java.math.RoundingMode.HALF_UP);
    }

    /** The ratio as a percentage with one decimal, e.g. 28.6%; "n/a" when nothing is decided. */
    public String getRatioPercent() {
        BigDecimal ratio = ratio(3);
        return ratio == null ? "n/a" : ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Sum of paid (else billed) amounts over the physician's trial lines; null when none is known. */
    public BigDecimal getAmountAtRisk() {
        return amountAtRisk;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rendering_npi", npi);
        m.put("trials", getTrials());
        m.put("converted", converted);
        m.put("failed", failed);
        m.put("pending", pending);
        m.put("ratio", getRatio());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderRatio r && r.npi.equals(npi) && r.converted == converted && r.failed == failed
                && r.pending == pending && Objects.equals(r.amountAtRisk, amountAtRisk);
    }

    @Override
    public int hashCode() {
        return Objects.hash(npi, converted, failed, pending);
    }
}
