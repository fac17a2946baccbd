package org.nmaudit.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Clerical errors the reader must reject (data-format.md). A broken row is an extra copy of a good
 * line with exactly one defect, appended to the same claim: the good line stays, so the audit's
 * findings do not depend on --bad-row-rate, and only the broken copy lands in rejects.csv. The kinds
 * take turns so that each shows up even in a small data set.
 */
final class BadRowInjector {

    enum Defect {
        NPI_CHECK_DIGIT,
        NONEXISTENT_DATE,
        MALFORMED_AMOUNT,
        UNKNOWN_PAYER,
        SIX_CHARACTER_CPT,
        THREE_CHARACTER_MODIFIER,
        DUPLICATE_LINE_KEY,
        DECIMAL_LINE_NUMBER
    }

    private static final Defect[] DEFECTS = Defect.values();

    private final double rate;
    private final Dice dice;
    private final int[] counts = new int[DEFECTS.length];
    private long total;

    BadRowInjector(double rate, Dice dice) {
        this.rate = rate;
        this.dice = dice;
    }

    long total() {
        return total;
    }

    /** Broken copies of some of a claim's rows, numbered after them; their labels go to {@code tags}. */
    List<String[]> brokenCopies(List<String[]> goodRows, List<String> tags) {
        if (rate <= 0) {
            return List.of();
        }
        List<String[]> broken = new ArrayList<>();
        int nextLine = goodRows.size() + 1;
        for (String[] row : goodRows) {
            if (!dice.chance(rate)) {
                continue;
            }
            Defect defect = leastUsed();
            String[] copy = row.clone();
            if (defect != Defect.DUPLICATE_LINE_KEY) {
                copy[ClaimRows.LINE_NUMBER] = Integer.toString(nextLine++);
            }
            corrupt(copy, defect);
            broken.add(copy);
            counts[defect.ordinal()]++;
            total++;
            tags.add("bad-row:" + defect + "@" + copy[ClaimRows.CLAIM_ID] + "/" + copy[ClaimRows.LINE_NUMBER]);
        }
        return broken;
    }

    private Defect leastUsed() {
        Defect best = DEFECTS[0];
        for (Defect d : DEFECTS) {
            if (counts[d.ordinal()] < counts[best.ordinal()]) {
                best = d;
            }
        }
        return best;
    }

    private void corrupt(String[] row, Defect defect) {
        switch (defect) {
            case NPI_CHECK_DIGIT -> {
                String npi = row[ClaimRows.RENDERING_NPI];
                int wrong = (npi.charAt(9) - '0' + dice.between(1, 9)) % 10;
                row[ClaimRows.RENDERING_NPI] = npi.substring(0, 9) + wrong;
            }
            case NONEXISTENT_DATE -> row[ClaimRows.SERVICE_DATE] = nonexistentDay(LocalDate.parse(row[ClaimRows.SERVICE_DATE]));
            case MALFORMED_AMOUNT -> {
                // A decimal comma where the point belongs: "$407,00" (the group after a comma must have 3 digits).
                long cents = Math.round(Double.parseDouble(row[ClaimRows.BILLED_AMOUNT].replace("$", "").replace(",", "")) * 100);
                row[ClaimRows.BILLED_AMOUNT] = "$" + cents / 100 + "," + String.format("%02d", cents % 100);
            }
            case UNKNOWN_PAYER -> row[ClaimRows.PAYER_TYPE] = dice.pick("MEDICARE B", "BCBS", "SELF_PAY", "TRICARE", "MEDICAREE");
            case SIX_CHARACTER_CPT -> row[ClaimRows.CPT_CODE] = row[ClaimRows.CPT_CODE] + "0";
            case THREE_CHARACTER_MODIFIER -> {
                String modifiers = row[ClaimRows.MODIFIERS];
                row[ClaimRows.MODIFIERS] = modifiers.isEmpty() ? "LT1" : modifiers.replaceFirst("^(..)", "$1X");
            }
            case DUPLICATE_LINE_KEY -> {
                // Keyed twice: same claim and line number, entered again.
            }
            case DECIMAL_LINE_NUMBER -> row[ClaimRows.LINE_NUMBER] = row[ClaimRows.LINE_NUMBER] + ".0";
        }
    }

    /** A day that does not exist in the service month: Feb 29 of a common year or Feb 30, the 31st of a 30-day month, or day 32. */
    private static String nonexistentDay(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        int bad = month.lengthOfMonth() + 1;
        return String.format("%04d-%02d-%02d", month.getYear(), month.getMonthValue(), bad);
    }
}
