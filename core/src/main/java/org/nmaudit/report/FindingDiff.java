package org.nmaudit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings of an old and a new report matched by finding_id (the same rule on the same claim line or
 * provider has the same id in every run), each labelled new, absent, updated or unchanged.
 */
public final class FindingDiff {
    /** diff.csv's order: status (changes first), then rule_id, claim_id, line_number, rendering_npi. */
    public static final Comparator<FindingChange> ORDER = Comparator
            .comparing(FindingChange::status)
            .thenComparing(FindingChange::ruleId)
            .thenComparing((FindingChange c) -> c.latest().claimId())
            .thenComparingInt(c -> c.latest().lineNumberValue())
            .thenComparing(c -> c.latest().renderingNpi())
            .thenComparing(FindingChange::findingId);

    private final List<FindingChange> changes;

    private FindingDiff(List<FindingChange> changes) {
        this.changes = List.copyOf(changes);
    }

    public static FindingDiff of(List<ReportedFinding> before, List<ReportedFinding> after) {
        Map<String, ReportedFinding> old = new LinkedHashMap<>();
        before.forEach(f -> old.put(f.findingId(), f));
        List<FindingChange> changes = new ArrayList<>();
        for (ReportedFinding f : after) {
            changes.add(FindingChange.of(old.remove(f.findingId()), f));
        }
        old.values().forEach(f -> changes.add(FindingChange.of(f, null)));
        changes.sort(ORDER);
        return new FindingDiff(changes);
    }

    /** Every finding of either report, in {@link #ORDER}. */
    public List<FindingChange> changes() {
        return changes;
    }

    /** The findings that are new, absent or updated, in {@link #ORDER}. */
    public List<FindingChange> changed() {
        return changes.stream().filter(c -> c.status() != ChangeStatus.UNCHANGED).toList();
    }

    /** Per rule id (sorted), the count of each status, every status present. */
    public Map<String, Map<ChangeStatus, Integer>> countsByRule() {
        Map<String, Map<ChangeStatus, Integer>> m = new TreeMap<>();
        for (FindingChange c : changes) {
            m.computeIfAbsent(c.ruleId(), k -> zeros()).merge(c.status(), 1, Integer::sum);
        }
        return m;
    }

    /** The count of each status over all rules. */
    public Map<ChangeStatus, Integer> totals() {
        Map<ChangeStatus, Integer> m = zeros();
        changes.forEach(c -> m.merge(c.status(), 1, Integer::sum));
        return m;
    }

    private static Map<ChangeStatus, Integer> zeros() {
        Map<ChangeStatus, Integer> m = new EnumMap<>(ChangeStatus.class);
        for (ChangeStatus s : ChangeStatus.values()) {
            m.put(s, 0);
        }
        return m;
    }
}
