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
 * @param details what else the command records (run.json's last keys): a scrub's verdicts and history store
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
        int exitCode,
        Map<String, Object> details) {

    /** An audit's record: nothing beyond the common fields. */
    public RunRecord(String version, Instant startedAt, Instant finishedAt, LocalDate asOf, String asOfSource,
            AuditPeriod period, long claimLinesAudited, String dataFolder, String outputFolder, String rulesFolder,
            boolean strict, Severity failOn, List<ParameterSet.Value> parameters, List<FileSummary> inputFiles,
            String referenceFolder, List<FileSummary> referenceFiles, Map<String, String> ruleFiles,
            List<RuleInfo> rulesLoaded, RuleSelection ruleSelection, Map<String, Integer> findingsByRule,
            Map<Severity, Integer> findingsBySeverity, List<String> warnings, int exitCode) {
        this(version, startedAt, finishedAt, asOf, asOfSource, period, claimLinesAudited, dataFolder, outputFolder,
                rulesFolder, strict, failOn, parameters, inputFiles, referenceFolder, referenceFiles, ruleFiles,
                rulesLoaded, ruleSelection, findingsByRule, findingsBySeverity, warnings, exitCode, Map.of());
    }

    /** The same record with more of what the command did (a scrub's verdicts, the history it read). */
    public RunRecord withDetails(Map<String, Object> more) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(details);
        all.putAll(more);
        return new RunRecord(version, startedAt, finishedAt, asOf, asOfSource, period, claimLinesAudited, dataFolder,
                outputFolder, rulesFolder, strict, failOn, parameters, inputFiles, referenceFolder, referenceFiles,
                ruleFiles, rulesLoaded, ruleSelection, findingsByRule, findingsBySeverity, warnings, exitCode,
                java.util.Collections.unmodifiableMap(all));
    }

    public long wallTimeMillis() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
