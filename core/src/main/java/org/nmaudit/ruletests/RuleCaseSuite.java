package org.nmaudit.ruletests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleProblem;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.findings.RuleInfo;

/**
 * The test cases of a rules folder ({@code RULES/tests/*}), run in one JVM on the rules compiled once,
 * and which finding rules no case covers.
 */
public final class RuleCaseSuite {
    public static final String TESTS = "tests";

    /**
     * @param verdicts the cases that ran, in folder-name order
     * @param malformed located problems of the cases that could not run
     * @param uncovered one warning per finding rule (of the selection) that no case covers
     */
    public record Result(List<CaseVerdict> verdicts, Map<String, List<String>> malformed,
            List<RuleProblem> uncovered) {
        public long failed() {
            return verdicts.stream().filter(v -> !v.passed()).count();
        }

        /** "12 case(s): 11 passed, 1 failed; 1 finding rule(s) covered by no case". */
        public String summary() {
            String s = (verdicts.size() + malformed.size()) + " case(s): " + (verdicts.size() - failed()) + " passed, "
                    + failed() + " failed";
            if (!malformed.isEmpty()) {
                s += ", " + malformed.size() + " malformed";
            }
            if (!uncovered.isEmpty()) {
                s += "; " + uncovered.size() + " finding rule(s) covered by no case";
            }
            return s;
        }
    }

    private final RuleFolder folder;
    private final RuleBase rules;
    private final ParameterSet parameters;
    private final CaseRunner runner;
    private final Set<String> findingRuleIds = new TreeSet<>();

    public RuleCaseSuite(RuleFolder folder, RuleBase rules, ParameterSet parameters, Path defaultReference) {
        this.folder = folder;
        this.rules = rules;
        this.parameters = parameters;
        this.runner = new CaseRunner(rules, defaultReference);
        rules.findingRules().forEach(r -> findingRuleIds.add(r.id()));
    }

    /** The tests folder as messages name it, e.g. rules/tests. */
    public String testsDisplay() {
        return folder.displayPath() + "/" + TESTS;
    }

    /** Every case folder, in name order; none when the tests folder does not exist. */
    public List<Path> caseFolders() throws IOException {
        Path tests = folder.path().resolve(TESTS);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(tests)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tests, Files::isDirectory)) {
            dirs.forEach(out::add);
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    public RuleCase load(Path caseFolder) throws CaseFolderException {
        return RuleCase.load(caseFolder, testsDisplay() + "/" + caseFolder.getFileName(), findingRuleIds, parameters);
    }

    /** Runs one case; {@code onlyRuleId} null for every rule. */
    public CaseVerdict run(RuleCase c, String onlyRuleId) throws CaseFolderException, RuleSetupException {
        return runner.run(c, onlyRuleId);
    }

    /**
     * Every case (with {@code onlyRuleId}, every case whose expected-findings.csv names it), and the
     * finding rules of the selection that no case covers.
     *
     * @throws RuleSetupException a rule failed while firing: the rules, not a case, are broken
     */
    public Result runAll(String onlyRuleId) throws IOException, RuleSetupException {
        List<CaseVerdict> verdicts = new ArrayList<>();
        Map<String, List<String>> malformed = new LinkedHashMap<>();
        List<RuleCase> loaded = new ArrayList<>();
        for (Path caseFolder : caseFolders()) {
            try {
                RuleCase c = load(caseFolder);
                loaded.add(c);
                if (onlyRuleId == null || c.names(onlyRuleId)) {
                    verdicts.add(run(c, onlyRuleId));
                }
            } catch (CaseFolderException e) {
                malformed.put(caseFolder.getFileName().toString(), e.problems());
            }
        }
        return new Result(verdicts, malformed, uncovered(loaded, onlyRuleId));
    }

    /** A warning at the first DRL rule of each finding rule id (of the selection) no case covers. */
    public List<RuleProblem> uncovered(List<RuleCase> cases, String onlyRuleId) {
        Map<String, RuleInfo> first = new LinkedHashMap<>();
        for (RuleInfo r : rules.findingRules()) {
            if (onlyRuleId == null || r.id().equals(onlyRuleId)) {
                first.putIfAbsent(r.id(), r);
            }
        }
        List<RuleProblem> out = new ArrayList<>();
        for (RuleInfo r : first.values()) {
            if (cases.stream().noneMatch(c -> c.covers(r.id()))) {
                out.add(new RuleProblem(r.file(), r.line(), 1, "warning: no test case in " + testsDisplay() + " covers "
                        + r.id(), r.name()));
            }
        }
        return out;
    }
}
