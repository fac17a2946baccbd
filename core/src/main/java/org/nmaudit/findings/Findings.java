package org.nmaudit.findings;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * The findings of a run in report order (findings-format.md: severity, rule_id, claim_id, line_number,
 * rendering_npi), one per (rule id, subject), with their tallies. Iterable more than once: held in memory
 * ({@link FindingSet}) or merged from sorted files ({@link FindingSorter}), so a report writer reads the
 * findings of any run the same way.
 */
public interface Findings extends Iterable<Finding> {
    long size();

    /** Finding counts per rule id, sorted by id. */
    Map<String, Integer> countByRule();

    /** Finding counts per severity, every level present, most severe first. */
    Map<Severity, Integer> countBySeverity();

    /** True when some finding is at least as severe as the threshold. */
    default boolean anyAtLeast(Severity threshold) {
        for (Map.Entry<Severity, Integer> e : countBySeverity().entrySet()) {
            if (e.getValue() > 0 && e.getKey().isAtLeast(threshold)) {
                return true;
            }
        }
        return false;
    }

    /** The findings of {@code all} that {@code keep} accepts, in their order, read as they are iterated. */
    static Iterator<Finding> filter(Iterator<Finding> all, Predicate<Finding> keep) {
        return new Iterator<>() {
            private Finding next = advance();

            private Finding advance() {
                while (all.hasNext()) {
                    Finding f = all.next();
                    if (keep.test(f)) {
                        return f;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Finding next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Finding f = next;
                next = advance();
                return f;
            }
        };
    }
}
