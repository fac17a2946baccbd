package org.nmaudit.generate;

/**
 * The care pathways a patient can follow, with the share of new patients each takes. A low converter
 * (NM-RATIO) sends most of its SCS candidates to trials that fail.
 */
enum Pathway {
    SCS_SUCCESS(0.24, 0.10),
    SCS_FAILED_TRIAL(0.09, 0.45),
    SCS_PENDING_TRIAL(0.09, 0.12),
    SCS_REPLACEMENT(0.12, 0.05),
    SCS_IMPLANT_THEN_REPLACEMENT(0.03, 0.01),
    PNS(0.10, 0.05),
    PAIN_MANAGEMENT(0.33, 0.22);

    private static final Pathway[] ALL = values();

    private final double weight;
    private final double lowConverterWeight;

    Pathway(double weight, double lowConverterWeight) {
        this.weight = weight;
        this.lowConverterWeight = lowConverterWeight;
    }

    PathwayPlanner planner() {
        return switch (this) {
            case SCS_SUCCESS -> ScsTrialPathway.CONVERTED;
            case SCS_FAILED_TRIAL -> ScsTrialPathway.FAILED;
            case SCS_PENDING_TRIAL -> ScsTrialPathway.PENDING;
            case SCS_REPLACEMENT -> ReplacementPathway.DEVICE_FROM_BEFORE_THE_WINDOW;
            case SCS_IMPLANT_THEN_REPLACEMENT -> ReplacementPathway.IMPLANT_THEN_REPLACEMENT;
            case PNS -> PnsPathway.INSTANCE;
            case PAIN_MANAGEMENT -> PainManagementPathway.INSTANCE;
        };
    }

    /** A pathway for a patient of this physician, among those that fit in the window. */
    static Pathway draw(boolean lowConverter, DataWindow window, Dice dice) {
        double[] weights = new double[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i].planner().fits(window)) {
                weights[i] = lowConverter ? ALL[i].lowConverterWeight : ALL[i].weight;
            }
        }
        return ALL[dice.weighted(weights)];
    }
}
