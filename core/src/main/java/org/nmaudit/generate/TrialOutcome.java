package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * A trial-outcomes.csv row as written: percentages and functional improvement are kept as text so a
 * row can say exactly "49.9", "50" or leave a cell blank.
 */
record TrialOutcome(LocalDate documented, String painReliefPct, String analgesicReductionPct,
        String functionalImprovement, boolean signed, String note) {

    /** Whether the row alone documents a successful trial in the sense of NM-TRIAL-DOC. */
    boolean meetsCriteria() {
        boolean improved = functionalImprovement.equalsIgnoreCase("Y") || functionalImprovement.equalsIgnoreCase("yes")
                || functionalImprovement.equalsIgnoreCase("true");
        return improved && (atLeastThreshold(painReliefPct) || atLeastThreshold(analgesicReductionPct));
    }

    private static boolean atLeastThreshold(String pct) {
        return !pct.isEmpty() && Double.parseDouble(pct) >= SpecDefaults.TRIAL_MIN_PCT;
    }

    /** The same row written on another day, for a trial of another length. */
    TrialOutcome redated(LocalDate date, int trialDays) {
        return new TrialOutcome(date, painReliefPct, analgesicReductionPct, functionalImprovement, signed,
                note.replaceFirst("^\\d+-day", trialDays + "-day"));
    }

    /** A trial that worked: 55-90% relief, function better. */
    static TrialOutcome success(LocalDate date, int trialDays, Dice dice) {
        int relief = dice.between(55, 90);
        String analgesic = dice.chance(0.35) ? Integer.toString(dice.between(30, 80)) : "";
        String fi = dice.chance(0.92) ? "Y" : dice.pick("Yes", "y", "TRUE");
        return new TrialOutcome(date, Integer.toString(relief), analgesic, fi, dice.chance(0.9),
                trialDays + "-day trial: " + relief + "% relief of " + dice.pick("low back and leg pain",
                        "leg pain", "axial back pain", "limb pain") + "; " + dice.pick(
                        "walking tolerance up from 10 to 30 minutes", "sleeps through the night",
                        "back to part-time work", "able to do household chores", "sit-to-stand improved"));
    }

    /** A trial that did not work. */
    static TrialOutcome failure(LocalDate date, int trialDays, Dice dice) {
        return switch (dice.between(0, 2)) {
            case 0 -> {
                int relief = dice.between(5, 40);
                yield new TrialOutcome(date, Integer.toString(relief), "", "N", true,
                        trialDays + "-day trial: " + relief + "% relief, no functional change");
            }
            case 1 -> {
                int relief = dice.between(20, 45);
                yield new TrialOutcome(date, Integer.toString(relief), Integer.toString(dice.between(0, 30)), "Y", true,
                        trialDays + "-day trial: partial relief only (" + relief + "%)");
            }
            default -> new TrialOutcome(date, Integer.toString(dice.between(50, 70)), "", "N", true,
                    trialDays + "-day trial: paresthesia coverage good but no functional gain");
        };
    }

    /** Rows that look like success but miss a criterion (NM-TRIAL-DOC CRITERIA_NOT_MET). */
    static TrialOutcome belowCriteria(LocalDate date, int trialDays, Dice dice) {
        return switch (dice.between(0, 3)) {
            case 0 -> new TrialOutcome(date, "49.9", "", "Y", true, trialDays + "-day trial: just under half relief");
            case 1 -> new TrialOutcome(date, "60", "", "N", true, trialDays + "-day trial: 60% relief, function unchanged");
            case 2 -> new TrialOutcome(date, Integer.toString(dice.between(60, 80)), "", "", true,
                    trialDays + "-day trial: good relief; function not assessed");
            default -> new TrialOutcome(date, "40", "45", "Y", true,
                    trialDays + "-day trial: 40% relief, opioids down 45%");
        };
    }

    /** Exactly at the 50% threshold, which passes (">= 50"). */
    static TrialOutcome exactlyAtThreshold(LocalDate date, int trialDays, Dice dice) {
        return dice.chance(0.5)
                ? new TrialOutcome(date, "50", "", "Y", true, trialDays + "-day trial: 50% relief, walks further")
                : new TrialOutcome(date, "30", "50.0", "Y", true, trialDays + "-day trial: opioids halved, more active");
    }
}
