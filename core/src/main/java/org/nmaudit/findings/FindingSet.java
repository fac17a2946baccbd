package org.nmaudit.findings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings of one run, one per (rule id, subject), in report order. When a rule reaches the same
 * subject by several paths the most severe one is kept (core-rules.md, "One finding per subject");
 * among equally severe paths the choice is made by rule name, then message, so reruns agree.
 */
public final class FindingSet implements Findings {
    /** Report order of findings-format.md: severity, rule_id, claim_id, line_number, rendering_npi. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.claimId() == null ? "" : f.claimId())
            .thenComparing(f -> f.lineNumber() == null ? 0 : f.lineNumber())
            .thenComparing(f -> f.renderingNpi() == null ? "" : f.renderingNpi());

    private static final Comparator<Finding> PREFERRED_PATH = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::ruleName)
            .thenComparing(Finding::message);

    private final List<Finding> findings;

    private FindingSet(List<Finding> findings) {
        this.findings = List.copyOf(findings);
    }

    public static FindingSet of(Collection<Finding> raised) {
        List<Finding> sorted = onePerSubject(raised);
        sorted.sort(REPORT_ORDER);
        return new FindingSet(sorted);
    }

    /** One finding per (rule id, subject), the most severe path of each, in no particular order. */
    public static List<Finding> onePerSubject(Collection<Finding> raised) {
        Map<String, Finding> bySubject = new HashMap<>();
        for (Finding f : raised) {
            bySubject.merge(f.subjectKey(), f, (a, b) -> PREFERRED_PATH.compare(a, b) <= 0 ? a : b);
        }
        return new ArrayList<>(bySubject.values());
    }

    public List<Finding> all() {
        return findings;
    }

    @Override
    public Iterator<Finding> iterator() {
        return findings.iterator();
    }

    @Override
    public long size() {
        return findings.size();
    }

    @Override
    public Map<String, Integer> countByRule() {
        Map<String, Integer> m = new TreeMap<>();
        for (Finding f : findings) {
            m.merge(f.ruleId(), 1, Integer::sum);
        }
        return m;
    }

    @Override
    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0);
        }
        for (Finding f : findings) {
            m.merge(f.severity(), 1, Integer::sum);
        }
        return m;
    }
}
