package org.nmaudit.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints one finding of a report for a compliance officer: what was found on what, the rule with where
 * it is written and the policy it rests on, the parameter values it used, every fact it matched in
 * words, and the run it came from. Everything comes from the report folder.
 */
public final class FindingExplanation {
    private static final String INDENT = "  ";

    private final PrintWriter out;

    public FindingExplanation(PrintWriter out) {
        this.out = out;
    }

    public void print(Path reportFolder, ReportedRun run, ExplainedFinding finding) {
        ReportedFinding f = finding.row();
        out.println("Finding " + f.findingId() + ": " + f.ruleId() + ", severity " + f.severity());
        out.println(f.message());
        out.println();
        out.println("Subject:    " + subject(f));
        out.println("At risk:    " + (f.amountAtRisk().isBlank() ? "not known (no paid or billed amount)"
                : EvidenceText.money(f.amountAtRisk())));
        out.println();
        out.println("Rule:       " + ruleTitle(f.ruleId(), finding.ruleName()));
        out.println("Written at: " + whereWritten(run, finding));
        out.println("Citation:   " + f.citation());
        out.println();
        printParameters(run, finding.parameters());
        out.println();
        printEvidence(finding.evidence());
        out.println();
        out.println("Run:        as of " + orUnknown(run.asOf())
                + (run.asOfSource() == null ? "" : " (" + run.asOfSource() + ")")
                + "; data folder " + orUnknown(FolderNames.shown(run.dataFolder())) + "; rules folder " + orUnknown(FolderNames.shown(run.rulesFolder())));
        out.println("Parameters: " + parameterOrigin(run));
        out.println("Report:     " + reportFolder + " (nmaudit " + orUnknown(run.version())
                + (run.finishedAt() == null ? "" : ", finished " + run.finishedAt()) + ")");
        out.flush();
    }

    /** "claim C1 line 2, patient P1, rendering NPI 1234567893, service date 2025-03-04", or the provider. */
    static String subject(ReportedFinding f) {
        if (f.claimId().isBlank()) {
            return "rendering NPI " + f.renderingNpi() + " (a finding on the provider, not on one claim line)";
        }
        List<String> parts = new ArrayList<>();
        parts.add("claim " + f.claimId() + " line " + f.lineNumber());
        if (!f.patientId().isBlank()) {
            parts.add("patient " + f.patientId());
        }
        if (!f.renderingNpi().isBlank()) {
            parts.add("rendering NPI " + f.renderingNpi());
        }
        if (!f.serviceDate().isBlank()) {
            parts.add("service date " + f.serviceDate());
        }
        return String.join(", ", parts);
    }

    /** Rule names start with their id by convention ("NM-RATIO: ..."); otherwise both are shown. */
    private static String ruleTitle(String ruleId, String ruleName) {
        if (ruleName == null || ruleName.isBlank()) {
            return ruleId;
        }
        return ruleName.startsWith(ruleId) ? ruleName : ruleId + " (rule \"" + ruleName + "\")";
    }

    private static String whereWritten(ReportedRun run, ExplainedFinding finding) {
        Integer line = finding.ruleLine();
        if (line == null && finding.ruleName() != null) {
            ReportedRun.RuleEntry entry = run.rule(finding.ruleName());
            line = entry == null ? null : entry.line();
        }
        if (finding.ruleFile() == null) {
            return "not recorded in this report";
        }
        return line == null ? finding.ruleFile() + " (the line is not recorded: an older nmaudit wrote this report)"
                : finding.ruleFile() + ":" + line;
    }

    private void printParameters(ReportedRun run, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            out.println("Parameters the rule used: none");
            return;
        }
        out.println("Parameters the rule used:");
        int nameWidth = parameters.keySet().stream().mapToInt(String::length).max().orElse(0);
        int valueWidth = parameters.values().stream().mapToInt(v -> v == null ? 0 : v.length()).max().orElse(0);
        parameters.forEach((name, value) -> {
            String source = run.parameterSources().get(name);
            String line = INDENT + pad(name, nameWidth) + " = " + (source == null ? value
                    : pad(value, valueWidth) + "   from " + source);
            out.println(line);
        });
    }

    private void printEvidence(List<Map<String, String>> evidence) {
        if (evidence.isEmpty()) {
            out.println("Evidence: none recorded (the rule matched no fact nmaudit keeps as evidence)");
            return;
        }
        out.println("Evidence, the facts the rule matched:");
        int n = 0;
        for (Map<String, String> fact : evidence) {
            String number = ++n + ". ";
            List<String> lines = EvidenceText.describe(fact);
            out.println(INDENT + number + lines.get(0));
            for (String detail : lines.subList(1, lines.size())) {
                out.println(INDENT + " ".repeat(number.length()) + detail);
            }
        }
    }

    /** Where the run's parameter values came from: the parameters file(s), and any --param overrides. */
    static String parameterOrigin(ReportedRun run) {
        Set<String> files = new LinkedHashSet<>();
        List<String> overrides = new ArrayList<>();
        run.parameterSources().forEach((name, source) -> {
            if (source == null) {
                return;
            }
            if (source.startsWith("--param")) {
                overrides.add(name + "=" + run.parameters().get(name));
            } else {
                files.add(source.replaceFirst(":\\d+$", ""));
            }
        });
        if (files.isEmpty() && overrides.isEmpty()) {
            return "sources not recorded in this report";
        }
        String text = files.isEmpty() ? "" : "values from " + String.join(", ", files);
        if (!overrides.isEmpty()) {
            text += (text.isEmpty() ? "" : "; ") + "--param overrides: " + String.join(", ", overrides);
        } else {
            text += " (no --param override)";
        }
        return text;
    }

    private static String pad(String s, int width) {
        String text = s == null ? "" : s;
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String orUnknown(String s) {
        return s == null ? "(not recorded)" : s;
    }
}
