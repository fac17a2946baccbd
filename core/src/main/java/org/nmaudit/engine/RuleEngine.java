package org.nmaudit.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.nmaudit.facts.AsOf;
import org.nmaudit.facts.Parameter;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.FindingSet;
import org.nmaudit.findings.Flag;
import org.nmaudit.findings.RuleDefinitionException;
import org.nmaudit.findings.RuleInfo;

/**
 * Runs one audit: the facts go into a fresh KIE session, the rules fire until they come to rest, and
 * the findings and provider ratios still standing are read back.
 */
public final class RuleEngine {
    /** An auditor's rule that keeps re-triggering itself must not hang the run. */
    private static final long FIRINGS_PER_FACT = 200;
    private static final long FIRINGS_BASE = 1_000_000;

    private final RuleBase rules;

    public RuleEngine(RuleBase rules) {
        this.rules = rules;
    }

    /**
     * Runs every rule of the rule base; a run of some rules (--only, --disable) gets a rule base compiled
     * without the others ({@link RuleCompiler#compile(RuleFolder, RuleSelection)}).
     */
    public EngineResult run(ParameterSet parameters, LocalDate asOf, Iterable<?> facts)
            throws RuleSetupException {
        KieSession session = rules.kieBase().newKieSession();
        try {
            if (declaresFlag()) {
                session.setGlobal(RuleCompiler.FLAG_GLOBAL, new Flag(rules.rulesByQualifiedName()));
            }
            long inserted = 0;
            for (Parameter p : parameters.facts()) {
                session.insert(p);
                inserted++;
            }
            session.insert(new AsOf(asOf));
            for (Object fact : facts) {
                session.insert(fact);
                inserted++;
            }
            int limit = (int) Math.min(Integer.MAX_VALUE, FIRINGS_BASE + FIRINGS_PER_FACT * inserted);
            int fired;
            try {
                fired = session.fireAllRules(limit);
            } catch (ConsequenceException e) {
                throw failedRule(e);
            } catch (RuntimeException e) {
                throw new RuleSetupException(new RuleProblem(null, 0, 0, "a rule condition failed while matching: "
                        + rootMessage(e), null));
            }
            if (fired >= limit) {
                throw new RuleSetupException(new RuleProblem(null, 0, 0, "the rules did not come to rest after "
                        + fired + " firings; a rule probably re-triggers itself (check inserts and modifies)", null));
            }
            List<Finding> raised = new ArrayList<>();
            for (Object o : session.getObjects(new ClassObjectFilter(Finding.class))) {
                raised.add((Finding) o);
            }
            List<ProviderRatio> ratios = new ArrayList<>();
            for (Object o : session.getObjects(new ClassObjectFilter(ProviderRatio.class))) {
                ratios.add((ProviderRatio) o);
            }
            ratios.sort(Comparator.comparing(ProviderRatio::getNpi));
            return new EngineResult(FindingSet.of(raised), ratios);
        } finally {
            session.dispose();
        }
    }

    private boolean declaresFlag() {
        return rules.kieBase().getKiePackages().stream().flatMap(p -> p.getGlobalVariables().stream())
                .anyMatch(g -> RuleCompiler.FLAG_GLOBAL.equals(g.getName()));
    }

    private RuleSetupException failedRule(ConsequenceException e) {
        String name = e.getRule() == null ? null : e.getRule().getName();
        String file = null;
        int line = 0;
        if (e.getRule() != null) {
            RuleInfo info = rules.rulesByQualifiedName().get(e.getRule().getPackageName() + "." + name);
            if (info != null) {
                file = info.file();
                line = info.line();
            }
        }
        Throwable cause = rootCause(e);
        String message = cause instanceof RuleDefinitionException || cause instanceof Parameter.ParameterTypeException
                ? cause.getMessage()
                : "the rule failed while firing: " + cause;
        return new RuleSetupException(new RuleProblem(file, line, 0, message, name));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
