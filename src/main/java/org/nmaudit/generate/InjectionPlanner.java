package org.nmaudit.generate;

import java.util.List;

/**
 * Decides which patients get an injection, at most one each. Violations come at --violation-rate of
 * the patients for whom some violation is eligible; exceptions at {@link #EXCEPTION_RATE} of the rest.
 * Within a pool the least used eligible kind is taken, so the kinds share the rate evenly.
 *
 * <p>Every kind is also guaranteed {@link #FLOOR} occurrences: while some eligible kind is below it,
 * the patient gets one regardless of the rate. Those early injections count towards the rate, so in a
 * large data set the share is the rate; in a small one (a few hundred patients) it is higher, because
 * every kind must still be there.
 */
final class InjectionPlanner {
    static final double EXCEPTION_RATE = 0.06;
    static final int FLOOR = 3;

    private final Pool violations;
    private final Pool exceptions;

    InjectionPlanner(List<Injection> violations, List<Injection> exceptions, double violationRate) {
        this.violations = new Pool(violations, violationRate);
        this.exceptions = new Pool(exceptions, EXCEPTION_RATE);
    }

    /** The injection for this patient, or null. The caller applies it and then calls {@link #applied}. */
    Injection choose(PatientPlan plan, DataWindow window) {
        Injection v = violations.choose(plan, window);
        return v != null ? v : exceptions.choose(plan, window);
    }

    void applied(Injection injection) {
        (injection.kind() == Injection.Kind.VIOLATION ? violations : exceptions).applied(injection);
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

        void applied(Injection injection) {
            counts[kinds.indexOf(injection)]++;
            injected++;
        }
    }
}
