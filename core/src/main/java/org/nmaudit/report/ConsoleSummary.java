package org.nmaudit.report;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Findings;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;
import org.nmaudit.input.FileSummary;

/** The short summary a run prints: rows per file, findings per rule and severity, where the reports are. */
public final class ConsoleSummary {
    private final PrintWriter out;

    public ConsoleSummary(PrintWriter out) {
        this.out = out;
    }

    public void print(RunRecord run, Findings findings, int providersRated) {
        if (run.period() != null) {
            out.printf(Locale.ROOT, "nmaudit %s audit of %s, period %s (%s to %s), as of %s (%s)%n", run.version(),
                    FolderNames.shown(run.dataFolder()), run.period().text(), run.period().start(), run.period().end(), run.asOf(),
                    run.asOfSource());
        } else {
            out.printf(Locale.ROOT, "nmaudit %s audit of %s, as of %s (%s)%n", run.version(),
                    FolderNames.shown(run.dataFolder()),
                    run.asOf(), run.asOfSource());
        }
        out.printf(Locale.ROOT, "Rules folder: %s; reference folder: %s%n", FolderNames.shown(run.rulesFolder()),
                FolderNames.shown(run.referenceFolder()));
        printInputs(run);
        if (findings != null) {
            printFindings(findings);
            out.printf(Locale.ROOT, "Providers rated in provider-ratios.csv: %d%n", providersRated);
        }
        out.printf(Locale.ROOT, "Output folder: %s%n", run.outputFolder());
        out.flush();
    }

    public void printInputs(RunRecord run) {
        boolean period = run.period() != null;
        out.printf(Locale.ROOT, "%-34s %12s %12s %12s%s%n", "Input file", "read", "loaded", "rejected",
                period ? String.format(Locale.ROOT, " %12s", "after period") : "");
        for (FileSummary f : run.inputFiles()) {
            if (f.present()) {
                out.printf(Locale.ROOT, "  %-32s %,12d %,12d %,12d%s%n", f.fileName(), f.rowsRead(), f.rowsLoaded(),
                        f.rowsRejected(), period ? String.format(Locale.ROOT, " %,12d", f.afterPeriod()) : "");
            } else {
                out.printf(Locale.ROOT, "  %-32s %12s%n", f.fileName(), "(absent)");
            }
        }
        if (period) {
            out.printf(Locale.ROOT, "Claim lines in the period: %,d%n", run.claimLinesAudited());
        }
    }

    private void printFindings(Findings findings) {
        Map<String, Map<Severity, Integer>> byRule = new TreeMap<>();
        BigDecimal lineAmounts = BigDecimal.ZERO;
        for (Finding f : findings) {
            byRule.computeIfAbsent(f.ruleId(), k -> new TreeMap<>()).merge(f.severity(), 1, Integer::sum);
            if (f.scope() == Scope.LINE && f.amountAtRisk() != null) {
                lineAmounts = lineAmounts.add(f.amountAtRisk());
            }
        }
        out.printf(Locale.ROOT, "Findings: %,d%n", findings.size());
        for (Map.Entry<String, Map<Severity, Integer>> rule : byRule.entrySet()) {
            StringBuilder sb = new StringBuilder();
            int total = 0;
            for (Map.Entry<Severity, Integer> s : rule.getValue().entrySet()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(s.getKey()).append(' ').append(s.getValue());
                total += s.getValue();
            }
            out.printf(Locale.ROOT, "  %-22s %,8d  (%s)%n", rule.getKey(), total, sb);
        }
        StringBuilder sev = new StringBuilder();
        for (Map.Entry<Severity, Integer> s : findings.countBySeverity().entrySet()) {
            sev.append(sev.length() == 0 ? "" : ", ").append(s.getKey()).append(' ').append(s.getValue());
        }
        out.printf(Locale.ROOT, "By severity: %s%n", sev);
        out.printf(Locale.ROOT, "Amount at risk on flagged lines: $%,.2f%n", lineAmounts);
    }
}
