package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.nmaudit.findings.RuleInfo;
import org.nmaudit.input.EchoedText;

/**
 * Which finding rules a run fires ({@code --only}, {@code --disable}). Derivation rules always fire:
 * the findings that are left on rest on them.
 *
 * @param only rule ids to run; empty means every finding rule
 * @param disabled rule ids not to run
 */
public record RuleSelection(Set<String> only, Set<String> disabled) {
    public static final RuleSelection ALL = new RuleSelection(Set.of(), Set.of());

    public RuleSelection {
        only = Set.copyOf(new TreeSet<>(only));
        disabled = Set.copyOf(new TreeSet<>(disabled));
    }

    /** From the option values, each a comma-separated list of rule ids. */
    public static RuleSelection of(Collection<String> onlyOptions, Collection<String> disableOptions) {
        return new RuleSelection(ids(onlyOptions), ids(disableOptions));
    }

    private static Set<String> ids(Collection<String> options) {
        Set<String> ids = new LinkedHashSet<>();
        for (String option : options) {
            for (String id : option.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.strip().toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        return ids;
    }

    public boolean isEverything() {
        return only.isEmpty() && disabled.isEmpty();
    }

    /** A misspelt id would silently run everything (or nothing): every id must name a finding rule. */
    public void check(RuleBase rules) throws RuleSetupException {
        Set<String> known = new TreeSet<>();
        for (RuleInfo r : rules.findingRules()) {
            known.add(r.id());
        }
        List<String> unknown = new ArrayList<>();
        for (String id : new TreeSet<>(only)) {
            if (!known.contains(id)) {
                unknown.add("--only " + EchoedText.of(id));
            }
        }
        for (String id : new TreeSet<>(disabled)) {
            if (!known.contains(id)) {
                unknown.add("--disable " + EchoedText.of(id));
            }
        }
        if (!unknown.isEmpty()) {
            throw RuleSetupException.commandLine(List.of(new RuleProblem(null, 0, 0, String.join(", ", unknown)
                    + (unknown.size() == 1 ? ": no rule has this @id" : ": no rule has these @ids") + "; the rules are "
                    + String.join(", ", known), null)));
        }
    }

    /** Whether the rule may fire in this run. */
    public boolean allows(RuleInfo rule) {
        if (rule == null || !rule.isFindingRule()) {
            return true;
        }
        return (only.isEmpty() || only.contains(rule.id())) && !disabled.contains(rule.id());
    }

    /** The finding-rule ids this selection runs. */
    public List<String> selectedIds(RuleBase rules) {
        Set<String> ids = new TreeSet<>();
        for (RuleInfo r : rules.findingRules()) {
            if (allows(r)) {
                ids.add(r.id());
            }
        }
        return List.copyOf(ids);
    }
}
