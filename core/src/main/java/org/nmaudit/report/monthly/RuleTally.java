package org.nmaudit.report.monthly;

import java.math.BigDecimal;
import java.util.Map;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;

/**
 * One rule's reported findings.
 *
 * @param amountAtRisk the sum of the findings' amount_at_risk (zero when none has one)
 * @param bySeverity how many findings at each severity the rule raised, only those it raised, most severe first
 * @param citation the citation of the rule's first finding
 */
public record RuleTally(String ruleId, Scope scope, int count, BigDecimal amountAtRisk,
        Map<Severity, Integer> bySeverity, String citation) {

    /** The most severe level among the rule's findings. */
    public Severity topSeverity() {
        return bySeverity.keySet().iterator().next();
    }
}
