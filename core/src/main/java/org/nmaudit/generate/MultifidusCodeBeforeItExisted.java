package org.nmaudit.generate;

/**
 * NM-DX-EFFECTIVE: a patient treated with peripheral nerve stimulation of the lumbar medial branches
 * for low back pain, whose claims carry M62.85 (multifidus dysfunction) on dates before 2024-10-01,
 * when the code did not exist yet. Eligible only when the window reaches back before that day: the
 * first office visit falls in the window's first 61 days, so those must end before 2024-10-01. (A
 * window that starts later has no such dates; the code on later dates is the exception, which pain
 * management patients show.)
 */
final class MultifidusCodeBeforeItExisted extends Injection {
    private static final int FIRST_VISIT_WITHIN_DAYS = 60;

    MultifidusCodeBeforeItExisted() {
        super(Kind.VIOLATION, Stage.CLINICAL, "NM-DX-EFFECTIVE/M62_85_BEFORE_2024_10_01");
    }

    @Override
    boolean isEligible(PatientPlan plan, DataWindow window) {
        return plan.pathway == Pathway.PNS && window.days() > FIRST_VISIT_WITHIN_DAYS
                && window.start().plusDays(FIRST_VISIT_WITHIN_DAYS).isBefore(SpecDefaults.M62_85_EFFECTIVE);
    }

    @Override
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        plan.diagnoses = DiagnosisProfile.multifidus(true);
    }
}
