package org.nmaudit.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.FindingSet;
import org.nmaudit.findings.RuleDefinitionException;
import org.nmaudit.findings.RuleInfo;
import org.nmaudit.facts.Parameter;

/**
 * Runs sessions of one compiled rule base. The patient pass evaluates a batch of patients' facts in a
 * session of its own; the provider pass evaluates, in one session, what the patient pass carried out.
 * Thread-safe: any number of threads evaluate batches at once on the shared, immutable rule base.
 */
public final class RuleEngine {
    /** An auditor's rule that keeps re-triggering itself must not hang the run. */
    private static final long FIRINGS_PER_FACT = 200;
    private static final long FIRINGS_BASE = 1_000_000;
    /**
     * Facts per patient-pass session (the CLI, a whole data set in memory, the Spark job). Measured on 1M lines:
     * 100 facts a session took 36% more CPU than 2,000 (each session's set-up), 500 took 10% more, 8,000 about
     * the same as 2,000; smaller sessions keep each batch's join memory small.
     */
    public static final int FACTS_PER_BATCH = 2_000;
    /** Sessions a pooled engine starts with; it makes more when more runs are at once. */
    private static final int POOLED_SESSIONS = 4;

    private final RuleBase rules;
    private final boolean declaresFlag;
    /** Sessions of each rule base kept for reuse, or null: every session is new (see {@link #pooled}). */
    private final KieSessionsPool patientSessions;
    private final KieSessionsPool providerSessions;

    public RuleEngine(RuleBase rules) {
        this(rules, false);
    }

    private RuleEngine(RuleBase rules, boolean pooled) {
        this.rules = rules;
        this.declaresFlag = rules.kieBase().getKiePackages().stream().flatMap(p -> p.getGlobalVariables().stream())
                .anyMatch(g -> RuleCompiler.FLAG_GLOBAL.equals(g.getName()));
        this.patientSessions = pooled ? rules.kieBase().newKieSessionsPool(POOLED_SESSIONS) : null;
        this.providerSessions = !pooled ? null
                : rules.providerKieBase() == rules.kieBase() ? patientSessions
                : rules.providerKieBase().newKieSessionsPool(POOLED_SESSIONS);
    }

    /**
     * An engine that reuses its sessions: a disposed session is reset (emptied, as new) and handed to the next
     * run instead of being built again. For many small runs (nmaudit serve, one claim a request), where building
     * a session's node memories was a large part of each run's time and garbage, and for the audit's patient
     * pass (hundreds of batches a million lines): in paired runs on 1M lines the rules phase took about 0.2 s
     * and the run about 0.4 s of CPU less (README, "Benchmark").
     */
    public static RuleEngine pooled(RuleBase rules) {
        return new RuleEngine(rules, true);
    }

    public RuleBase rules() {
        return rules;
    }

    /**
     * A whole audit held in memory (a rule test case, a scrub, a test): the facts grouped by patient into
     * patient-pass sessions, then the provider pass. Facts that are not {@link PatientFact}s (reference
     * data) are shared by every session.
     */
    public EngineResult run(ParameterSet parameters, LocalDate asOf, Iterable<?> facts) throws RuleSetupException {
        List<PatientFact> patientFacts = new ArrayList<>();
        List<Object> reference = new ArrayList<>();
        for (Object f : facts) {
            if (f instanceof PatientFact p) {
                patientFacts.add(p);
            } else {
                reference.add(f);
            }
        }
        SharedFacts shared = SharedFacts.of(parameters, asOf, reference);
        List<Finding> findings = new ArrayList<>();
        List<Object> carried = new ArrayList<>();
        for (List<PatientFact> batch : PatientBatches.batches(PatientBatches.byPatient(patientFacts), FACTS_PER_BATCH)) {
            PatientBatchResult result = evaluatePatients(shared, batch);
            findings.addAll(result.findings());
            carried.addAll(result.carried());
        }
        ProviderPassResult providers = evaluateProviders(shared, carried);
        findings.addAll(providers.findings());
        return new EngineResult(FindingSet.of(findings), providers.ratios());
    }

    /** The patient pass on one batch of whole patients. */
    public PatientBatchResult evaluatePatients(SharedFacts shared, Collection<? extends PatientFact> facts)
            throws RuleSetupException {
        KieSession session = newSession(shared);
        try {
            for (PatientFact f : facts) {
                session.insert(f);
            }
            fire(session, rules.patientFilter(), shared.facts().size() + facts.size());
            List<Finding> findings = FindingSet.onePerSubject(objectsOf(session, Finding.class));
            List<Object> carried = new ArrayList<>();
            // a fact of two carried types (one a subtype of the other) is carried once
            Set<Object> seen = rules.passes().carriedTypesOverlap()
                    ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
            for (Class<?> type : rules.passes().carriedTypes()) {
                for (Object o : objectsOf(session, type)) {
                    if (seen == null || seen.add(o)) {
                        carried.add(o);
                    }
                }
            }
            return new PatientBatchResult(findings, carried);
        } finally {
            session.dispose();
        }
    }

    /** The provider pass: every carried fact of the run in one session. */
    public ProviderPassResult evaluateProviders(SharedFacts shared, Collection<?> carried) throws RuleSetupException {
        KieSession session = newSession(rules.providerKieBase(), shared);
        try {
            for (Object f : carried) {
                session.insert(f);
            }
            fire(session, rules.providerFilter(), shared.facts().size() + carried.size());
            List<Finding> findings = FindingSet.onePerSubject(objectsOf(session, Finding.class));
            List<ProviderRatio> ratios = objectsOf(session, ProviderRatio.class);
            ratios.sort(Comparator.comparing(ProviderRatio::getNpi));
            return new ProviderPassResult(findings, ratios);
        } finally {
            session.dispose();
        }
    }

    private KieSession newSession(SharedFacts shared) {
        return newSession(rules.kieBase(), shared);
    }

    private KieSession newSession(KieBase kieBase, SharedFacts shared) {
        KieSessionsPool pool = kieBase == rules.kieBase() ? patientSessions : providerSessions;
        KieSession session = pool != null ? pool.newKieSession() : kieBase.newKieSession();
        if (declaresFlag) {
            session.setGlobal(RuleCompiler.FLAG_GLOBAL, rules.flag());
        }
        for (Object f : shared.facts()) {
            session.insert(f);
        }
        return session;
    }

    /** @param filter the rules allowed to fire, or null: all */
    private void fire(KieSession session, AgendaFilter filter, long inserted) throws RuleSetupException {
        int limit = (int) Math.min(Integer.MAX_VALUE, FIRINGS_BASE + FIRINGS_PER_FACT * inserted);
        int fired;
        try {
            fired = filter == null ? session.fireAllRules(limit) : session.fireAllRules(filter, limit);
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
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> objectsOf(KieSession session, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : session.getObjects(new ClassObjectFilter(type))) {
            out.add((T) o);
        }
        return out;
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
