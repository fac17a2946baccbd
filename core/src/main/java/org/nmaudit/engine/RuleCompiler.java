package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.nmaudit.findings.Flag;
import org.nmaudit.findings.Pass;
import org.nmaudit.findings.RuleInfo;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;
import org.nmaudit.input.Sha256;

/**
 * Compiles a rules folder with the classic DRL builder, which reports every error of every file with
 * its line, and turns Drools' messages into located {@link RuleProblem}s an auditor can act on.
 */
public final class RuleCompiler {
    /** The one global nmaudit provides to rules. */
    public static final String FLAG_GLOBAL = "flag";

    /** Where a file sits in the in-memory KIE project; Drools strips this prefix in its messages. */
    private static final String RESOURCES = "src/main/resources/";

    private static final Pattern STR_OPERATOR = Pattern.compile("\\bstr\\s*\\[");

    private static final Map<String, RuleBase> BUILT = new ConcurrentHashMap<>();

    private RuleCompiler() {
    }

    /** Compiles the folder, or returns the rule base already built in this JVM from identical files. */
    public static RuleBase compile(RuleFolder folder) throws RuleSetupException {
        return compile(folder, RuleSelection.ALL);
    }

    /**
     * The rule base without the finding rules {@code selection} leaves out (--only, --disable): they are
     * removed, not just kept from firing, so they cost neither matching time nor memory. A subset is
     * compiled on its own (its own KIE module and class loader), because removing a rule unloads its
     * classes, which the full rule base of the same JVM still uses.
     */
    public static RuleBase compile(RuleFolder folder, RuleSelection selection) throws RuleSetupException {
        String key = folder.displayPath() + "|" + folder.contentKey() + "|" + selection.only() + "|"
                + selection.disabled() + "|" + folder.unsafeCodeAllowed();
        RuleBase built = BUILT.get(key);
        if (built == null) {
            built = build(folder, selection);
            BUILT.put(key, built);
        }
        return built;
    }

    private static RuleBase build(RuleFolder folder, RuleSelection selection) throws RuleSetupException {
        return build(folder, selection, CompiledRuleCache.forThisProcess());
    }

    /** Compiles, or reads from {@code cache} (null: no cache), without the rule bases already built in this JVM. */
    static RuleBase build(RuleFolder folder, RuleSelection selection, CompiledRuleCache cache)
            throws RuleSetupException {
        if (!folder.unsafeCodeAllowed()) {
            // Before Drools sees the code: compiling may already evaluate some of it (metadata, constants).
            List<RuleProblem> unsafe = RuleSafety.problems(folder.drlFiles());
            if (!unsafe.isEmpty()) {
                throw new RuleSetupException(unsafe);
            }
        }
        Map<String, RuleFile> byName = new LinkedHashMap<>();
        for (RuleFile f : folder.drlFiles()) {
            byName.put(f.name(), f);
        }
        String cacheKey = cache == null ? null : CompiledRuleCache.keyOf(folder);
        CompiledRuleCache.Entry cached = cacheKey == null ? null : cache.read(cacheKey);
        boolean fromCache = cached != null;
        KieBase kieBase = fromCache ? cached.kieBase() : null;
        List<RuleProblem> problems = new ArrayList<>();
        KieContainer container = null;
        ClassLoader classLoader;
        if (fromCache) {
            // Only a folder that compiled without a problem was saved; its problems below are none again.
            classLoader = ((InternalKnowledgeBase) kieBase).getRootClassLoader();
        } else {
            KieServices ks = KieServices.Factory.get();
            String subset = selection.isEverything() ? ""
                    : "-" + Sha256.hex(selection.only() + "|" + selection.disabled()).substring(0, 8);
            ReleaseId releaseId = ks.newReleaseId("org.nmaudit.rules", "rules-"
                    + Sha256.hex(folder.contentKey()).substring(0, 12) + subset, "1.0.0");
            KieBuilder builder = buildModule(ks, folder, releaseId);
            DrlErrorLocator locator = new DrlErrorLocator(byName);
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                problems.addAll(locator.locate(m));
            }
            problems = withoutEchoes(problems);
            problems.addAll(unsupportedOperators(byName.values()));
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparing((RuleProblem p) -> p.file() == null ? "" : p.file())
                        .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
                throw new RuleSetupException(problems);
            }
            container = ks.newKieContainer(releaseId);
            kieBase = container.getKieBase();
            classLoader = container.getClassLoader();
        }
        Map<String, RuleInfo> rules = describe(kieBase, byName, problems);
        checkGlobals(kieBase, problems);
        DrlOutline outline = fromCache ? cached.outline().in(folder.drlFiles()) : DrlOutline.of(folder.drlFiles());
        PassPlan passes = PassPlan.of(kieBase, classLoader, rules, outline, problems);
        providerFindingsInThePatientPass(folder, rules, problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((RuleProblem p) -> p.file() == null ? "" : p.file())
                    .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
            throw new RuleSetupException(problems);
        }
        if (!fromCache && cacheKey != null && CompiledRuleCache.holds(kieBase)) {
            cache.write(cacheKey, kieBase, outline); // before any rule is removed: one entry serves every selection
        }
        for (RuleInfo r : rules.values()) {
            if (!selection.allows(r)) {
                kieBase.removeRule(r.packageName(), r.name());
            }
        }
        Supplier<KieBase> secondFromCache = fromCache ? () -> secondRuleBase(cache, cacheKey) : null;
        KieBase providerBase = providerPassBase(container, secondFromCache, rules, passes, selection);
        if (providerBase != null) {
            // Likewise the patient pass: the provider-pass rules' conditions would collect every batch's
            // trial statuses and lines for nothing.
            for (RuleInfo r : rules.values()) {
                if (r.isProviderPass() && selection.allows(r)) {
                    kieBase.removeRule(r.packageName(), r.name());
                }
            }
        }
        return new RuleBase(kieBase, providerBase == null ? kieBase : providerBase, rules, passes, outline, fromCache);
    }

    /**
     * The provider pass holds every carried fact of the run in one session. In the full rule base those facts
     * also enter the conditions of every patient-pass rule that matches their types (they never fire there,
     * but their join memory costs about three times the facts themselves: out of memory at 10M claim lines in a
     * 2 GB heap). So the provider pass gets a rule base of its own, a second rule base of the same compiled
     * module (Drools copies the packages a rule base already uses) holding only the provider-pass rules. A
     * folder that carries a type declared in DRL keeps one rule base for both passes (the agenda filter keeps
     * each pass to its rules): such a type is a class of the rule base that declared it, which another rule
     * base's rules might not match.
     *
     * @param container the module just compiled, or null when the rules came from the {@link CompiledRuleCache}
     * @param cached a second rule base from the cache, when they came from there
     * @return null when the folder has no provider pass or carries a type declared in DRL (or, rules from the
     *     cache, a second rule base cannot be read after all)
     */
    private static KieBase providerPassBase(KieContainer container, Supplier<KieBase> cached,
            Map<String, RuleInfo> rules, PassPlan passes, RuleSelection selection) {
        if (!passes.hasProviderPass()) {
            return null;
        }
        ClassLoader ours = RuleCompiler.class.getClassLoader();
        for (Class<?> carried : passes.carriedTypes()) {
            if (carried.getClassLoader() != ours) {
                return null;
            }
        }
        // A second rule base of the module compiled above: its packages are copied, not compiled again (a second
        // build of the folder cost about 0.5 s of CPU per run).
        KieBase providerBase = container != null
                ? container.newKieBase(KieServices.Factory.get().newKieBaseConfiguration()) : cached.get();
        if (providerBase == null) {
            return null;
        }
        for (RuleInfo r : rules.values()) {
            if (!r.isProviderPass() || !selection.allows(r)) {
                providerBase.removeRule(r.packageName(), r.name());
            }
        }
        return providerBase;
    }

    private static KieBase secondRuleBase(CompiledRuleCache cache, String key) {
        CompiledRuleCache.Entry again = cache.read(key);
        return again == null ? null : again.kieBase();
    }

    /** Writes the folder's DRL files as a KIE module of {@code releaseId} and compiles it. */
    private static KieBuilder buildModule(KieServices ks, RuleFolder folder, ReleaseId releaseId) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleFile f : folder.drlFiles()) {
            kfs.write(RESOURCES + "rules/" + f.name(), f.text());
        }
        return ks.newKieBuilder(kfs).buildAll();
    }

    /**
     * {@code str[startsWith]} and its siblings compile, and work on a handful of facts, but Drools 10.2
     * fails with a NoSuchMethodError once it compiles the constraint to bytecode (after about 20
     * evaluations): the audit of a real month would stop halfway. Refuse them up front.
     */
    private static List<RuleProblem> unsupportedOperators(Collection<RuleFile> files) {
        List<RuleProblem> found = new ArrayList<>();
        for (RuleFile f : files) {
            List<String> code = f.codeLines();
            for (int i = 0; i < code.size(); i++) {
                Matcher m = STR_OPERATOR.matcher(code.get(i));
                while (m.find()) {
                    found.add(new RuleProblem(f.displayPath(), i + 1, m.start() + 1, "the str[...] operator fails on this"
                            + " Drools version once the rules meet real data (NoSuchMethodError); write the String"
                            + " method with a null guard instead, e.g. billType != null, billType.startsWith(\"13\")",
                            f.ruleAt(i + 1)));
                }
            }
        }
        return found;
    }

    /** Reads each rule's metadata (@id, @severity, @citation, @derives) and where it is written. */
    private static Map<String, RuleInfo> describe(KieBase kieBase, Map<String, RuleFile> files,
            List<RuleProblem> problems) {
        List<RuleInfo> infos = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleFile file = fileOf(rule, files);
                String display = file == null ? null : file.displayPath();
                int line = file == null ? 0 : file.lineOf(rule.getName());
                Map<String, Object> meta = rule.getMetaData();
                String id = text(meta.get("id"));
                String severityText = text(meta.get("severity"));
                String citation = text(meta.get("citation"));
                String derives = text(meta.get("derives"));
                String passText = text(meta.get("pass"));
                Severity severity = Severity.parse(severityText);
                Pass pass = Pass.parse(passText);
                RuleInfo info = new RuleInfo(pkg.getName(), rule.getName(), id, severity, citation, derives, display,
                        line, pass == null ? Pass.PATIENT : pass);
                checkMetadata(info, severityText, problems);
                if (pass == null) {
                    problems.add(new RuleProblem(display, line, 1, "@pass(" + passText + ") is not a pass: write"
                            + " @pass(provider) for a rule that runs once over every physician, or leave @pass out for"
                            + " the patient pass", rule.getName()));
                }
                infos.add(info);
            }
        }
        infos.sort(Comparator.comparing((RuleInfo r) -> r.file() == null ? "" : r.file())
                .thenComparingInt(RuleInfo::line));
        Map<String, RuleInfo> byQualifiedName = new LinkedHashMap<>();
        for (RuleInfo r : infos) {
            byQualifiedName.put(r.qualifiedName(), r);
        }
        return byQualifiedName;
    }

    /**
     * A finding rule needs all of @id, @severity (one of the five levels) and @citation; a derivation
     * rule (@derives) raises no findings and so takes no severity or citation.
     */
    private static void checkMetadata(RuleInfo rule, String severityText, List<RuleProblem> problems) {
        String problem = null;
        if (rule.derives() != null) {
            if (severityText != null || rule.citation() != null) {
                problem = "a derivation rule (@derives) raises no findings, so it takes no @severity or @citation";
            }
        } else if (severityText != null && rule.severity() == null) {
            problem = "@severity(" + severityText + ") is not one of BLOCKER, HIGH, MEDIUM, LOW, INFO";
        } else if ((rule.id() != null || severityText != null || rule.citation() != null)
                && (rule.id() == null || severityText == null || rule.citation() == null)) {
            problem = "a rule that raises findings needs all of @id, @severity and @citation; missing "
                    + missing(rule.id(), severityText, rule.citation());
        }
        if (problem != null) {
            problems.add(new RuleProblem(rule.file(), rule.line(), 1, problem, rule.name()));
        }
    }

    /**
     * A patient-pass rule sees one batch of patients at a time: a physician's finding raised there would be
     * worked out from part of the physician's patients, and raised once per batch. (A rules folder copied
     * before the passes existed has NM-RATIO without @pass(provider): this says so instead of a wrong ratio.)
     */
    private static void providerFindingsInThePatientPass(RuleFolder folder, Map<String, RuleInfo> rules,
            List<RuleProblem> problems) {
        RuleSource.Reader sources = new RuleSource.Reader(folder);
        for (RuleInfo r : rules.values()) {
            boolean passUnreadable = problems.stream().anyMatch(p -> r.name().equals(p.ruleName())
                    && p.message().startsWith("@pass("));
            if (!r.isProviderPass() && !passUnreadable && sources.of(r).scopes().contains(Scope.PROVIDER)) {
                problems.add(new RuleProblem(r.file(), r.line(), 1, "the rule flags a provider (flag.provider) but runs"
                        + " in the patient pass, which sees one batch of patients at a time; give it @pass(provider)"
                        + " and match facts carried to the provider pass (see docs/rule-authoring.md)", r.name()));
            }
        }
    }

    private static void checkGlobals(KieBase kieBase, List<RuleProblem> problems) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global g : pkg.getGlobalVariables()) {
                if (!FLAG_GLOBAL.equals(g.getName())) {
                    problems.add(new RuleProblem(null, 0, 0, "package " + pkg.getName() + " declares global '"
                            + g.getName() + "', but nmaudit provides only 'global " + Flag.class.getName() + " "
                            + FLAG_GLOBAL + ";'", null));
                } else if (!Flag.class.getName().equals(g.getType())) {
                    problems.add(new RuleProblem(null, 0, 0, "package " + pkg.getName() + " declares global '"
                            + FLAG_GLOBAL + "' as " + g.getType() + "; it must be " + Flag.class.getName(), null));
                }
            }
        }
    }

    private static String missing(String id, String severity, String citation) {
        List<String> m = new ArrayList<>();
        if (id == null) {
            m.add("@id");
        }
        if (severity == null) {
            m.add("@severity");
        }
        if (citation == null) {
            m.add("@citation");
        }
        return String.join(", ", m);
    }

    /** A metadata value as text: the quotes around it removed; null when absent or blank. */
    static String text(Object metaValue) {
        if (metaValue == null) {
            return null;
        }
        String s = metaValue.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }

    private static RuleFile fileOf(Rule rule, Map<String, RuleFile> files) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            return files.get(fileName(impl.getResource().getSourcePath()));
        }
        return null;
    }

    private static String fileName(String path) {
        return DrlErrorLocator.fileName(path);
    }

    /**
     * Drools often says one thing several times: "Parser returned a null Package" after a file's parse
     * errors, a Java class "Rule_x is already defined" after a duplicate rule name, and the same error
     * at the same place from two compilation passes. One problem per place is kept.
     */
    private static List<RuleProblem> withoutEchoes(List<RuleProblem> problems) {
        List<RuleProblem> kept = new ArrayList<>();
        java.util.Set<String> places = new java.util.HashSet<>();
        boolean duplicateName = problems.stream().anyMatch(p -> p.message().startsWith("rule name already used"));
        for (RuleProblem p : problems) {
            if (problems.size() > 1 && p.message().contains("Parser returned a null Package")) {
                continue;
            }
            if (duplicateName && p.message().matches(".*The type Rule_\\w+ is already defined.*")) {
                continue;
            }
            String place = p.file() + ":" + p.line() + ":" + p.column() + ":" + p.ruleName();
            if (p.line() > 0 ? places.add(place) : !kept.contains(p)) {
                kept.add(p);
            }
        }
        return kept;
    }
}
