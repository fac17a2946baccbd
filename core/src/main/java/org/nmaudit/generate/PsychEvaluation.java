package org.nmaudit.generate;

import java.time.LocalDate;

/** A psych-evaluations.csv row: NCD 160.7 wants a psychological evaluation before the trial. */
record PsychEvaluation(LocalDate evaluated, String credential) {

    /** An evaluation 14-120 days before the first trial (NM-PSYCH-EVAL allows up to 365). */
    static PsychEvaluation before(LocalDate trial, Dice dice) {
        String credential = credential(dice);
        return new PsychEvaluation(trial.minusDays(dice.between(14, 120)), credential);
    }

    /** An evaluation on the given day. */
    static PsychEvaluation on(LocalDate day, Dice dice) {
        return new PsychEvaluation(day, credential(dice));
    }

    private static String credential(Dice dice) {
        return switch (dice.weighted(new double[] {0.5, 0.35, 0.1, 0.05})) {
            case 0 -> "PhD";
            case 1 -> "PsyD";
            case 2 -> "MD";
            default -> "LCSW";
        };
    }
}
