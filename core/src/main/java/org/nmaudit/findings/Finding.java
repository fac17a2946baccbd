package org.nmaudit.findings;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a rule found wrong, with the facts it matched. A rule inserts it logically, so it
 * disappears again if a fact it rested on is withdrawn before the rules come to rest.
 *
 * @param ruleName the DRL rule that raised it (several rules may share one rule id)
 * @param ruleFile the DRL file, as the rules folder names it (e.g. rules/trials.drl)
 * @param ruleLine the 1-based line of {@code ruleFile} where the rule is declared, 0 when unknown
 * @param evidence the matched facts, each as field/value pairs with a "fact" type entry
 * @param parameters the parameters the rule matched, name to value
 */
public record Finding(
        String findingId,
        String ruleId,
        Severity severity,
        Scope scope,
        String claimId,
        Integer lineNumber,
        String patientId,
        String renderingNpi,
        LocalDate serviceDate,
        BigDecimal amountAtRisk,
        String message,
        String citation,
        String ruleName,
        String ruleFile,
        int ruleLine,
        List<Map<String, Object>> evidence,
        Map<String, String> parameters) implements Serializable {

    /**
     * Over the finding id and the rule name only: equal findings have equal ones, so it agrees with equals, and it
     * is cheap (a String keeps its hash). The record's own hashCode hashed every evidence map on every call, and
     * Drools' truth maintenance hashes each finding a rule inserts logically.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(findingId) + Objects.hashCode(ruleName);
    }

    /** Findings of one rule on one subject are merged into one row. */
    public String subjectKey() {
        return scope == Scope.LINE ? ruleId + "|" + claimId + "|" + lineNumber : ruleId + "|" + renderingNpi;
    }
}
