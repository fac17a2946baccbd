package org.nmaudit.ruletests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.engine.EngineResult;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.findings.Finding;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;

/**
 * Runs one case as an audit would (same reader, same validation, same engine; one fresh session on
 * the rule base compiled once) and compares its findings with expected-findings.csv by rule and
 * subject: claim and line, or provider.
 */
final class CaseRunner {
    private final RuleBase rules;
    private final Path defaultReference;
    private ReferenceData defaultReferenceData;

    CaseRunner(RuleBase rules, Path defaultReference) {
        this.rules = rules;
        this.defaultReference = defaultReference;
    }

    /**
     * @param onlyRuleId null for every rule; else the run fires that finding rule alone and compares its
     *     findings and rows alone
     */
    CaseVerdict run(RuleCase c, String onlyRuleId) throws CaseFolderException, RuleSetupException {
        ReferenceData reference = reference(c);
        DataSet data;
        try {
            data = new DataSetReader(ReadProgress.SILENT).read(c.folder());
        } catch (InputException e) {
            throw new CaseFolderException(c.display() + ": " + e.getMessage());
        }
        // As in an audit: case.properties, else the latest service date; a case without claim lines has
        // no trial to be pending or failed, and a fixed date keeps its run reproducible.
        LocalDate asOf = c.settings().asOf() != null ? c.settings().asOf()
                : data.latestServiceDate().orElse(LocalDate.of(2000, 1, 1));
        // With --only every rule still fires; the comparison below looks at that rule's findings alone.
        EngineResult result = new RuleEngine(rules).run(c.settings().parameters(), asOf, data.factsWith(reference));

        List<Finding> found = result.findings().all().stream()
                .filter(f -> onlyRuleId == null || f.ruleId().equals(onlyRuleId)).toList();
        Map<String, Finding> byKey = new HashMap<>();
        found.forEach(f -> byKey.put(f.subjectKey(), f));
        List<ExpectedFinding> missing = new ArrayList<>();
        List<ExpectedFinding> knownGaps = new ArrayList<>();
        List<ExpectedFinding> todoPassing = new ArrayList<>();
        for (ExpectedFinding e : c.expected()) {
            if (onlyRuleId != null && !e.ruleId().equals(onlyRuleId)) {
                continue;
            }
            boolean raised = byKey.remove(e.key()) != null;
            if (e.todo()) {
                (raised ? todoPassing : knownGaps).add(e);
            } else if (!raised) {
                missing.add(e);
            }
        }
        List<Finding> unexpected = found.stream().filter(f -> byKey.containsKey(f.subjectKey())).toList();
        List<String> warnings = data.warnings().stream()
                .filter(w -> !w.startsWith(ExpectedFindingsFile.NAME + " is not one of the input files")).toList();
        return new CaseVerdict(c, found, missing, unexpected, knownGaps, todoPassing, data.rejects(), warnings);
    }

    /** The case's own reference/ folder, else the default one (read once for every case). */
    private ReferenceData reference(RuleCase c) throws CaseFolderException {
        Path own = c.folder().resolve(RuleCase.REFERENCE);
        try {
            if (Files.isDirectory(own)) {
                return new ReferenceReader(ReadProgress.SILENT).read(own);
            }
            if (defaultReferenceData == null) {
                defaultReferenceData = new ReferenceReader(ReadProgress.SILENT).read(defaultReference);
            }
            return defaultReferenceData;
        } catch (InputException e) {
            throw new CaseFolderException(c.display() + ": " + e.getMessage());
        }
    }
}
