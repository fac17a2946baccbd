package org.nmaudit.generate;

/**
 * NM-PROG-REP: the manufacturer's representative ran a programming session alone and the practice
 * billed it; programming-sessions.csv has only the MANUFACTURER_REP row that day.
 */
final class RepAloneAtProgramming extends Injection {

    RepAloneAtProgramming() {
        super(Kind.VIOLATION, Stage.ROUTINE, "NM-PROG-REP/REP_ONLY");
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.certainToBeProgrammed(window);
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        int k = dice.between(0, plan.programming.size() - 1);
        plan.programming.set(k, plan.programming.get(k).performedBy(ProgrammingVisit.Performer.MANUFACTURER_REP));
    }
}
