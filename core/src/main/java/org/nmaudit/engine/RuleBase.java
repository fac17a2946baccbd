package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.nmaudit.findings.RuleInfo;

/**
 * A compiled rules folder. A KieBase cannot be serialized, so it is built once per JVM from the DRL
 * text and shared by every session of that JVM.
 */
public final class RuleBase {
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;

    RuleBase(KieBase kieBase, Map<String, RuleInfo> rulesByQualifiedName) {
        this.kieBase = kieBase;
        this.rules = Collections.unmodifiableMap(rulesByQualifiedName);
    }

    KieBase kieBase() {
        return kieBase;
    }

    Map<String, RuleInfo> rulesByQualifiedName() {
        return rules;
    }

    /** Every rule, in file then declaration order. */
    public List<RuleInfo> rules() {
        return new ArrayList<>(rules.values());
    }

    /** The rules that raise findings. */
    public List<RuleInfo> findingRules() {
        return rules.values().stream().filter(RuleInfo::isFindingRule).toList();
    }
}
