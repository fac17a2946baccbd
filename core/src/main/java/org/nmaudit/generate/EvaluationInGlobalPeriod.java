package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * NM-GLOBAL-EM: the trial's physician bills an office E/M 0-10 days after the trial (its 010-day
 * global period) without modifier 24, 25 or 57. Exceptions: the same visit without a modifier on day
 * 11, and a visit inside the global period by a colleague, who did not do the surgery.
 */
final class EvaluationInGlobalPeriod extends Injection {

    enum Variant {
        NO_MODIFIER(Kind.VIOLATION),
        DAY_11(Kind.EXCEPTION),
        OTHER_NPI(Kind.EXCEPTION);

        private final Kind kind;

        Variant(Kind kind) {
            this.kind = kind;
        }
    }

    private final Variant variant;
    private final boolean practiceHasColleagues;

    EvaluationInGlobalPeriod(Variant variant, boolean practiceHasColleagues) {
        super(variant.kind, Stage.ROUTINE, "NM-GLOBAL-EM/" + variant.name());
        this.variant = variant;
        this.practiceHasColleagues = practiceHasColleagues;
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        if (trial == null || !trial.professionalClaim) {
            return false;
        }
        return switch (variant) {
            case NO_MODIFIER -> true;
            case DAY_11 -> {
                LocalDate day = trial.date.plusDays(SpecDefaults.GLOBAL_DAYS + 1);
                // No implant (63685, with its 63650 leads) in the 10 days before the visit either.
                yield !day.isAfter(window.end()) && plan.implants.stream().noneMatch(i -> {
                    long d = SpecDefaults.days(i.date, day);
                    return d >= 0 && d <= SpecDefaults.GLOBAL_DAYS;
                });
            }
            case OTHER_NPI -> practiceHasColleagues && trial.date.isBefore(window.end());
        };
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        int room = (int) Math.min(SpecDefaults.GLOBAL_DAYS, SpecDefaults.days(trial.date, window.end()));
        String cpt = dice.chance(0.6) ? "99213" : "99214";
        switch (variant) {
            case NO_MODIFIER -> {
                LocalDate day = trial.date.plusDays(dice.between(0, room));
                if (day.equals(trial.date)) {
                    trial.emSameDay = false;
                }
                plan.visits.removeIf(v -> v.date().equals(day));
                plan.visits.add(new EmVisit(day, cpt, true, false));
            }
            case DAY_11 -> {
                LocalDate day = trial.date.plusDays(SpecDefaults.GLOBAL_DAYS + 1);
                plan.visits.removeIf(v -> v.date().equals(day));
                plan.visits.add(new EmVisit(day, cpt, true, false));
            }
            case OTHER_NPI -> plan.visits.add(new EmVisit(trial.date.plusDays(dice.between(1, room)), cpt, false, true));
        }
    }
}
