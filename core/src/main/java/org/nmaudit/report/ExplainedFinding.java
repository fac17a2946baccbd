package org.nmaudit.report;

import java.util.List;
import java.util.Map;

/**
 * One finding of findings.json: the findings.csv row plus what explains it.
 *
 * @param ruleFile the DRL file as the run named it, e.g. rules/trials.drl
 * @param ruleLine where the rule is declared in it; null in reports written before lines were recorded
 * @param parameters the parameters the rule matched, name to value, as the run used them
 * @param evidence the facts the rule matched, each as field/value text with its type under "fact"
 */
public record ExplainedFinding(
        ReportedFinding row,
        String ruleName,
        String ruleFile,
        Integer ruleLine,
        Map<String, String> parameters,
        List<Map<String, String>> evidence) {
}
