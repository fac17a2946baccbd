package org.nmaudit.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded random draws a clinical timeline needs. Every patient gets its own Dice split from the
 * data set's seed, so one patient's draws never shift another's and the same seed gives the same bytes.
 */
final class Dice {
    private final SplittableRandom random;

    Dice(long seed) {
        this(new SplittableRandom(seed));
    }

    private Dice(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream; the parent advances by one draw. */
    Dice split() {
        return new Dice(random.split());
    }

    /** A whole number from lo to hi, both included. */
    int between(int lo, int hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range " + lo + ".." + hi);
        }
        return lo == hi ? lo : random.nextInt(lo, hi + 1);
    }

    double between(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    long nextLong() {
        return random.nextLong();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[random.nextInt(items.length)];
    }

    /** A day from first to last, both included. */
    LocalDate dayBetween(LocalDate first, LocalDate last) {
        long span = ChronoUnit.DAYS.between(first, last);
        if (span < 0) {
            throw new IllegalArgumentException("empty date range " + first + ".." + last);
        }
        return first.plusDays(span == 0 ? 0 : random.nextLong(0, span + 1));
    }

    /** The index of one weight, drawn in proportion to the weights; zero weights are never drawn. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                continue;
            }
            last = i;
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        if (last < 0) {
            throw new IllegalArgumentException("all weights are zero");
        }
        return last;
    }
}
