package org.nmaudit.input;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rejects counted by what is wrong rather than by value: "service_date is not a date in yyyy-MM-dd form"
 * once with its count, not a thousand rows each naming its own date. Tells a clerk the one fix that
 * matters most.
 */
public final class RejectReasons {
    private final Map<String, Long> counts = new HashMap<>();

    public void add(Reject r) {
        counts.merge(r.file() + ": " + withoutValue(r), 1L, Long::sum);
    }

    /** The most frequent reason as "file: reason" with its count, or null when nothing was rejected. */
    public Map.Entry<String, Long> mostFrequent() {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder())))
                .orElse(null);
    }

    /**
     * The reason with the row's own value taken out: "service_date 01/15/2025 is not a date" becomes
     * "service_date is not a date".
     */
    public static String withoutValue(Reject r) {
        String reason = r.reason();
        String value = r.value();
        if (value != null && !value.isEmpty()) {
            String prefix = r.column() + " " + value + " ";
            if (reason.startsWith(prefix)) {
                return r.column() + " " + reason.substring(prefix.length());
            }
        }
        return reason;
    }

    /**
     * Why no claim line could be loaded: a header-only claims.csv, or every row rejected, naming the most
     * frequent reason.
     */
    public static String nothingLoaded(DataSetSummary data, Iterable<Reject> rejects) {
        List<FileSummary> sources = data.claimFiles();
        long read = sources.stream().mapToLong(FileSummary::rowsRead).sum();
        String names = String.join(", ", sources.stream().map(FileSummary::fileName).toList());
        if (read == 0) {
            return names.equals(ClaimsFile.NAME) ? ClaimsFile.NAME + " has a header but no rows: no claim line to audit"
                    : names + " hold no claim line to audit";
        }
        java.util.Set<String> claimSources = new java.util.HashSet<>();
        sources.forEach(f -> claimSources.add(f.fileName()));
        RejectReasons reasons = new RejectReasons();
        for (Reject r : rejects) {
            if (claimSources.contains(r.file())) {
                reasons.add(r);
            }
        }
        Map.Entry<String, Long> top = reasons.mostFrequent();
        if (top == null) {
            return String.format(Locale.ROOT, "no claim line is left to audit: the %,d claim lines of %s were all replaced"
                    + " or voided", read, names);
        }
        int colon = top.getKey().indexOf(": ");
        return String.format(Locale.ROOT, "no claim line could be loaded: all %,d rows of %s were rejected; the most"
                + " frequent reason (%,d row%s): %s", read, names, top.getValue(), top.getValue() == 1 ? "" : "s",
                top.getKey().substring(colon + 2));
    }
}
