package org.nmaudit.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which patients get an injection, at most one each, from four pools asked in turn: violations
 * of the core rules, exceptions of the core rules, violations of the extended rules, exceptions of the
 * extended rules. A violation pool plants at --violation-rate of the patients it is asked about for
 * whom one of its kinds is eligible; an exception pool at {@link #EXCEPTION_RATE}. Within a pool the
 * least used eligible kind is taken, so the kinds share the rate evenly. The core pools come first, so
 * which patients get a core injection does not depend on the extended kinds.
 *
 * <p>Every kind is also guaranteed {@link #FLOOR} occurrences: while some eligible kind is below it,
 * the patient gets one regardless of the rate. Those early injections count towards the rate, so in a
 * large data set the share is the rate; in a small one (a few hundred patients) it is higher, because
 * every kind must still be there.
 */
final class InjectionPlanner {
    static final double EXCEPTION_RATE = 0.06;
    static final int FLOOR = 3;

    private final List<Pool> pools = new ArrayList<>();

    InjectionPlanner(InjectionCatalog.Kinds kinds, double violationRate) {
        pools.add(new Pool(kinds.coreViolations(), violationRate));
        pools.add(new Pool(kinds.coreExceptions(), EXCEPTION_RATE));
        pools.add(new Pool(kinds.extendedViolations(), violationRate));
        pools.add(new Pool(kinds.extendedExceptions(), EXCEPTION_RATE));
    }

    /** The injection for this patient, or null. The caller applies it and then calls {@link #applied}. */
    Injection choose(PatientPlan plan, DataWindow window) {
        for (Pool pool : pools) {
            Injection chosen = pool.choose(plan, window);
            if (chosen != null) {
                return chosen;
            }
        }
        return null;
    }

    void applied(Injection injection) {
        for (Pool pool : pools) {
            if (pool.applied(injection)) {
                return;
            }
        }
        throw new IllegalArgumentException("not planned here: " + injection.label());
    }

    private static final class Pool {
        private final List<Injection> kinds;
        private final int[] counts;
        private final double rate;
        private long eligiblePatients;
        private long injected;

        Pool(List<Injection> kinds, double rate) {
            this.kinds = List.copyOf(kinds);
            this.counts = new int[kinds.size()];
            this.rate = rate;
        }

        Injection choose(PatientPlan plan, DataWindow window) {
            if (rate <= 0) {
                return null;
            }
            int best = -1;
            boolean belowFloor = false;
            for (int i = 0; i < kinds.size(); i++) {
                if (kinds.get(i).isEligible(plan, window)) {
                    belowFloor |= counts[i] < FLOOR;
                    if (best < 0 || counts[i] < counts[best]) {
                        best = i;
                    }
                }
            }
            if (best < 0) {
                return null;
            }
            eligiblePatients++;
            // A running quota rather than a coin: the share stays at the rate, even in small data sets.
            boolean due = injected < rate * eligiblePatients;
            return due || belowFloor ? kinds.get(best) : null;
        }

        /** Counts the injection if it is one of this pool's kinds. */
        boolean applied(Injection injection) {
            int i = kinds.indexOf(injection);
            if (i < 0) {
                return false;
            }
            counts[i]++;
            injected++;
            return true;
        }
    }
}
