package org.nmaudit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.findings.RuleInfo;
import org.nmaudit.findings.Severity;
import org.nmaudit.input.FileSummary;

/** run.json's shape (snake_case, stable key order), also embedded as "run" in findings.json. */
final class RunJson {
    private RunJson() {
    }

    static Map<String, Object> of(RunRecord run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "nmaudit");
        m.put("version", run.version());
        m.put("started_at", run.startedAt().toString());
        m.put("finished_at", run.finishedAt().toString());
        m.put("wall_time_ms", run.wallTimeMillis());
        m.put("as_of", run.asOf() == null ? null : run.asOf().toString());
        m.put("as_of_source", run.asOfSource());
        if (run.period() != null) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("period", run.period().text());
            period.put("start", run.period().start().toString());
            period.put("end", run.period().end().toString());
            period.put("claim_lines_in_period", run.claimLinesAudited());
            m.put("period", period);
        }
        m.put("data_folder", FolderNames.absolute(run.dataFolder()));
        m.put("output_folder", FolderNames.absolute(run.outputFolder()));
        m.put("rules_folder", FolderNames.absolute(run.rulesFolder()));
        m.put("strict", run.strict());
        m.put("fail_on", run.failOn() == null ? null : run.failOn().name());
        m.put("exit_code", run.exitCode());

        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        for (ParameterSet.Value v : run.parameters()) {
            params.put(v.name(), v.value());
            sources.put(v.name(), v.source());
        }
        m.put("parameters", params);
        m.put("parameter_sources", sources);

        List<Object> inputs = new ArrayList<>();
        for (FileSummary f : run.inputFiles()) {
            inputs.add(fileJson(f));
        }
        m.put("input_files", inputs);

        m.put("reference_folder", FolderNames.absolute(run.referenceFolder()));
        List<Object> references = new ArrayList<>();
        for (FileSummary f : run.referenceFiles()) {
            references.add(fileJson(f));
        }
        m.put("reference_files", references);

        List<Object> ruleFiles = new ArrayList<>();
        run.ruleFiles().forEach((file, sha) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", file);
            f.put("sha256", sha);
            ruleFiles.add(f);
        });
        m.put("rule_files", ruleFiles);

        List<Object> rules = new ArrayList<>();
        for (RuleInfo r : run.rulesLoaded()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule_id", r.id());
            rule.put("kind", r.isFindingRule() ? "finding" : "derivation");
            rule.put("derives", r.derives());
            rule.put("name", r.name());
            rule.put("severity", r.severity() == null ? null : r.severity().name());
            rule.put("file", r.file());
            rule.put("line", r.line() > 0 ? r.line() : null);
            rule.put("enabled", run.ruleSelection().allows(r));
            rules.add(rule);
        }
        m.put("rules_loaded", rules.size());
        m.put("finding_rules_loaded", run.rulesLoaded().stream().filter(RuleInfo::isFindingRule).count());
        m.put("rules", rules);
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("only", run.ruleSelection().only().stream().sorted().toList());
        selection.put("disabled", run.ruleSelection().disabled().stream().sorted().toList());
        selection.put("finding_rules_run", run.rulesLoaded().stream()
                .filter(r -> r.isFindingRule() && run.ruleSelection().allows(r)).map(RuleInfo::id).distinct().sorted()
                .toList());
        m.put("rule_selection", selection);

        m.put("findings_total", run.findingsByRule() == null ? null
                : run.findingsByRule().values().stream().mapToInt(Integer::intValue).sum());
        m.put("findings_by_rule", run.findingsByRule());
        Map<String, Object> bySeverity = null;
        if (run.findingsBySeverity() != null) {
            bySeverity = new LinkedHashMap<>();
            for (Map.Entry<Severity, Integer> e : run.findingsBySeverity().entrySet()) {
                bySeverity.put(e.getKey().name(), e.getValue());
            }
        }
        m.put("findings_by_severity", bySeverity);
        m.put("warnings", run.warnings());
        if (run.details() != null) {
            m.putAll(run.details());
        }
        return m;
    }

    private static Map<String, Object> fileJson(FileSummary f) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", f.fileName());
        file.put("present", f.present());
        file.put("sha256", f.sha256());
        file.put("rows_read", f.rowsRead());
        file.put("rows_loaded", f.rowsLoaded());
        file.put("rows_rejected", f.rowsRejected());
        if (f.x12() != null) {
            // An X12 file (x12-input.md): an 837's replaced and voided lines are among rows_loaded but not
            // audited; an 835's rows are its service lines, which only fill paid_amount.
            file.put("transaction", f.x12().transactions());
            if (f.x12().remittance()) {
                file.put("lines_matched", f.x12().linesMatched());
                file.put("lines_unmatched", f.x12().linesUnmatched());
            } else {
                file.put("replaced", f.x12().replaced());
                file.put("voided", f.x12().voided());
            }
        }
        if (f.afterPeriod() != null) {
            file.put("after_period", f.afterPeriod());
        }
        return file;
    }
}
