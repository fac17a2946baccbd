package org.nmaudit.generate;

import java.util.List;

/**
 * NM-IPG-PNS: a peripheral nerve stimulator's generator billed as the spinal 63685 instead of 64590,
 * with the peripheral leads (64555) the same day and no spinal lead. To the core rules a 63685 is a
 * permanent spinal implant, and this one has no trial before it: NM-TRIAL-DOC flags it NO_TRIAL too.
 */
final class SpinalGeneratorForPeripheralLeads extends Injection {

    SpinalGeneratorForPeripheralLeads() {
        super(Kind.VIOLATION, Stage.CLINICAL, "NM-IPG-PNS/63685_WITH_PERIPHERAL_LEADS",
                List.of("NM-TRIAL-DOC/NO_TRIAL"));
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.pathway == Pathway.PNS && generatorDay(plan) != null;
    }

    private static ProcedurePlan generatorDay(PatientPlan plan) {
        for (ProcedurePlan p : plan.procedures) {
            if (p.codes.stream().anyMatch(c -> c.cpt().equals("64590"))) {
                return p;
            }
        }
        return null;
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        ProcedurePlan day = generatorDay(plan);
        day.codes.replaceAll(c -> c.cpt().equals("64590") ? PlannedCode.of("63685") : c);
    }
}
