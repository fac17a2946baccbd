package org.nmaudit.findings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.EvidenceFact;
import org.nmaudit.facts.LineRole;
import org.nmaudit.facts.Parameter;

/**
 * The DRL global {@code flag}: what a rule's consequence calls to raise a finding. It takes the rule's
 * {@code @id}, {@code @severity} and {@code @citation}, and keeps the matched facts as evidence, so a
 * rule only says what is wrong and on which line or provider:
 *
 * <pre>
 * then
 *     flag.line(kcontext, $line, "Repeat trial on " + $line.getDate() + " ...");
 * </pre>
 *
 * The finding is inserted logically: if a fact the match rested on is withdrawn before the rules come
 * to rest, the finding goes with it.
 */
public final class Flag {
    private final Map<String, RuleInfo> rules;

    public Flag(Map<String, RuleInfo> rulesByQualifiedName) {
        this.rules = Map.copyOf(rulesByQualifiedName);
    }

    /** Flags one claim line; the amount at risk is what the line was paid, or billed while unpaid. */
    public void line(RuleContext ctx, ClaimLine line, String message) {
        line(ctx, line, line.getAmountAtRisk(), message);
    }

    /** Flags one claim line with an amount at risk the rule works out (an underpayment: expected − paid). */
    public void line(RuleContext ctx, ClaimLine line, BigDecimal amountAtRisk, String message) {
        RuleInfo rule = findingRule(ctx);
        insert(ctx, new Finding(
                FindingId.ofLine(rule.id(), line.getClaimId(), line.getLineNumber()),
                rule.id(), rule.severity(), Scope.LINE,
                line.getClaimId(), line.getLineNumber(), line.getPatientId(), line.getRenderingNpi(),
                line.getServiceDate(), amountAtRisk, message, rule.citation(),
                rule.name(), rule.file(), rule.line(), evidence(ctx), parameters(ctx)));
    }

    /** Flags the claim line behind a derived role (a trial line, a programming line). */
    public void line(RuleContext ctx, LineRole role, String message) {
        line(ctx, role.getLine(), message);
    }

    /** Flags a rendering provider. */
    public void provider(RuleContext ctx, String npi, BigDecimal amountAtRisk, String message) {
        RuleInfo rule = findingRule(ctx);
        insert(ctx, new Finding(
                FindingId.ofProvider(rule.id(), npi),
                rule.id(), rule.severity(), Scope.PROVIDER,
                null, null, null, npi, null, amountAtRisk, message, rule.citation(),
                rule.name(), rule.file(), rule.line(), evidence(ctx), parameters(ctx)));
    }

    private static void insert(RuleContext ctx, Finding finding) {
        ctx.insertLogical(finding);
    }

    private RuleInfo findingRule(RuleContext ctx) {
        String qualified = ctx.getRule().getPackageName() + "." + ctx.getRule().getName();
        RuleInfo rule = rules.get(qualified);
        if (rule != null && rule.derives() != null) {
            throw new RuleDefinitionException("the rule derives facts (@derives) and so cannot raise findings;"
                    + " move the finding into a rule with @id, @severity and @citation");
        }
        if (rule == null || rule.id() == null || rule.severity() == null || rule.citation() == null) {
            throw new RuleDefinitionException("the rule raises a finding, so it needs @id, @severity and @citation"
                    + " metadata");
        }
        return rule;
    }

    private static List<Map<String, Object>> evidence(RuleContext ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : ctx.getMatch().getObjects()) {
            if (o instanceof Collection<?> collected) {
                collected.forEach(item -> addEvidence(item, out));
            } else {
                addEvidence(o, out);
            }
        }
        return out;
    }

    private static void addEvidence(Object o, List<Map<String, Object>> out) {
        if (o instanceof EvidenceFact fact && !(o instanceof Parameter)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fact", fact.factType());
            m.putAll(fact.evidence());
            out.add(m);
        }
    }

    private static Map<String, String> parameters(RuleContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object o : ctx.getMatch().getObjects()) {
            if (o instanceof Parameter p) {
                out.put(p.getName(), p.getValue().toPlainString());
            }
        }
        return out;
    }
}
