package org.nmaudit.testing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.nmaudit.engine.EngineResult;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.FeeScheduleRate;
import org.nmaudit.facts.PayerType;
import org.nmaudit.facts.PerformedBy;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.facts.ProgrammingSession;
import org.nmaudit.facts.PsychEvaluation;
import org.nmaudit.facts.RepeatTrialJustification;
import org.nmaudit.facts.TrialOutcome;
import org.nmaudit.findings.Finding;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceReader;

/**
 * Runs the shipped rules folder on hand-written facts. The rules are compiled once per JVM; each
 * {@link #run} is a fresh session. Findings are compared as compact strings such as
 * {@code "NM-PROG-FREQ C2:1 MEDIUM"} or {@code "NM-RATIO 1234567893 HIGH"}, so a test states the exact
 * expected set.
 */
public final class RuleHarness {
    private final List<Object> facts = new ArrayList<>();
    private final List<String> overrides = new ArrayList<>();
    private LocalDate asOf;

    public static RuleHarness rules() {
        return new RuleHarness();
    }

    public RuleHarness lines(ClaimLineBuilder... lines) {
        for (ClaimLineBuilder b : lines) {
            facts.add(b.build());
        }
        return this;
    }

    public RuleHarness line(ClaimLineBuilder line) {
        facts.add(line.build());
        return this;
    }

    /** A trial-outcomes.csv row; null means blank. */
    public RuleHarness outcome(String patientId, String documented, Double painPct, Double analgesicPct,
            Boolean functionalImprovement) {
        facts.add(new TrialOutcome(patientId, LocalDate.parse(documented), painPct, analgesicPct,
                functionalImprovement, null, null, 2));
        return this;
    }

    public RuleHarness justification(String patientId, String documented) {
        facts.add(new RepeatTrialJustification(patientId, LocalDate.parse(documented), "lead migration", 2));
        return this;
    }

    public RuleHarness session(String patientId, String date, PerformedBy by) {
        facts.add(new ProgrammingSession(patientId, LocalDate.parse(date), by, null, 2));
        return this;
    }

    public RuleHarness psychEvaluation(String patientId, String date) {
        facts.add(new PsychEvaluation(patientId, LocalDate.parse(date), "PhD", 2));
        return this;
    }

    /** A fee-schedule.csv row of the reference folder. */
    public RuleHarness rate(PayerType payer, String cpt, String setting, String component, String expectedAmount,
            String effectiveFrom) {
        facts.add(new FeeScheduleRate(payer, cpt, setting, component, new BigDecimal(expectedAmount),
                LocalDate.parse(effectiveFrom), "test", 2));
        return this;
    }

    /** The shipped reference folder (data/reference) as facts, as an audit loads it by default. */
    public RuleHarness shippedReferenceData() {
        try {
            new ReferenceReader(ReadProgress.SILENT).read(Path.of("data", "reference")).facts().forEach(facts::add);
        } catch (InputException e) {
            throw new AssertionError("data/reference does not load: " + e.getMessage(), e);
        }
        return this;
    }

    public RuleHarness param(String name, String value) {
        overrides.add(name + "=" + value);
        return this;
    }

    public RuleHarness asOf(String isoDate) {
        this.asOf = LocalDate.parse(isoDate);
        return this;
    }

    public EngineResult run() {
        try {
            RuleFolder folder = RuleFolder.load(Path.of("rules"));
            ParameterSet params = folder.parameters().withOverrides(overrides);
            RuleBase base = RuleCompiler.compile(folder);
            LocalDate effectiveAsOf = asOf != null ? asOf : latestServiceDate();
            return new RuleEngine(base).run(params, effectiveAsOf, facts);
        } catch (RuleSetupException e) {
            throw new AssertionError("rules/ does not compile: " + e.problems(), e);
        }
    }

    /** The findings of one rule as compact strings, sorted. */
    public List<String> findings(String ruleId) {
        return compact(run().findings().all().stream().filter(f -> f.ruleId().equals(ruleId)).toList());
    }

    /** The findings of one rule, whole, in report order. */
    public List<Finding> findingsOf(String ruleId) {
        return run().findings().all().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    public static List<String> compact(List<Finding> findings) {
        return findings.stream().map(RuleHarness::compact).sorted().collect(Collectors.toList());
    }

    public static String compact(Finding f) {
        String subject = f.claimId() != null ? f.claimId() + ":" + f.lineNumber() : f.renderingNpi();
        return f.ruleId() + " " + subject + " " + f.severity();
    }

    /** Expected compact findings, sorted, for assertEquals. */
    public static List<String> expected(String... compactFindings) {
        return Arrays.stream(compactFindings).sorted().collect(Collectors.toList());
    }

    /**
     * The provider ratios (provider-ratios.csv rows) as compact strings, sorted, e.g.
     * {@code "1234567893 converted=1 failed=2 pending=0"}.
     */
    public List<String> ratios() {
        return run().ratios().stream().map(RuleHarness::compactRatio).sorted().collect(Collectors.toList());
    }

    public static String compactRatio(ProviderRatio r) {
        return ratio(r.getNpi(), r.getConverted(), r.getFailed(), r.getPending());
    }

    /** One expected provider ratio, in the form {@link #ratios()} returns. */
    public static String ratio(String npi, int converted, int failed, int pending) {
        return npi + " converted=" + converted + " failed=" + failed + " pending=" + pending;
    }

    /** Finding counts per rule id. */
    public Map<String, Integer> countByRule() {
        return new TreeMap<>(run().findings().countByRule());
    }

    private LocalDate latestServiceDate() {
        return facts.stream().filter(ClaimLine.class::isInstance).map(f -> ((ClaimLine) f).getServiceDate())
                .max(LocalDate::compareTo).orElse(LocalDate.of(2025, 1, 1));
    }

}
