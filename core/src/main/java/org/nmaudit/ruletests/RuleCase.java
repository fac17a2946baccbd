package org.nmaudit.ruletests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nmaudit.engine.ParameterSet;

/**
 * One test case an auditor writes next to the rules, {@code RULES/tests/<name>/}: a small data set (the
 * CSV files of an audit), the findings it must raise (expected-findings.csv), optionally its own
 * settings (case.properties) and reference data ({@code reference/}).
 *
 * @param display the folder as messages name it, e.g. rules/tests/prog-freq-29-vs-30-days
 */
public record RuleCase(String name, Path folder, String display, List<ExpectedFinding> expected,
        CaseSettings settings) {
    static final String REFERENCE = "reference";

    /** Reads the case's expected-findings.csv and case.properties; every problem of both is reported. */
    static RuleCase load(Path folder, String display, Set<String> findingRuleIds, ParameterSet parameters)
            throws CaseFolderException {
        List<String> problems = new ArrayList<>();
        List<ExpectedFinding> expected = List.of();
        CaseSettings settings = null;
        try {
            expected = ExpectedFindingsFile.read(folder.resolve(ExpectedFindingsFile.NAME),
                    display + "/" + ExpectedFindingsFile.NAME, findingRuleIds);
        } catch (CaseFolderException e) {
            problems.addAll(e.problems());
        }
        try {
            settings = CaseSettings.read(folder.resolve(CaseSettings.NAME), display + "/" + CaseSettings.NAME,
                    parameters);
        } catch (CaseFolderException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new CaseFolderException(problems);
        }
        return new RuleCase(folder.getFileName().toString(), folder, display, List.copyOf(expected), settings);
    }

    /** Whether expected-findings.csv has a row for the rule, todo or not. */
    public boolean names(String ruleId) {
        return expected.stream().anyMatch(e -> e.ruleId().equals(ruleId));
    }

    /** Whether the case tests the rule: a row for it that is not todo. */
    public boolean covers(String ruleId) {
        return expected.stream().anyMatch(e -> e.ruleId().equals(ruleId) && !e.todo());
    }
}
