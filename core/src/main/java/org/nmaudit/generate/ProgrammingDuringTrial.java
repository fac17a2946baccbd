package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * NM-PROG-TRIAL: the external trial stimulator reprogrammed and billed (95971 or 95972) 0-10 days after
 * the trial day, with no implant in between. Exceptions: an analysis without programming (95970) in the
 * trial period, and a 95971 on day 11, just after it.
 *
 * <p>Every implant comes 30 or more days after the trial, so the session is not within 30 days of
 * another one outside an implant's first month (NM-PROG-FREQ stays quiet).
 */
final class ProgrammingDuringTrial extends Injection {

    enum Variant {
        PROGRAMMING_IN_TRIAL(Kind.VIOLATION),
        ANALYSIS_95970_IN_TRIAL(Kind.EXCEPTION),
        DAY_11(Kind.EXCEPTION);

        private final Kind kind;

        Variant(Kind kind) {
            this.kind = kind;
        }
    }

    private static final int DAY_AFTER_TRIAL_PERIOD = SpecDefaults.TRIAL_PERIOD_DAYS + 1;

    private final Variant variant;

    ProgrammingDuringTrial(Variant variant) {
        super(variant.kind, Stage.ROUTINE, "NM-PROG-TRIAL/" + variant.name());
        this.variant = variant;
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        if (trial == null) {
            return false;
        }
        LocalDate lastDay = trial.date.plusDays(DAY_AFTER_TRIAL_PERIOD);
        boolean implantsLater = plan.implants.stream().allMatch(i -> i.date.isAfter(lastDay));
        return implantsLater && (variant != Variant.DAY_11 || !lastDay.isAfter(window.end()));
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        LocalDate trial = plan.onlyTrial().date;
        int room = (int) Math.min(SpecDefaults.TRIAL_PERIOD_DAYS, SpecDefaults.days(trial, window.end()));
        LocalDate day = switch (variant) {
            case DAY_11 -> trial.plusDays(DAY_AFTER_TRIAL_PERIOD);
            default -> trial.plusDays(dice.between(0, room));
        };
        String code = switch (variant) {
            case PROGRAMMING_IN_TRIAL -> dice.pick("95971", "95972");
            case ANALYSIS_95970_IN_TRIAL -> "95970";
            case DAY_11 -> "95971";
        };
        plan.programming.add(ProgrammingVisit.routine(day, code, dice));
        plan.programming.sort(Comparator.comparing(v -> v.date));
    }
}
