package org.nmaudit.scrub;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nmaudit.engine.EngineResult;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.FindingSet;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;
import org.nmaudit.history.HistoryException;
import org.nmaudit.input.ReferenceData;

/**
 * What a scrub decides (scrubbing.md): the batch's claims judged against the history with the audit's rules.
 * The evaluation set is the history with every stored claim the batch sends again replaced by the batch's
 * version, plus the batch's documentation rows; since every rule but the provider tally joins the facts of
 * one patient, only the batch's patients are read from the history and evaluated, which gives their lines
 * exactly the findings an audit of the whole evaluation set gives them.
 */
public final class Scrubber {
    private final RuleEngine engine;
    private final ParameterSet parameters;
    private final ReferenceData reference;

    public Scrubber(RuleEngine engine, ParameterSet parameters, ReferenceData reference) {
        this.engine = engine;
        this.parameters = parameters;
        this.reference = reference;
    }

    /**
     * @param asOf the --as-of date, or null for the latest service date of the evaluation set
     * @param failOn the severity from which a claim is held
     */
    public ScrubResult scrub(ScrubBatch batch, History history, LocalDate asOf, Severity failOn)
            throws HistoryException, RuleSetupException {
        Set<String> sent = new LinkedHashSet<>();
        Set<String> patients = new LinkedHashSet<>();
        List<ClaimLine> batchLines = new ArrayList<>();
        for (BatchClaim c : batch.claims()) {
            if (!c.rejected()) {
                sent.add(c.claimId());
                for (ClaimLine l : c.lines()) {
                    patients.add(l.getPatientId());
                    batchLines.add(l);
                }
            }
        }

        List<Object> facts = new ArrayList<>();
        for (PatientFact f : history.factsOf(patients)) {
            if (!(f instanceof ClaimLine line && sent.contains(line.getClaimId()))) {
                facts.add(f);
            }
        }
        facts.addAll(batchLines);
        for (PatientFact d : batch.documentation()) {
            if (patients.contains(d.getPatientId())) {
                facts.add(d);
            }
        }
        reference.facts().forEach(facts::add);

        String asOfSource = "--as-of";
        if (asOf == null) {
            asOfSource = "latest service_date of the history and the batch";
            Optional<LocalDate> stored = history.latestServiceDate(sent);
            LocalDate latest = stored.orElse(null);
            for (ClaimLine l : batchLines) {
                if (latest == null || l.getServiceDate().isAfter(latest)) {
                    latest = l.getServiceDate();
                }
            }
            asOf = latest != null ? latest : LocalDate.now();
            if (latest == null) {
                asOfSource = "run date (no claim line in the history or the batch)";
            }
        }

        List<Finding> scrubFindings = new ArrayList<>();
        if (!batchLines.isEmpty()) {
            EngineResult result = engine.run(parameters, asOf, facts);
            for (Finding f : result.findings().all()) {
                if (f.scope() == Scope.LINE && sent.contains(f.claimId())) {
                    scrubFindings.add(f);
                }
            }
        }
        FindingSet findings = FindingSet.of(scrubFindings);
        return new ScrubResult(asOf, asOfSource, verdicts(batch, findings, failOn), findings);
    }

    private static List<ClaimVerdict> verdicts(ScrubBatch batch, FindingSet findings, Severity failOn) {
        Map<String, List<Finding>> byClaim = new LinkedHashMap<>();
        for (Finding f : findings.all()) {
            byClaim.computeIfAbsent(f.claimId(), c -> new ArrayList<>()).add(f);
        }
        List<ClaimVerdict> verdicts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BatchClaim c : batch.claims()) {
            if (!seen.add(c.claimId())) {
                continue;
            }
            List<Finding> own = byClaim.getOrDefault(c.claimId(), List.of());
            Severity highest = null;
            for (Finding f : own) {
                if (highest == null || f.severity().isAtLeast(highest)) {
                    highest = f.severity();
                }
            }
            Verdict verdict;
            if (c.rejected()) {
                verdict = Verdict.REJECTED;
            } else if (highest != null && highest.isAtLeast(failOn)) {
                verdict = Verdict.HOLD;
            } else if (highest != null && highest.isAtLeast(Severity.LOW)) {
                verdict = Verdict.REVIEW;
            } else {
                verdict = Verdict.PASS;
            }
            verdicts.add(new ClaimVerdict(c, verdict, List.copyOf(own), highest));
        }
        return verdicts;
    }
}
