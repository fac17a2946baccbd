package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * NM-OFFICE-REVISION: a percutaneous lead of an implanted system removed (63661) or revised (63663) in
 * the office, 31 or more days after the implant, which Medicare does not pay in the office setting.
 * It is long after every trial, so it is not a trial lead removal (NM-TRIAL-REMOVAL).
 */
final class LeadProcedureInOffice extends Injection {
    private static final int EARLIEST_DAY = 31;
    private static final int LATEST_DAY = 200;

    private final String code;

    LeadProcedureInOffice(String code) {
        super(Kind.VIOLATION, Stage.CLINICAL, "NM-OFFICE-REVISION/" + code);
        this.code = code;
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return lastImplantWithRoom(plan, window) != null;
    }

    /** The last implant after every trial with 31 days left in the window, or null. */
    private static ImplantPlan lastImplantWithRoom(PatientPlan plan, DataWindow window) {
        ImplantPlan found = null;
        for (ImplantPlan i : plan.implantsByDate()) {
            boolean afterTrials = plan.trials.stream().allMatch(t -> t.date.isBefore(i.date));
            if (afterTrials && !i.date.plusDays(EARLIEST_DAY).isAfter(window.end())) {
                found = i;
            }
        }
        return found;
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        LocalDate implant = lastImplantWithRoom(plan, window).date;
        LocalDate latest = implant.plusDays(LATEST_DAY).isBefore(window.end()) ? implant.plusDays(LATEST_DAY) : window.end();
        LocalDate day = dice.dayBetween(implant.plusDays(EARLIEST_DAY), latest);
        plan.procedures.add(new ProcedurePlan(day, Setting.OFFICE).code(PlannedCode.of(code)));
    }
}
