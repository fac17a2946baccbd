package org.nmaudit.scrub;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.nmaudit.input.Reject;

/**
 * The console's view of a scrub: one line per claim with its verdict, and under each claim that is held
 * or rejected the reason, so the billing team knows what to fix before sending.
 */
public final class VerdictTable {
    private static final int REASON_WIDTH = 110;

    private VerdictTable() {
    }

    public static void print(PrintWriter out, List<ClaimVerdict> verdicts) {
        int idWidth = Math.max(8, verdicts.stream().mapToInt(v -> v.claimId().length()).max().orElse(0));
        int patientWidth = Math.max(10, verdicts.stream().mapToInt(v -> v.claim().patientId().length()).max()
                .orElse(0));
        idWidth = Math.min(idWidth, 30);
        patientWidth = Math.min(patientWidth, 30);
        String row = "%-" + idWidth + "s  %-" + patientWidth + "s  %-8s  %8s  %-8s%n";
        out.printf(Locale.ROOT, row, "claim_id", "patient_id", "verdict", "findings", "highest");
        for (ClaimVerdict v : verdicts) {
            out.printf(Locale.ROOT, row, cut(v.claimId(), idWidth), cut(v.claim().patientId(), patientWidth),
                    v.verdict(), v.verdict() == Verdict.REJECTED ? "-" : Integer.toString(v.findings().size()),
                    v.highest() == null ? "" : v.highest().name());
            if (v.verdict() == Verdict.HOLD) {
                out.println("    " + cut(v.findings().get(0).ruleId() + ": " + v.firstMessage(), REASON_WIDTH));
            } else if (v.verdict() == Verdict.REJECTED) {
                List<Reject> rejects = v.claim().rejects();
                out.println("    " + cut(rejects.isEmpty() ? "a line of the claim was rejected: see rejects.csv"
                        : rejects.get(0).file() + " line " + rejects.get(0).line() + ": " + rejects.get(0).reason(),
                        REASON_WIDTH));
            }
        }
    }

    private static String cut(String s, int width) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= width ? clean : clean.substring(0, width - 3) + "...";
    }
}
