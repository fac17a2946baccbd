package org.nmaudit.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the runs behind two reports differ, from their run.json: in the data they read (a diff of
 * different data is usually a mistake, so those are warnings) and in the rules, parameters and
 * reference data they used (what a diff is normally for, so those are notes).
 */
public final class RunComparison {
    private final List<String> dataWarnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private RunComparison() {
    }

    public static RunComparison of(ReportedRun before, ReportedRun after) {
        RunComparison c = new RunComparison();
        c.compareData(before, after);
        c.compareRules(before, after);
        return c;
    }

    /** Differences in the as-of date, data folder or input files; empty when both runs read the same data. */
    public List<String> dataWarnings() {
        return List.copyOf(dataWarnings);
    }

    /** Differences in rules folder, rule files, parameters, rules run, reference files and tool version. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private void compareData(ReportedRun before, ReportedRun after) {
        if (!Objects.equals(before.asOf(), after.asOf())) {
            dataWarnings.add("the runs have different as-of dates (" + before.asOf() + " in the old report, "
                    + after.asOf() + " in the new): trial statuses and conversion ratios depend on it");
        }
        List<String> files = fileDifferences(before.inputFiles(), after.inputFiles());
        if (!FolderNames.same(before.dataFolder(), after.dataFolder())) {
            dataWarnings.add("the runs audited different data folders (" + FolderNames.shown(before.dataFolder())
                    + " in the old report, " + FolderNames.shown(after.dataFolder()) + " in the new)"
                    + (files.isEmpty() ? ", holding the same files" : ""));
        }
        for (String f : files) {
            dataWarnings.add("input file " + f);
        }
    }

    private void compareRules(ReportedRun before, ReportedRun after) {
        if (!Objects.equals(before.version(), after.version())) {
            notes.add("nmaudit version: " + before.version() + " -> " + after.version());
        }
        if (!FolderNames.same(before.rulesFolder(), after.rulesFolder())) {
            notes.add("Rules folder: " + FolderNames.shown(before.rulesFolder()) + " -> "
                    + FolderNames.shown(after.rulesFolder()));
        }
        Map<String, String> oldRules = byFileName(before.ruleFiles());
        Map<String, String> newRules = byFileName(after.ruleFiles());
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String name : union(oldRules.keySet(), newRules.keySet())) {
            if (!oldRules.containsKey(name)) {
                added.add(name);
            } else if (!newRules.containsKey(name)) {
                removed.add(name);
            } else if (!Objects.equals(oldRules.get(name), newRules.get(name))) {
                changed.add(name);
            }
        }
        addList("Rule files changed: ", changed);
        addList("Rule files only in the new run: ", added);
        addList("Rule files only in the old run: ", removed);
        List<String> parameters = new ArrayList<>();
        for (String name : union(before.parameters().keySet(), after.parameters().keySet())) {
            String o = before.parameters().get(name);
            String n = after.parameters().get(name);
            if (!sameNumber(o, n)) {
                parameters.add(name + " " + (o == null ? "(not set)" : o) + " -> " + (n == null ? "(not set)" : n));
            }
        }
        addList("Parameters changed: ", parameters);
        if (before.findingRulesRun() != null && after.findingRulesRun() != null) {
            List<String> onlyOld = new ArrayList<>(before.findingRulesRun());
            onlyOld.removeAll(after.findingRulesRun());
            List<String> onlyNew = new ArrayList<>(after.findingRulesRun());
            onlyNew.removeAll(before.findingRulesRun());
            addList("Finding rules run only in the old report (--only, --disable, or removed): ", onlyOld);
            addList("Finding rules run only in the new report (--only, --disable, or added): ", onlyNew);
        }
        if (!FolderNames.same(before.referenceFolder(), after.referenceFolder())) {
            notes.add("Reference folder: " + FolderNames.shown(before.referenceFolder()) + " -> "
                    + FolderNames.shown(after.referenceFolder()));
        }
        List<String> reference = fileDifferences(before.referenceFiles(), after.referenceFiles());
        reference.forEach(r -> notes.add("Reference file " + r));
    }

    private void addList(String heading, List<String> items) {
        if (!items.isEmpty()) {
            notes.add(heading + String.join(", ", items));
        }
    }

    /** "claims.csv differs (SHA-256 2e8aa03e0a96... in the old report, 5a1b... in the new)", and the like. */
    private static List<String> fileDifferences(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        for (String name : union(before.keySet(), after.keySet())) {
            String o = before.get(name);
            String n = after.get(name);
            if (Objects.equals(o, n)) {
                continue;
            }
            if (o == null) {
                out.add(name + " was read only by the new run");
            } else if (n == null) {
                out.add(name + " was read only by the old run");
            } else {
                out.add(name + " differs (SHA-256 " + shortSha(o) + " in the old report, " + shortSha(n)
                        + " in the new)");
            }
        }
        return out;
    }

    /** Rule files keyed by name inside their folder (rules/trials.drl and my-rules/trials.drl are one file). */
    private static Map<String, String> byFileName(Map<String, String> files) {
        Map<String, String> m = new LinkedHashMap<>();
        files.forEach((path, sha) -> m.put(path.substring(path.lastIndexOf('/') + 1), sha));
        return m;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** 30 and 30.0 are the same value; text that is not a number is compared as text. */
    private static boolean sameNumber(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "..." : sha;
    }
}
