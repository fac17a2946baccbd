package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Generator replacements, which need no trial. Either the system was implanted before the window
 * (battery end of service, malfunction: the replacement is recognised only by Z45.42, T85.1x or a
 * same-day 63688), or the first implant and the replacement are both in the window (recognised by
 * the earlier implant event).
 */
final class ReplacementPathway implements PathwayPlanner {
    static final ReplacementPathway DEVICE_FROM_BEFORE_THE_WINDOW = new ReplacementPathway(false);
    static final ReplacementPathway IMPLANT_THEN_REPLACEMENT = new ReplacementPathway(true);

    /** Mechanical complications of the generator or spinal lead, initial encounter. */
    private static final String[] MALFUNCTIONS = {"T85.113A", "T85.123A", "T85.193A", "T85.192A"};

    private final boolean firstImplantInWindow;

    private ReplacementPathway(boolean firstImplantInWindow) {
        this.firstImplantInWindow = firstImplantInWindow;
    }

    @Override
    public boolean fits(DataWindow window) {
        return !firstImplantInWindow || window.days() >= 120;
    }

    @Override
    public void plan(PatientPlan plan, Dice dice, DataWindow window) {
        plan.diagnoses = DiagnosisProfile.forScs(dice);
        plan.deviceMaker = dice.pick(ScsTrialPathway.MAKERS);
        if (firstImplantInWindow) {
            planImplantThenReplacement(plan, dice, window);
        } else {
            plan.deviceBeforeWindow = true;
            planReplacementOfOldDevice(plan, dice, window);
        }
    }

    private static void planReplacementOfOldDevice(PatientPlan plan, Dice dice, DataWindow window) {
        LocalDate day = dice.dayBetween(window.start(), window.end());
        List<String> dx = new ArrayList<>();
        boolean removal;
        switch (dice.weighted(new double[] {0.35, 0.25, 0.15, 0.08, 0.17})) {
            case 0 -> { // battery at end of service, old generator removal billed too
                dx.add(DiagnosisProfile.BATTERY_OR_ADJUSTMENT);
                removal = true;
            }
            case 1 -> { // battery at end of service
                dx.add(DiagnosisProfile.BATTERY_OR_ADJUSTMENT);
                removal = false;
            }
            case 2 -> { // generator malfunction
                dx.add(dice.pick(MALFUNCTIONS));
                removal = false;
            }
            case 3 -> {
                dx.add(dice.pick(MALFUNCTIONS));
                removal = true;
            }
            default -> // only the same-day removal says it is a replacement
                removal = true;
        }
        plan.implants.add(ImplantPlan.replacement(day, dice, dx, removal));
    }

    private static void planImplantThenReplacement(PatientPlan plan, Dice dice, DataWindow window) {
        int toImplant = dice.between(30, (int) Math.min(90, window.days() - 61));
        int toReplacement = dice.between(60, (int) Math.min(150, window.days() - 1 - toImplant));
        LocalDate trial = dice.dayBetween(window.start(), window.end().minusDays(toImplant + toReplacement));
        ScsTrialPathway.addTrial(plan, trial, ScsTrialPathway.Result.SUCCESS, dice, window);
        LocalDate implant = trial.plusDays(toImplant);
        plan.implants.add(ImplantPlan.newSystem(implant, dice));
        // An early exchange: a different waveform or a rechargeable system the patient asked for
        // (only the history says replacement), or a malfunction.
        List<String> dx = dice.chance(0.35) ? List.of(dice.pick(MALFUNCTIONS)) : List.of();
        plan.implants.add(ImplantPlan.replacement(implant.plusDays(toReplacement), dice, dx, false));
    }
}
