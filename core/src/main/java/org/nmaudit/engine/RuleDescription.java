package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.rule.Rule;
import org.nmaudit.findings.RuleInfo;
import org.nmaudit.findings.Scope;

/**
 * One DRL rule as {@code nmaudit rules list} shows it: its metadata and place, the parameters its text
 * binds and what its consequence flags.
 *
 * @param parameters the parameters it binds, in text order
 * @param scopes LINE and/or PROVIDER from its consequence; empty for a rule that flags nothing
 * @param flags the {@code @flags} metadata of a finding rule: what it flags, in words; null when absent
 * @param exceptions the {@code @exceptions} metadata: what looks like a violation but is not flagged;
 *     null when absent
 */
public record RuleDescription(RuleInfo info, List<String> parameters, Set<Scope> scopes, String flags,
        String exceptions) {
    /** Metadata that says in words what a finding rule flags (the rule catalog shows it). */
    public static final String FLAGS = "flags";
    /** Metadata that says in words what a finding rule does not flag though it may look as if it should. */
    public static final String EXCEPTIONS = "exceptions";

    /** Every rule of the compiled folder, in file then declaration order. */
    public static List<RuleDescription> all(RuleFolder folder, RuleBase rules) {
        List<RuleDescription> out = new ArrayList<>();
        RuleSource.Reader sources = new RuleSource.Reader(folder);
        for (RuleInfo info : rules.rules()) {
            RuleSource source = sources.of(info);
            Rule rule = rules.kieBase().getRule(info.packageName(), info.name());
            if (rule == null) {
                rule = rules.providerKieBase().getRule(info.packageName(), info.name()); // a provider-pass rule
            }
            Map<String, Object> meta = rule == null ? Map.of() : rule.getMetaData();
            out.add(new RuleDescription(info, source.parameters(), source.scopes(),
                    RuleCompiler.text(meta.get(FLAGS)), RuleCompiler.text(meta.get(EXCEPTIONS))));
        }
        return out;
    }

    public boolean isFindingRule() {
        return info.isFindingRule();
    }

    public boolean isDerivationRule() {
        return info.derives() != null;
    }

    /** FINDING, DERIVATION, or OTHER for a rule with no metadata. */
    public String kind() {
        return isFindingRule() ? "FINDING" : isDerivationRule() ? "DERIVATION" : "OTHER";
    }

    /** "LINE", "PROVIDER", "LINE+PROVIDER", or "" when the consequence flags nothing. */
    public String scopeText() {
        List<String> names = new ArrayList<>();
        for (Scope s : Scope.values()) {
            if (scopes.contains(s)) {
                names.add(s.name());
            }
        }
        return String.join("+", names);
    }
}
