package org.nmaudit.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.nmaudit.audit.AuditPeriod;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.findings.RuleInfo;
import org.nmaudit.findings.Severity;
import org.nmaudit.input.FileSummary;

/**
 * The record of one audit run (run.json): enough to reproduce it and to prove what it read.
 *
 * @param asOfSource "--as-of", or "latest service_date" of the loaded claim lines, or "end of the period"
 * @param period the months of a period audit (--period), or null
 * @param claimLinesAudited claim lines dated in the period (every loaded line without a period)
 * @param referenceFiles the fee schedule and code table read from {@code referenceFolder}
 * @param ruleSelection the --only and --disable of the run
 * @param ruleFiles display path to SHA-256, DRL files and the parameters file
 * @param findingsByRule null when the run stopped before the rules fired (--strict with rejects)
 */
public record RunRecord(
        String version,
        Instant startedAt,
        Instant finishedAt,
        LocalDate asOf,
        String asOfSource,
        AuditPeriod period,
        long claimLinesAudited,
        String dataFolder,
        String outputFolder,
        String rulesFolder,
        boolean strict,
        Severity failOn,
        List<ParameterSet.Value> parameters,
        List<FileSummary> inputFiles,
        String referenceFolder,
        List<FileSummary> referenceFiles,
        Map<String, String> ruleFiles,
        List<RuleInfo> rulesLoaded,
        RuleSelection ruleSelection,
        Map<String, Integer> findingsByRule,
        Map<Severity, Integer> findingsBySeverity,
        List<String> warnings,
        int exitCode) {

    public long wallTimeMillis() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
