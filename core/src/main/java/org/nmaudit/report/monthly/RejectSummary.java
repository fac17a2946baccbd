package org.nmaudit.report.monthly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nmaudit.input.Reject;

/**
 * rejects.csv summarised for a person: rejects grouped by file, column and reason pattern, counted, with a
 * few lines and values to look up. Memory: one group per distinct pattern, whatever the number of rejects.
 */
public final class RejectSummary {
    /** What stands for a value cut out of a reason. */
    public static final String CUT = "\u2026";
    static final int EXAMPLES = 5;

    /** Another row named in a reason ("already loaded from line 6103", "claim C000005152"). */
    private static final Pattern LINE_REFERENCE = Pattern.compile("\\bline \\d+\\b");
    private static final Pattern CLAIM_REFERENCE = Pattern.compile("\\bclaim (?!" + CUT + ")[^\\s,;:]+");

    private RejectSummary() {
    }

    /** Groups in file order of first appearance, then the largest group first. */
    public static List<RejectGroup> of(Iterable<Reject> rejects) {
        Map<String, Builder> groups = new LinkedHashMap<>();
        Map<String, Integer> fileOrder = new LinkedHashMap<>();
        for (Reject r : rejects) {
            fileOrder.putIfAbsent(r.file(), fileOrder.size());
            String reason = pattern(r);
            String key = r.file() + '\u0000' + r.column() + '\u0000' + reason;
            groups.computeIfAbsent(key, k -> new Builder(r.file(), r.column(), reason)).add(r);
        }
        List<RejectGroup> out = new ArrayList<>();
        groups.values().forEach(b -> out.add(b.build()));
        out.sort(Comparator.comparing((RejectGroup g) -> fileOrder.get(g.file()))
                .thenComparing(RejectGroup::count, Comparator.reverseOrder())
                .thenComparing(g -> g.lines().get(0)));
        return List.copyOf(out);
    }

    /**
     * The reason with what is particular to the row cut out: the rejected value wherever it stands as a
     * whole token, and references to claims and to other lines of the file. Every reason nmaudit writes
     * names the value; what is left is the rule the row broke.
     */
    public static String pattern(Reject r) {
        String reason = r.reason() == null ? "" : r.reason();
        if (r.value() != null && !r.value().isBlank()) {
            reason = cutToken(reason, r.value());
        }
        reason = CLAIM_REFERENCE.matcher(reason).replaceAll(Matcher.quoteReplacement("claim " + CUT));
        return LINE_REFERENCE.matcher(reason).replaceAll(Matcher.quoteReplacement("line " + CUT));
    }

    /** Every occurrence of {@code value} not inside a longer word or number. */
    static String cutToken(String text, String value) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        while ((at = text.indexOf(value, from)) >= 0) {
            int end = at + value.length();
            boolean whole = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
            out.append(text, from, at).append(whole ? CUT : value);
            from = end;
        }
        return out.append(text.substring(from)).toString();
    }

    private static final class Builder {
        final String file;
        final String column;
        final String reason;
        final List<Long> lines = new ArrayList<>();
        final List<String> values = new ArrayList<>();
        int count;

        Builder(String file, String column, String reason) {
            this.file = file;
            this.column = column;
            this.reason = reason;
        }

        void add(Reject r) {
            count++;
            if (lines.size() < EXAMPLES) {
                lines.add(r.line());
            }
            if (values.size() < EXAMPLES && r.value() != null && !r.value().isEmpty() && !values.contains(r.value())) {
                values.add(r.value());
            }
        }

        RejectGroup build() {
            return new RejectGroup(file, column, reason, count, List.copyOf(lines), List.copyOf(values));
        }
    }
}
