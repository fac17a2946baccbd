package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.rule.AgendaFilter;
import org.nmaudit.facts.AsOf;
import org.nmaudit.facts.FeeScheduleRate;
import org.nmaudit.facts.Parameter;
import org.nmaudit.facts.ProcedureCode;
import org.nmaudit.findings.RuleInfo;

/**
 * The two passes of an audit, as the rules folder declares them. Every rule runs in the patient pass, on
 * one patient's facts at a time, unless it says {@code @pass(provider)}; provider-pass rules run once,
 * after every patient, on the facts the patient pass carries to them: the types declared
 * {@code declare TrialStatus @carry end}. Parameters, the as-of date and reference data are in both.
 *
 * <p>Both passes run sessions of one rule base; an agenda filter lets each pass fire only its own rules,
 * so a type declared in DRL is the same class in both.
 */
public final class PassPlan {
    /** Facts every session of both passes holds. */
    static final Set<String> SHARED_TYPES = Set.of(Parameter.class.getSimpleName(), AsOf.class.getSimpleName(),
            FeeScheduleRate.class.getSimpleName(), ProcedureCode.class.getSimpleName());

    private final Set<String> providerRules;
    private final List<Class<?>> carriedTypes;
    /** Whether one carried type is a subtype of another, so that a fact may be collected under both. */
    private final boolean carriedTypesOverlap;
    private final AgendaFilter patientFilter;
    private final AgendaFilter providerFilter;

    private PassPlan(Set<String> providerRules, List<Class<?>> carriedTypes) {
        this.providerRules = Set.copyOf(providerRules);
        this.carriedTypes = List.copyOf(carriedTypes);
        this.carriedTypesOverlap = overlap(this.carriedTypes);
        this.patientFilter = match -> !this.providerRules.contains(qualifiedName(match.getRule()));
        this.providerFilter = match -> this.providerRules.contains(qualifiedName(match.getRule()));
    }

    /**
     * The plan of a compiled rules folder; every problem (an @carry type that is not known, a
     * provider-pass rule matching facts the provider pass does not see) is added to {@code problems}.
     */
    static PassPlan of(KieBase kieBase, ClassLoader classLoader, Map<String, RuleInfo> rules, DrlOutline outline,
            List<RuleProblem> problems) {
        Set<String> provider = new LinkedHashSet<>();
        Set<String> derivedInProvider = new TreeSet<>();
        for (RuleInfo r : rules.values()) {
            if (r.isProviderPass()) {
                provider.add(r.qualifiedName());
                if (r.derives() != null) {
                    derivedInProvider.add(DrlOutline.simpleName(r.derives()));
                }
            }
        }
        List<Class<?>> carried = new ArrayList<>();
        Set<String> carriedNames = new TreeSet<>();
        for (DrlOutline.Carry c : outline.carried()) {
            Class<?> type = resolve(c.type(), kieBase, classLoader, outline.imports());
            if (type == null) {
                problems.add(new RuleProblem(c.file(), c.line(), 1, "declare " + c.type() + " @" + DrlOutline.CARRY
                        + ": no fact type " + c.type() + " is known here; import its class or declare it with fields",
                        null));
            } else if (carriedNames.add(c.type())) {
                carried.add(type);
            }
        }
        for (RuleInfo r : rules.values()) {
            if (!r.isProviderPass()) {
                continue;
            }
            for (DrlOutline.PatternUse use : outline.patternsOf(r.qualifiedName())) {
                String type = use.type();
                if (!carriedNames.contains(type) && !SHARED_TYPES.contains(type) && !derivedInProvider.contains(type)) {
                    problems.add(new RuleProblem(use.file(), use.line(), use.column(), "rule runs in the provider pass"
                            + " (@pass(provider)) but matches " + type + " facts, which stay in the patient pass; match"
                            + " a carried type" + (carriedNames.isEmpty() ? "" : " (" + String.join(", ", carriedNames)
                            + ")") + ", or carry " + type + " with 'declare " + type + " @" + DrlOutline.CARRY + " end'",
                            r.name()));
                }
            }
        }
        return new PassPlan(provider, carried);
    }

    private static Class<?> resolve(String simpleName, KieBase kieBase, ClassLoader loader, List<String> imports) {
        for (String target : imports) {
            String candidate = null;
            if (target.endsWith(".*")) {
                candidate = target.substring(0, target.length() - 1) + simpleName;
            } else if (DrlOutline.simpleName(target).equals(simpleName)) {
                candidate = target;
            }
            if (candidate != null) {
                try {
                    return Class.forName(candidate, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // not in this import; try the next
                }
            }
        }
        for (org.kie.api.definition.KiePackage pkg : kieBase.getKiePackages()) {
            FactType declared = kieBase.getFactType(pkg.getName(), simpleName);
            if (declared != null) {
                return declared.getFactClass();
            }
        }
        return null;
    }

    private static String qualifiedName(org.kie.api.definition.rule.Rule rule) {
        return rule.getPackageName() + "." + rule.getName();
    }

    /** Fires only the patient-pass rules. */
    AgendaFilter patientFilter() {
        return patientFilter;
    }

    /** Fires only the provider-pass rules. */
    AgendaFilter providerFilter() {
        return providerFilter;
    }

    /**
     * Whether a fact can be of two carried types (one a subtype of the other): collecting them type by type
     * must then drop the second sighting, which otherwise needs no identity set per batch.
     */
    boolean carriedTypesOverlap() {
        return carriedTypesOverlap;
    }

    private static boolean overlap(List<Class<?>> types) {
        for (Class<?> a : types) {
            for (Class<?> b : types) {
                if (a != b && a.isAssignableFrom(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The fact types the patient pass hands on to the provider pass. */
    public List<Class<?>> carriedTypes() {
        return carriedTypes;
    }

    public boolean hasProviderPass() {
        return !providerRules.isEmpty();
    }
}
