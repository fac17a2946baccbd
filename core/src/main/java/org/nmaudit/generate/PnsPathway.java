package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * Peripheral nerve stimulation: 64555 trial or leads, 64590 generator, or (from 2025) the integrated
 * systems 64596/64597 with revision/removal 64598. The SCS derived facts must ignore all of it; its
 * programming still counts for NM-PROG-FREQ but has no 63685 grace month, so sessions stay 30+ days apart.
 */
final class PnsPathway implements PathwayPlanner {
    static final PnsPathway INSTANCE = new PnsPathway();

    private static final String[] MAKERS = {"SPR Therapeutics", "Nalu Medical", "Bioventus", "Curonix"};

    @Override
    public boolean fits(DataWindow window) {
        return true;
    }

    @Override
    public void plan(PatientPlan plan, Dice dice, DataWindow window) {
        plan.diagnoses = DiagnosisProfile.forPns(dice);
        plan.deviceMaker = dice.pick(MAKERS);
        String side = dice.pick("RT", "LT");
        int variant = dice.weighted(new double[] {0.45, 0.40, 0.15}); // trial+implant, implant only, trial only
        LocalDate implant = null;
        if (variant != 1) {
            LocalDate trial = dice.dayBetween(window.start(), window.end());
            Setting setting = dice.chance(0.6) ? Setting.OFFICE : Setting.HOSPITAL;
            plan.procedures.add(new ProcedurePlan(trial, setting).code(PlannedCode.of("64555", side)));
            LocalDate candidate = trial.plusDays(dice.between(14, 60));
            if (variant == 0 && !candidate.isAfter(window.end())) {
                implant = candidate;
            }
        } else {
            implant = dice.dayBetween(window.start(), window.end());
        }
        if (implant == null) {
            return;
        }
        Setting setting = dice.chance(0.6) ? Setting.HOSPITAL : Setting.ASC;
        ProcedurePlan day = new ProcedurePlan(implant, setting);
        boolean integrated = !implant.isBefore(SpecDefaults.INTEGRATED_PNS_CODES_EFFECTIVE) && dice.chance(0.55);
        if (integrated) {
            day.code(PlannedCode.of("64596", side)).device("C1778", 1);
            if (dice.chance(0.3)) {
                day.code(PlannedCode.of("64597", side)).device("C1778", 1);
            }
        } else {
            int leads = dice.between(1, 2);
            day.code(PlannedCode.of("64590")).code(new PlannedCode("64555", leads, java.util.List.of(side)))
                    .device("C1767", 1).device("C1778", leads);
        }
        plan.procedures.add(day);
        plan.pnsImplanted = implant;
        LocalDate removal = implant.plusDays(dice.between(55, 70));
        if (integrated && dice.chance(0.4) && !removal.isAfter(window.end())) {
            // A time-limited system taken out at the end of the treatment course.
            plan.procedures.add(new ProcedurePlan(removal, Setting.OFFICE).code(PlannedCode.of("64598", side)));
            plan.pnsRemoved = removal;
        }
    }
}
