package org.nmaudit.generate;

/** Plans the clinical events of one care pathway into an empty {@link PatientPlan}. */
interface PathwayPlanner {

    /** Whether the pathway fits in the window (a failed trial needs 180 days before the as-of date). */
    boolean fits(DataWindow window);

    void plan(PatientPlan plan, Dice dice, DataWindow window);
}
