package org.nmaudit.generate;

import java.time.LocalDate;

/** One spinal cord stimulator trial day (a trial episode in core-rules.md) and how it is billed. */
final class TrialPlan {
    LocalDate date;
    Setting setting;
    /** Trial leads placed: 1 or 2 (A56876 pays at most two 63650 per date of service). */
    int leads;
    /** Two leads billed as one 63650 line with units 2 rather than two lines. */
    boolean leadsAsUnits;
    /** False: the physician's claim is not in the data, the day is seen only on the facility's claim. */
    boolean professionalClaim = true;
    /** A co-surgeon places the second lead and bills his own 63650 (modifier 62) on his own claim. */
    boolean secondPhysician;
    /** Days from lead placement to lead removal, when the outcome is documented. */
    int lengthDays;
    /** A separately identifiable E/M the same day (billed with modifier 25 or 57). */
    boolean emSameDay;
    /** Two leads billed as two identical 63650 lines on the one claim, the second without modifier 59. */
    boolean identicalLeadLines;
    /** A lead pulled and replaced during the trial procedure: 63661 on the trial day itself. */
    boolean leadRemovedOnTrialDay;
    /**
     * The leads' removal billed as the procedure 63661 instead of the no-charge 99024, in
     * {@link #removalSetting}, by the trial's physician or by a colleague.
     */
    boolean removalBilled;
    Setting removalSetting = Setting.OFFICE;
    boolean removalByColleague;

    static TrialPlan draw(LocalDate date, Dice dice) {
        TrialPlan t = new TrialPlan();
        t.date = date;
        t.setting = switch (dice.weighted(new double[] {0.25, 0.45, 0.30})) {
            case 0 -> Setting.OFFICE;
            case 1 -> Setting.HOSPITAL;
            default -> Setting.ASC;
        };
        t.leads = dice.chance(0.75) ? 2 : 1;
        t.leadsAsUnits = dice.chance(0.4);
        t.lengthDays = dice.between(5, 10);
        t.emSameDay = dice.chance(0.12);
        return t;
    }

    LocalDate leadsRemoved() {
        return date.plusDays(lengthDays);
    }
}
