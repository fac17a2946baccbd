package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nmaudit.findings.RuleInfo;

/**
 * What is legal DRL but probably not what the auditor meant, in a rules folder that compiles: an @id
 * given to two rules, a parameter no rule reads or a rule reads that has no default, a rule with no
 * metadata at all. Each warning is located like a compile error, its message starting "warning: ".
 *
 * <p>Several rules sharing one @id in one file are paths of one rule (NM-TRIAL-DOC's reasons, NM-UNITS'
 * three limits): their findings merge, one per subject. Such paths are written one after another and
 * may cite a policy each. The same @id in another file, or further down the file after other rules
 * and with another @citation, is probably a copied rule whose @id was not changed.
 */
public final class RuleLint {
    private static final String WARNING = "warning: ";

    private RuleLint() {
    }

    /** The warnings of a compiled rules folder, sorted by file, line and column. */
    public static List<RuleProblem> warnings(RuleFolder folder, RuleBase rules, ParameterSet parameters) {
        List<RuleProblem> warnings = new ArrayList<>();
        sharedIds(rules.rules(), warnings);
        withoutMetadata(rules.rules(), warnings);
        parameters(folder, parameters, warnings);
        passes(rules, warnings);
        warnings.sort(Comparator.comparing((RuleProblem p) -> p.file() == null ? "" : p.file())
                .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        return warnings;
    }

    private static void sharedIds(List<RuleInfo> inFileOrder, List<RuleProblem> warnings) {
        Map<String, RuleInfo> owner = new HashMap<>();
        Set<String> written = new HashSet<>(); // rules written next to the owner's other paths
        RuleInfo previous = null;
        for (RuleInfo rule : inFileOrder) {
            String id = rule.id();
            if (id != null) {
                RuleInfo first = owner.putIfAbsent(id, rule);
                boolean nextToItsPaths = previous != null && id.equals(previous.id())
                        && Objects.equals(previous.file(), rule.file()) && written.contains(previous.qualifiedName());
                if (first == null || nextToItsPaths) {
                    written.add(rule.qualifiedName());
                } else if (!Objects.equals(first.file(), rule.file())) {
                    warnings.add(warning(rule, rule.line(), 1, "@id " + id + " is also the @id of rule \"" + first.name()
                            + "\" (" + first.file() + ":" + first.line() + "): rules sharing an @id are paths of one"
                            + " rule, written in one file; give this rule its own @id"));
                } else if (!Objects.equals(first.citation(), rule.citation())) {
                    warnings.add(warning(rule, rule.line(), 1, "@id " + id + " is also the @id of rule \"" + first.name()
                            + "\" (line " + first.line() + ") with another @citation: give this rule its own @id, or,"
                            + " if it is another path of " + id + ", write it next to the others"));
                }
            }
            previous = rule;
        }
    }

    private static void withoutMetadata(List<RuleInfo> rules, List<RuleProblem> warnings) {
        for (RuleInfo rule : rules) {
            if (rule.id() == null && rule.severity() == null && rule.citation() == null && rule.derives() == null) {
                warnings.add(warning(rule, rule.line(), 1, "the rule has none of @id, @severity, @citation, @derives:"
                        + " it raises no finding nmaudit can write and derives nothing nmaudit knows; give a finding"
                        + " rule @id, @severity and @citation, a derivation rule @id and @derives"));
            }
        }
    }

    private static void parameters(RuleFolder folder, ParameterSet parameters, List<RuleProblem> warnings) {
        Set<String> used = new HashSet<>();
        String parametersFile = folder.parametersFile().displayPath();
        for (RuleFile file : folder.drlFiles()) {
            for (RuleSource.ParameterUse use : RuleSource.parameterUses(file)) {
                used.add(use.name());
                if (!parameters.has(use.name())) {
                    warnings.add(new RuleProblem(file.displayPath(), use.line(), use.column(), WARNING + "parameter "
                            + use.name() + " has no default in " + parametersFile + ", so this pattern never matches"
                            + " and the rule never fires; add '" + use.name() + " = VALUE' there",
                            file.ruleAt(use.line())));
                }
            }
        }
        for (ParameterSet.Value value : parameters.values()) {
            if (!used.contains(value.name())) {
                warnings.add(new RuleProblem(parametersFile, parameters.lineOf(value.name()), 1, WARNING + "parameter "
                        + value.name() + " is used by no rule (no Parameter(name == \"" + value.name() + "\") in any"
                        + " .drl file); remove it, or check the name's spelling in the rules", null));
            }
        }
    }

    /**
     * A carried type no provider-pass rule matches costs memory for nothing (or is a misspelt type name:
     * {@code declare} of an unknown name declares a new, empty type); a patient-pass rule matching a type
     * only provider-pass rules insert never fires.
     */
    private static void passes(RuleBase rules, List<RuleProblem> warnings) {
        DrlOutline outline = rules.outline();
        Set<String> providerMatched = new HashSet<>();
        Set<String> providerDerived = new HashSet<>();
        Set<String> patientDerived = new HashSet<>();
        for (RuleInfo r : rules.rules()) {
            if (r.isProviderPass()) {
                outline.patternsOf(r.qualifiedName()).forEach(u -> providerMatched.add(u.type()));
            }
            if (r.derives() != null) {
                (r.isProviderPass() ? providerDerived : patientDerived).add(DrlOutline.simpleName(r.derives()));
            }
        }
        for (DrlOutline.Carry c : outline.carried()) {
            if (!providerMatched.contains(c.type())) {
                warnings.add(new RuleProblem(c.file(), c.line(), 1, WARNING + c.type() + " is carried to the provider"
                        + " pass (@" + DrlOutline.CARRY + ") but no @pass(provider) rule matches it; check the type's"
                        + " spelling, or remove the declaration", null));
            }
        }
        providerDerived.removeAll(patientDerived);
        for (RuleInfo r : rules.rules()) {
            if (r.isProviderPass()) {
                continue;
            }
            for (DrlOutline.PatternUse use : outline.patternsOf(r.qualifiedName())) {
                if (providerDerived.contains(use.type())) {
                    warnings.add(new RuleProblem(use.file(), use.line(), use.column(), WARNING + use.type()
                            + " facts are inserted in the provider pass only, so this patient-pass rule never sees"
                            + " them; give the rule @pass(provider)", r.name()));
                }
            }
        }
    }

    private static RuleProblem warning(RuleInfo rule, int line, int column, String message) {
        return new RuleProblem(rule.file(), line, column, WARNING + message, rule.name());
    }
}
