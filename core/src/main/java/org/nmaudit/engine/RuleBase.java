package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.rule.AgendaFilter;
import org.nmaudit.findings.Flag;
import org.nmaudit.findings.RuleInfo;

/**
 * A compiled rules folder, built once per JVM from the DRL text (or read back from the {@link CompiledRuleCache}
 * when the same files were compiled by an earlier run) and shared by every session of that JVM: it is immutable
 * once built, and sessions of it run on any number of threads at once.
 */
public final class RuleBase {
    private final KieBase kieBase;
    private final KieBase providerKieBase;
    private final Map<String, RuleInfo> rules;
    private final PassPlan passes;
    private final Flag flag;

    private final DrlOutline outline;
    private final boolean fromCache;

    RuleBase(KieBase kieBase, KieBase providerKieBase, Map<String, RuleInfo> rulesByQualifiedName, PassPlan passes,
            DrlOutline outline, boolean fromCache) {
        this.kieBase = kieBase;
        this.fromCache = fromCache;
        this.providerKieBase = providerKieBase;
        this.outline = outline;
        this.rules = Collections.unmodifiableMap(rulesByQualifiedName);
        this.passes = passes;
        this.flag = new Flag(rulesByQualifiedName);
    }

    /** Whether the compiled rules were read from the {@link CompiledRuleCache} instead of compiled. */
    public boolean fromCache() {
        return fromCache;
    }

    /** Which rules run in which pass, and what the patient pass carries to the provider pass. */
    public PassPlan passes() {
        return passes;
    }

    DrlOutline outline() {
        return outline;
    }

    /** The {@code flag} global: stateless, so one serves every session of every thread. */
    Flag flag() {
        return flag;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** The rule base of the provider pass: the provider-pass rules alone, or {@link #kieBase()} itself. */
    KieBase providerKieBase() {
        return providerKieBase;
    }

    /**
     * The rules the patient pass may fire, or null: every rule of {@link #kieBase()}. Only a rule base that both
     * passes share needs the filter; asking it about every match cost a string and a set lookup each.
     */
    AgendaFilter patientFilter() {
        return providerKieBase == kieBase ? passes.patientFilter() : null;
    }

    /** The rules the provider pass may fire, or null: every rule of {@link #providerKieBase()}. */
    AgendaFilter providerFilter() {
        return providerKieBase == kieBase ? passes.providerFilter() : null;
    }

    Map<String, RuleInfo> rulesByQualifiedName() {
        return rules;
    }

    /** Every rule, in file then declaration order. */
    public List<RuleInfo> rules() {
        return new ArrayList<>(rules.values());
    }

    /** The rules whose conditions match facts of {@code factType} (a simple name, e.g. TrialOutcome). */
    public List<RuleInfo> rulesMatching(String factType) {
        return rules.values().stream().filter(r -> outline.patternsOf(r.qualifiedName()).stream()
                .anyMatch(p -> p.type().equals(factType))).toList();
    }

    /** The rules that raise findings. */
    public List<RuleInfo> findingRules() {
        return rules.values().stream().filter(RuleInfo::isFindingRule).toList();
    }

    /** How many finding rules by id, as rules check counts them (several DRL rules may be paths of one id). */
    public long findingRuleIds() {
        return findingRules().stream().map(RuleInfo::id).distinct().count();
    }
}
