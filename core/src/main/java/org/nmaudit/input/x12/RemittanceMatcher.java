package org.nmaudit.input.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Matches 835 service payments back to 837 lines (x12-input.md §4) and sums what each line was paid.
 *
 * <p>Claim: CLP01 = CLM01 among the 837 claims that are loaded (not replaced or voided); several such
 * claims are narrowed by the patient's member id, then the service dates, then CLP03 = CLM02 (a step
 * that would leave none is skipped). Line: within the remaining claims, REF*6R equal to the 837 line's
 * REF*6R; else the procedure as submitted (SVC06, else SVC01; NU matches the revenue code) and the date
 * must fit, and the first line not yet taken by this claim payment that also has the same modifiers
 * and charge wins; failing that, the single line with the most of modifiers and charge equal; two
 * equally good lines are ambiguous and neither is paid. A line may be paid by several claim payments
 * (a payment, its reversal, the correction): paid_amount is the sum.
 */
final class RemittanceMatcher {
    /** An 837 line: its claim's position and its ordinal in the claim. */
    record LineKey(long claim, int line) {
    }

    private final Map<String, List<BilledClaim>> claims;
    private final ClaimHistory history;
    private final X12Warnings warnings;
    private final Map<LineKey, BigDecimal> paid = new HashMap<>();

    RemittanceMatcher(Map<String, List<BilledClaim>> claims, ClaimHistory history, X12Warnings warnings) {
        this.claims = claims;
        this.history = history;
        this.warnings = warnings;
    }

    /** paid_amount of an 837 line, or null when no 835 line paid it. */
    BigDecimal paid(LineKey key) {
        return paid.isEmpty() ? null : paid.get(key); // without 835s, no key is hashed for each of a million lines
    }

    /**
     * Matches the payments of one 835 file.
     *
     * @return {matched, unmatched} service payments (rejected ones are neither)
     */
    long[] match(String file, List<ClaimPayment> payments) {
        long[] counts = new long[2];
        for (ClaimPayment p : payments) {
            matchClaim(file, p, counts);
        }
        return counts;
    }

    private void matchClaim(String file, ClaimPayment p, long[] counts) {
        List<BilledClaim> candidates = candidates(p);
        if (p.lines.isEmpty()) {
            warnings.add(file, "claims paid at claim level only", file + " segment " + p.segment + ": claim "
                    + p.claimId + " is paid " + p.paidText + " at claim level only (CLP04, no service lines); it"
                    + " cannot be split across lines, so their paid_amount stays blank");
            return;
        }
        String noClaim = null;
        if (candidates.isEmpty()) {
            noClaim = claims.containsKey(p.claimId) ? "claim " + p.claimId + " was replaced or voided"
                    : "no 837 claim " + p.claimId + " was read";
        } else {
            crossCheck(file, p, candidates.get(0));
        }
        Set<LineKey> taken = new HashSet<>();
        for (ServicePayment s : p.lines) {
            if (s.rejected) {
                continue;
            }
            String why = noClaim;
            if (why == null) {
                Object found = line(p, s, candidates, taken);
                if (found instanceof LineKey key) {
                    taken.add(key);
                    paid.merge(key, s.paid, BigDecimal::add);
                    counts[0]++;
                    continue;
                }
                why = (String) found;
            }
            counts[1]++;
            warnings.add(file, "835 lines matching no 837 line", file + " segment " + s.segment + ": service"
                    + " payment " + s.describe() + " of claim " + p.claimId + " (paid " + s.paid.toPlainString()
                    + ") matches no 837 line: " + why);
        }
    }

    private List<BilledClaim> candidates(ClaimPayment p) {
        List<BilledClaim> all = claims.getOrDefault(p.claimId, List.of());
        List<BilledClaim> loaded = new ArrayList<>();
        for (BilledClaim c : all) {
            if (history.fate(c.claimId, c.position, c.frequency) == ClaimHistory.Fate.LOADED) {
                loaded.add(c);
            }
        }
        if (loaded.size() > 1) {
            loaded = narrow(loaded, c -> !c.memberId.isEmpty()
                    && (c.memberId.equals(p.patientId) || c.memberId.equals(p.insuredId)));
        }
        if (loaded.size() > 1) {
            loaded = narrow(loaded, c -> {
                for (ServicePayment s : p.lines) {
                    LocalDate day = s.date != null ? s.date : p.statementFrom;
                    if (day != null && c.hasDate(day)) {
                        return true;
                    }
                }
                return p.lines.isEmpty() && p.statementFrom != null && c.hasDate(p.statementFrom);
            });
        }
        if (loaded.size() > 1) {
            loaded = narrow(loaded, c -> c.total != null && p.charge != null && c.total.compareTo(p.charge) == 0);
        }
        return loaded;
    }

    private static List<BilledClaim> narrow(List<BilledClaim> claims, java.util.function.Predicate<BilledClaim> test) {
        List<BilledClaim> kept = claims.stream().filter(test).toList();
        return kept.isEmpty() ? claims : kept;
    }

    /** The matched line's key, or the reason there is none. */
    private Object line(ClaimPayment p, ServicePayment s, List<BilledClaim> candidates, Set<LineKey> taken) {
        if (!s.lineControl.isEmpty()) {
            for (BilledClaim c : candidates) {
                for (BilledClaim.Line l : c.lines) {
                    if (s.lineControl.equals(l.control())) {
                        return new LineKey(c.position, l.ordinal());
                    }
                }
            }
        }
        LocalDate day = s.date != null ? s.date : p.statementFrom;
        // A reversal (CLP02 22) repeats the charge negated.
        BigDecimal charge = s.charge != null && p.status.equals("22") ? s.charge.negate() : s.charge;
        List<LineKey> best = new ArrayList<>();
        int bestScore = -1;
        boolean fits = false;
        for (BilledClaim c : candidates) {
            for (BilledClaim.Line l : c.lines) {
                LineKey key = new LineKey(c.position, l.ordinal());
                if (taken.contains(key) || !sameProcedure(s, l) || (day != null && !day.equals(l.from()))) {
                    continue;
                }
                fits = true;
                int score = (s.matchModifiers().equals(l.modifiers()) ? 1 : 0)
                        + (charge != null && l.charge() != null && charge.compareTo(l.charge()) == 0 ? 1 : 0);
                if (score == 2) {
                    return key; // the first line that fits in every respect
                }
                if (score > bestScore) {
                    bestScore = score;
                    best.clear();
                }
                if (score == bestScore) {
                    best.add(key);
                }
            }
        }
        if (best.size() == 1) {
            return best.get(0);
        }
        if (best.size() > 1) {
            return "ambiguous: " + best.size() + " lines of the claim fit equally well, so neither is given this payment";
        }
        String code = s.matchProcedure();
        return fits ? "every line that fits is already paid by this claim payment"
                : "claim " + p.claimId + " has no line with " + (code.isEmpty() ? "procedure " + s.describe() : code)
                        + (day == null ? "" : " on " + day);
    }

    private static boolean sameProcedure(ServicePayment s, BilledClaim.Line l) {
        String qualifier = s.matchQualifier();
        String code = s.matchProcedure();
        if (code.isEmpty()) {
            return false;
        }
        if (qualifier.equals("NU")) {
            return code.equals(l.revenueCode());
        }
        return code.equals(l.procedure());
    }

    /** CLP06 against the 837's SBR09, as a warning only: the 835 code list has no CI or BL. */
    private void crossCheck(String file, ClaimPayment p, BilledClaim c) {
        String remitted = PayerCodes.payerType(p.filingIndicator);
        String billed = PayerCodes.payerType(c.filingIndicator);
        if (!p.filingIndicator.isEmpty() && remitted != null && billed != null && !Objects.equals(remitted, billed)) {
            warnings.add(file, "filing indicator differs from the 837", file + " segment " + p.segment + ": claim "
                    + p.claimId + " is remitted as " + p.filingIndicator + " (" + remitted + ", CLP06) but was billed"
                    + " as " + c.filingIndicator + " (" + billed + ", SBR09); payer_type stays " + billed);
        }
    }
}
