package org.nmaudit.findings;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a period audit reports of all its findings (periods.md): line findings whose flagged line is dated
 * in the period, and every provider finding. The findings on history lines, before the period, are worked
 * out (they are the trend of the monthly report) but not reported.
 */
public final class FindingsInPeriod implements Findings {
    private final Findings all;
    private final LocalDate start;
    private final LocalDate end;
    private final Map<String, Integer> byRule = new TreeMap<>();
    private final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    private long count;

    public FindingsInPeriod(Findings all, LocalDate start, LocalDate end) {
        this.all = all;
        this.start = start;
        this.end = end;
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        for (Finding f : this) {
            byRule.merge(f.ruleId(), 1, Integer::sum);
            bySeverity.merge(f.severity(), 1, Integer::sum);
            count++;
        }
    }

    /** Every finding of the run, history included, in report order. */
    public Findings all() {
        return all;
    }

    boolean reported(Finding f) {
        return f.scope() != Scope.LINE || f.serviceDate() == null
                || !f.serviceDate().isBefore(start) && !f.serviceDate().isAfter(end);
    }

    @Override
    public Iterator<Finding> iterator() {
        return Findings.filter(all.iterator(), this::reported);
    }

    @Override
    public long size() {
        return count;
    }

    @Override
    public Map<String, Integer> countByRule() {
        return Collections.unmodifiableMap(byRule);
    }

    @Override
    public Map<Severity, Integer> countBySeverity() {
        return Collections.unmodifiableMap(bySeverity);
    }
}
