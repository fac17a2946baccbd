package org.nmaudit.generate;

/**
 * Exception of NM-IPG-PNS: a new spinal system with a peripheral lead (64555) placed the same day
 * (hybrid spinal and peripheral field stimulation). The day has spinal leads (63650), so its 63685 is
 * rightly the spinal generator.
 */
final class HybridSpinalAndPeripheralLeads extends Injection {

    HybridSpinalAndPeripheralLeads() {
        super(Kind.EXCEPTION, Stage.CLINICAL, "NM-IPG-PNS/WITH_SPINAL_LEADS");
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.onlyNewImplant() != null && plan.onlyNewImplant().leads > 0;
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        plan.onlyNewImplant().peripheralLead = true;
    }
}
