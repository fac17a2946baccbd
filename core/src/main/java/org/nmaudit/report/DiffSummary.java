package org.nmaudit.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code nmaudit diff} prints: how the two runs differ, the findings per rule and status, and the
 * first changed findings with their old and new messages.
 */
public final class DiffSummary {
    private static final String ALL_RULES = "all rules";

    private final PrintWriter out;

    public DiffSummary(PrintWriter out) {
        this.out = out;
    }

    public void print(Path oldReport, ReportedRun oldRun, Path newReport, ReportedRun newRun,
            RunComparison runs, FindingDiff diff, int limit, Path diffCsv) {
        out.println("Old report: " + oldReport + " (as of " + oldRun.asOf() + ", data " + FolderNames.shown(oldRun.dataFolder())
                + ", rules " + FolderNames.shown(oldRun.rulesFolder()) + ")");
        out.println("New report: " + newReport + " (as of " + newRun.asOf() + ", data " + FolderNames.shown(newRun.dataFolder())
                + ", rules " + FolderNames.shown(newRun.rulesFolder()) + ")");
        if (runs.notes().isEmpty()) {
            out.println("Rules, parameters and reference data: the same in both runs");
        } else {
            runs.notes().forEach(out::println);
        }
        out.printf(Locale.ROOT, "Findings: %,d in the old report, %,d in the new%n", oldCount(diff), newCount(diff));
        out.println();
        printCounts(diff);
        out.println();
        printChanged(diff.changed(), limit, diffCsv);
        out.flush();
    }

    private static long oldCount(FindingDiff diff) {
        return diff.changes().stream().filter(c -> c.before() != null).count();
    }

    private static long newCount(FindingDiff diff) {
        return diff.changes().stream().filter(c -> c.after() != null).count();
    }

    private void printCounts(FindingDiff diff) {
        Map<String, Map<ChangeStatus, Integer>> byRule = diff.countsByRule();
        int width = ALL_RULES.length();
        for (String rule : byRule.keySet()) {
            width = Math.max(width, rule.length());
        }
        String format = "%-" + width + "s %9s %9s %9s %9s%n";
        out.printf(Locale.ROOT, format, "rule_id", "new", "absent", "updated", "unchanged");
        byRule.forEach((rule, counts) -> row(format, rule, counts));
        row(format, ALL_RULES, diff.totals());
    }

    private void row(String format, String label, Map<ChangeStatus, Integer> counts) {
        out.printf(Locale.ROOT, format, label, count(counts, ChangeStatus.NEW), count(counts, ChangeStatus.ABSENT),
                count(counts, ChangeStatus.UPDATED), count(counts, ChangeStatus.UNCHANGED));
    }

    private static String count(Map<ChangeStatus, Integer> counts, ChangeStatus status) {
        return String.format(Locale.ROOT, "%,d", counts.get(status));
    }

    private void printChanged(List<FindingChange> changed, int limit, Path diffCsv) {
        if (changed.isEmpty()) {
            out.println("No finding is new, absent or updated. Every finding: " + diffCsv);
            return;
        }
        int shown = Math.min(limit, changed.size());
        out.printf(Locale.ROOT, "Changed findings: %,d%s. Every finding: %s%n", changed.size(),
                shown == changed.size() ? "" : shown == 0 ? " (--limit 0: none listed)"
                        : String.format(Locale.ROOT, " (the first %,d listed; --limit N for more)", shown),
                diffCsv);
        for (FindingChange c : changed.subList(0, shown)) {
            ReportedFinding f = c.latest();
            out.printf(Locale.ROOT, "  %-9s %s  %s  %s%n", c.status().label(), f.findingId(), f.ruleId(), f.subject());
            if (c.before() != null) {
                out.printf(Locale.ROOT, "      was  %s  %s%n", c.before().severity(), c.before().message());
            }
            if (c.after() != null) {
                out.printf(Locale.ROOT, "      now  %s  %s%n", c.after().severity(), c.after().message());
            }
        }
    }
}
