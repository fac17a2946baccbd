package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * Exception of NM-UNBUNDLE-63688: the whole system explanted 60-240 days after the implant (generator
 * 63688 and leads 63661, in a hospital or ASC), with no new generator that day, so 63688 stands alone.
 * Programming stops before the explant.
 */
final class GeneratorExplant extends Injection {
    private static final int EARLIEST_DAY = 60;
    private static final int LATEST_DAY = 240;

    GeneratorExplant() {
        super(Kind.EXCEPTION, Stage.CLINICAL, "NM-UNBUNDLE-63688/EXPLANT_WITHOUT_63685");
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.isSingleTrialConversion()
                && !plan.onlyNewImplant().date.plusDays(EARLIEST_DAY).isAfter(window.end());
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        LocalDate implant = plan.onlyNewImplant().date;
        LocalDate latest = implant.plusDays(LATEST_DAY).isBefore(window.end()) ? implant.plusDays(LATEST_DAY) : window.end();
        LocalDate day = dice.dayBetween(implant.plusDays(EARLIEST_DAY), latest);
        plan.procedures.add(new ProcedurePlan(day, dice.chance(0.6) ? Setting.HOSPITAL : Setting.ASC)
                .code(PlannedCode.of("63688"))
                .code(PlannedCode.of("63661")));
        plan.scsRemoved = day;
    }
}
