package org.nmaudit.report.monthly;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;

/**
 * The counts and sums of the reported findings, taken in one pass: per severity, per rule, the amount at
 * risk on flagged lines and the physicians NM-RATIO flagged. Memory: one entry per rule and per flagged
 * physician, whatever the number of findings.
 */
public final class FindingTally {
    /** The provider rule whose findings mark a physician as flagged (as provider-ratios.csv does). */
    public static final String RATIO_RULE_ID = org.nmaudit.report.ReportWriter.RATIO_RULE_ID;

    private final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Rule> byRule = new TreeMap<>();
    private final Set<String> flaggedPhysicians = new TreeSet<>();
    private int lineFindings;
    private int providerFindings;
    private BigDecimal lineAmount = BigDecimal.ZERO;

    private static final class Rule {
        final String id;
        final Scope scope;
        final String citation;
        final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        int count;
        BigDecimal amount = BigDecimal.ZERO;

        Rule(Finding first) {
            id = first.ruleId();
            scope = first.scope();
            citation = first.citation();
        }
    }

    public FindingTally() {
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
    }

    public static FindingTally of(Iterable<Finding> findings) {
        FindingTally t = new FindingTally();
        findings.forEach(t::add);
        return t;
    }

    public void add(Finding f) {
        bySeverity.merge(f.severity(), 1, Integer::sum);
        Rule rule = byRule.computeIfAbsent(f.ruleId(), id -> new Rule(f));
        rule.count++;
        rule.bySeverity.merge(f.severity(), 1, Integer::sum);
        if (f.amountAtRisk() != null) {
            rule.amount = rule.amount.add(f.amountAtRisk());
        }
        if (f.scope() == Scope.LINE) {
            lineFindings++;
            if (f.amountAtRisk() != null) {
                lineAmount = lineAmount.add(f.amountAtRisk());
            }
        } else {
            providerFindings++;
            if (RATIO_RULE_ID.equals(f.ruleId())) {
                flaggedPhysicians.add(f.renderingNpi());
            }
        }
    }

    /** Every severity, most severe first, with its count (0 included). */
    public Map<Severity, Integer> bySeverity() {
        return Collections.unmodifiableMap(bySeverity);
    }

    /** One tally per rule that raised a finding, by rule id. */
    public List<RuleTally> rules() {
        return byRule.values().stream()
                .map(r -> new RuleTally(r.id, r.scope, r.count, r.amount,
                        Collections.unmodifiableMap(new LinkedHashMap<>(r.bySeverity)), r.citation))
                .toList();
    }

    public int total() {
        return lineFindings + providerFindings;
    }

    public int lineFindings() {
        return lineFindings;
    }

    public int providerFindings() {
        return providerFindings;
    }

    /**
     * The sum of amount_at_risk over line findings, as the console summary and findings.csv give it: a
     * line flagged by two rules counts in both.
     */
    public BigDecimal lineAmountAtRisk() {
        return lineAmount;
    }

    /** The NPIs that NM-RATIO flagged. */
    public Set<String> flaggedPhysicians() {
        return Collections.unmodifiableSet(flaggedPhysicians);
    }
}
