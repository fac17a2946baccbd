package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** Pain patients without a stimulator: office visits and now and then an injection or ablation. */
final class PainManagementPathway implements PathwayPlanner {
    static final PainManagementPathway INSTANCE = new PainManagementPathway();

    @Override
    public boolean fits(DataWindow window) {
        return true;
    }

    @Override
    public void plan(PatientPlan plan, Dice dice, DataWindow window) {
        plan.diagnoses = DiagnosisProfile.forPainManagement(dice);
        int count = dice.between(0, 3);
        Set<LocalDate> used = new HashSet<>();
        for (int k = 0; k < count; k++) {
            LocalDate day = dice.dayBetween(window.start(), window.end());
            if (!used.add(day)) {
                continue;
            }
            PlannedCode code = switch (dice.between(0, 4)) {
                case 0 -> PlannedCode.of("64483", dice.pick("RT", "LT", "50"));
                case 1 -> PlannedCode.of("62323");
                case 2 -> PlannedCode.of("64635", dice.pick("RT", "LT"));
                case 3 -> new PlannedCode("64493", 1, dice.chance(0.5) ? java.util.List.of("LT", "RT")
                        : java.util.List.of("50"));
                default -> PlannedCode.of("20552");
            };
            Setting setting = code.cpt().equals("20552") || dice.chance(0.45) ? Setting.OFFICE : Setting.ASC;
            plan.procedures.add(new ProcedurePlan(day, setting).code(code));
        }
        if (dice.chance(0.08)) {
            // An SCS work-up that stopped at the psych evaluation: documentation without a trial.
            plan.psychEvaluations.add(PsychEvaluation.before(dice.dayBetween(window.start(), window.end()), dice));
        }
    }
}
