package org.nmaudit.report.monthly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;

/**
 * The claim lines with the most money at risk, each line once. A line flagged by several rules is one
 * entry: its money at risk is the largest amount_at_risk among its findings (the same paid amount cannot
 * be recouped twice), the finding with that amount leads (then the most severe, then the rule id) and the
 * others are listed with it. Lines whose findings carry no amount are not ranked.
 *
 * <p>Two passes over the findings, holding only {@code limit} lines: the first keeps the best lines seen
 * so far in a bounded ordered set (a line's entry only grows, so a line evicted once can come back only
 * with a larger amount, which is then its largest); the second collects every finding of those lines.
 */
public final class TopLines {
    /** One finding on a top line. */
    public record LineFinding(String ruleId, Severity severity, BigDecimal amountAtRisk, String message) {
    }

    /**
     * @param amountAtRisk the largest amount_at_risk of the line's findings
     * @param lead the finding with that amount
     * @param others the line's other findings, most severe first, then by rule id
     */
    public record TopLine(String claimId, Integer lineNumber, String patientId, String renderingNpi,
            LocalDate serviceDate, BigDecimal amountAtRisk, LineFinding lead, List<LineFinding> others) {
    }

    /** Most money first; ties by claim id and line number, so every run lists the same lines. */
    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparing((Candidate c) -> c.amount, Comparator.reverseOrder())
            .thenComparing(c -> c.claimId)
            .thenComparing(c -> c.lineNumber);

    private static final Comparator<LineFinding> LEAD_FIRST = Comparator
            .comparing(LineFinding::amountAtRisk, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(LineFinding::severity)
            .thenComparing(LineFinding::ruleId);

    private static final Comparator<LineFinding> OTHERS_ORDER = Comparator
            .comparing(LineFinding::severity).thenComparing(LineFinding::ruleId);

    private static final class Candidate {
        final String key;
        final String claimId;
        final int lineNumber;
        BigDecimal amount;

        Candidate(String key, Finding f) {
            this.key = key;
            this.claimId = f.claimId();
            this.lineNumber = f.lineNumber();
            this.amount = f.amountAtRisk();
        }
    }

    private final int limit;
    private final TreeSet<Candidate> best = new TreeSet<>(BEST_FIRST);
    private final Map<String, Candidate> byKey = new HashMap<>();
    private final Map<String, List<Finding>> collected = new HashMap<>();

    /** A selection of the {@code limit} best lines: {@link #offer} every finding, then {@link #collect} every finding. */
    public TopLines(int limit) {
        this.limit = limit;
    }

    /** Both passes over the findings. */
    public static List<TopLine> of(Iterable<Finding> findings, int limit) {
        TopLines top = new TopLines(limit);
        findings.forEach(top::offer);
        findings.forEach(top::collect);
        return top.lines();
    }

    /** The first pass: keeps the line if its largest amount so far is among the best. */
    public void offer(Finding f) {
        if (f.scope() != Scope.LINE || f.amountAtRisk() == null || f.lineNumber() == null) {
            return;
        }
        String key = key(f);
        Candidate known = byKey.get(key);
        if (known != null) {
            if (f.amountAtRisk().compareTo(known.amount) > 0) {
                best.remove(known);
                known.amount = f.amountAtRisk();
                best.add(known);
            }
            return;
        }
        Candidate c = new Candidate(key, f);
        if (best.size() < limit) {
            best.add(c);
            byKey.put(key, c);
        } else if (limit > 0 && BEST_FIRST.compare(c, best.last()) < 0) {
            Candidate out = best.pollLast();
            byKey.remove(out.key);
            best.add(c);
            byKey.put(key, c);
        }
    }

    /** The second pass: keeps every finding of a selected line. */
    public void collect(Finding f) {
        if (f.scope() == Scope.LINE && f.lineNumber() != null && byKey.containsKey(key(f))) {
            collected.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
        }
    }

    /** The selected lines, most money first, after both passes. */
    public List<TopLine> lines() {
        List<TopLine> lines = new ArrayList<>();
        for (Candidate c : best) {
            List<Finding> found = collected.get(c.key);
            if (found == null) {
                throw new IllegalStateException("collect() was not given the findings offer() was");
            }
            List<LineFinding> all = new ArrayList<>();
            for (Finding f : found) {
                all.add(new LineFinding(f.ruleId(), f.severity(), f.amountAtRisk(), f.message()));
            }
            all.sort(LEAD_FIRST);
            LineFinding lead = all.remove(0);
            all.sort(OTHERS_ORDER);
            Finding any = found.get(0);
            lines.add(new TopLine(any.claimId(), any.lineNumber(), any.patientId(), any.renderingNpi(),
                    any.serviceDate(), c.amount, lead, List.copyOf(all)));
        }
        return List.copyOf(lines);
    }

    private static String key(Finding f) {
        return f.claimId() + '\u0000' + f.lineNumber();
    }
}
