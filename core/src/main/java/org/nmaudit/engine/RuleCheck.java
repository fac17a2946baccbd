package org.nmaudit.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.nmaudit.findings.RuleInfo;

/**
 * {@code nmaudit rules check}: a rules folder compiled and linted without any data. Every error of
 * every file is collected (the parameters file and the DRL files are checked apart, so a bad
 * parameter does not hide a DRL error); the warnings of {@link RuleLint} need rules that compile.
 *
 * @param folder the folder as the user named it
 * @param findingRules distinct @ids of the finding rules
 * @param derivationRules distinct @ids of the derivation rules
 */
public record RuleCheck(String folder, List<RuleProblem> errors, List<RuleProblem> warnings, int findingRules,
        int derivationRules, int parameters) {

    public static RuleCheck of(Path path) {
        return of(path, false);
    }

    /** @param unsafeCodeAllowed --allow-unsafe-rules: code RuleSafety refuses is a warning, not an error */
    public static RuleCheck of(Path path, boolean unsafeCodeAllowed) {
        List<RuleProblem> errors = new ArrayList<>();
        RuleFolder folder;
        try {
            folder = RuleFolder.load(path).withUnsafeCodeAllowed(unsafeCodeAllowed);
        } catch (RuleSetupException e) {
            return new RuleCheck(path.toString(), e.problems(), List.of(), 0, 0, 0);
        }
        ParameterSet parameters = null;
        try {
            parameters = folder.parameters();
        } catch (RuleSetupException e) {
            errors.addAll(e.problems());
        }
        RuleBase rules = null;
        try {
            rules = RuleCompiler.compile(folder);
        } catch (RuleSetupException e) {
            errors.addAll(e.problems());
        }
        if (!errors.isEmpty()) {
            return new RuleCheck(folder.displayPath(), errors, List.of(), 0, 0, 0);
        }
        TreeSet<String> findingIds = new TreeSet<>();
        TreeSet<String> derivationIds = new TreeSet<>();
        for (RuleInfo r : rules.rules()) {
            if (r.isFindingRule()) {
                findingIds.add(r.id());
            } else if (r.derives() != null) {
                derivationIds.add(r.id() != null ? r.id() : r.qualifiedName());
            }
        }
        List<RuleProblem> warnings = new ArrayList<>(RuleLint.warnings(folder, rules, parameters));
        if (unsafeCodeAllowed) {
            for (RuleProblem p : RuleSafety.allowedAnyway(folder.drlFiles())) {
                warnings.add(new RuleProblem(p.file(), p.line(), p.column(), "warning: " + p.message(), p.ruleName()));
            }
            warnings.sort(Comparator.comparing((RuleProblem p) -> p.file() == null ? "" : p.file())
                    .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        }
        return new RuleCheck(folder.displayPath(), List.of(), warnings, findingIds.size(), derivationIds.size(),
                parameters.values().size());
    }

    public boolean compiles() {
        return errors.isEmpty();
    }

    /**
     * The closing line: "rules/ OK: 19 finding rules, 15 derivation rules, 15 parameters" when there is
     * nothing to say, else the counts.
     */
    public String summary() {
        if (errors.isEmpty() && warnings.isEmpty()) {
            return folder + "/ OK: " + findingRules + " finding rules, " + derivationRules + " derivation rules, "
                    + parameters + " parameters";
        }
        String counts = errors.size() + " error(s), " + warnings.size() + " warning(s)";
        return errors.isEmpty() ? counts : counts + " (warnings are checked once the rules compile)";
    }
}
