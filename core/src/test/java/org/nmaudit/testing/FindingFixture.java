package org.nmaudit.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.FindingId;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;
import org.nmaudit.input.FileSummary;
import org.nmaudit.report.RunRecord;

/**
 * Findings and run records made by hand, for tests of the report writers that need chosen amounts, dates
 * and rules (a real audit of a small data set is used where the findings themselves matter).
 */
public final class FindingFixture {
    public static final String NPI = "1234567893";

    private FindingFixture() {
    }

    /** A line finding with the finding_id an audit would give it. */
    public static Finding line(String ruleId, Severity severity, String claimId, int line, String serviceDate,
            String amount, String message) {
        return new Finding(FindingId.ofLine(ruleId, claimId, line), ruleId, severity, Scope.LINE, claimId,
                line, "P-" + claimId, NPI, LocalDate.parse(serviceDate), amount == null ? null : new BigDecimal(amount),
                message, "citation of " + ruleId, ruleId + ": rule", "rules/test.drl", 1, List.of(), Map.of());
    }

    /** A provider finding of the physician. */
    public static Finding provider(String ruleId, Severity severity, String npi, String amount, String message) {
        return new Finding(FindingId.ofProvider(ruleId, npi), ruleId, severity, Scope.PROVIDER, null, null, null, npi,
                null, amount == null ? null : new BigDecimal(amount), message, "citation of " + ruleId,
                ruleId + ": rule", "rules/test.drl", 1, List.of(), Map.of());
    }

    /** A run of a data folder with claims.csv (rows read, loaded, rejected), the default ratio parameters. */
    public static RunRecord run(LocalDate asOf, long read, long loaded, long rejected) {
        List<ParameterSet.Value> parameters = new ArrayList<>();
        parameters.add(new ParameterSet.Value("ratio_threshold", new BigDecimal("0.50"), "rules/parameters.properties:16"));
        parameters.add(new ParameterSet.Value("ratio_min_decided_trials", new BigDecimal("5"),
                "rules/parameters.properties:18"));
        Map<String, String> ruleFiles = new LinkedHashMap<>();
        ruleFiles.put("rules/trials.drl", "aa".repeat(32));
        ruleFiles.put("rules/parameters.properties", "bb".repeat(32));
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        return new RunRecord("0.1.0", at, at, asOf, "--as-of", null, loaded, "data/test", "reports/test", "rules", false, null,
                parameters, List.of(new FileSummary("claims.csv", true, "cc".repeat(32), read, loaded, rejected)),
                "data/reference", List.of(), ruleFiles, List.of(), RuleSelection.ALL, Map.of(), Map.of(), List.of(), 0);
    }
}
