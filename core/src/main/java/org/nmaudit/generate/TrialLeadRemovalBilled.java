package org.nmaudit.generate;

import java.util.List;

/**
 * NM-TRIAL-REMOVAL: the trial's physician bills removing the trial leads as 63661, inside the trial's
 * 10-day global period. Done in the office as usual, the same line is also a 63661 in the office
 * (NM-OFFICE-REVISION). Exceptions, all in a hospital or ASC: the removal on day 11 (an 11-day
 * trial), by another physician, and a lead pulled and replaced on the trial day itself (day 0).
 */
final class TrialLeadRemovalBilled extends Injection {

    enum Variant {
        IN_GLOBAL_PERIOD(Kind.VIOLATION),
        DAY_11(Kind.EXCEPTION),
        OTHER_NPI(Kind.EXCEPTION),
        SAME_DAY(Kind.EXCEPTION);

        private final Kind kind;

        Variant(Kind kind) {
            this.kind = kind;
        }
    }

    private final Variant variant;
    private final boolean practiceHasColleagues;

    TrialLeadRemovalBilled(Variant variant, boolean practiceHasColleagues) {
        super(variant.kind, Stage.CLINICAL, "NM-TRIAL-REMOVAL/" + variant.name(),
                variant == Variant.IN_GLOBAL_PERIOD ? List.of("NM-OFFICE-REVISION/TRIAL_LEADS_REMOVED_IN_OFFICE") : List.of());
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
            case IN_GLOBAL_PERIOD -> !trial.leadsRemoved().isAfter(window.end());
            case DAY_11 -> !trial.date.plusDays(SpecDefaults.GLOBAL_DAYS + 1).isAfter(window.end());
            case OTHER_NPI -> practiceHasColleagues && !trial.leadsRemoved().isAfter(window.end());
            case SAME_DAY -> true;
        };
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        TrialPlan trial = plan.onlyTrial();
        Setting facility = dice.chance(0.5) ? Setting.HOSPITAL : Setting.ASC;
        switch (variant) {
            case IN_GLOBAL_PERIOD -> trial.removalBilled = true;
            case DAY_11 -> {
                plan.setTrialLength(trial, SpecDefaults.GLOBAL_DAYS + 1, window);
                trial.removalBilled = true;
                trial.removalSetting = facility;
            }
            case OTHER_NPI -> {
                trial.removalBilled = true;
                trial.removalSetting = facility;
                trial.removalByColleague = true;
            }
            case SAME_DAY -> {
                trial.leadRemovedOnTrialDay = true;
                if (trial.setting == Setting.OFFICE) {
                    trial.setting = facility;
                }
            }
        }
    }
}
