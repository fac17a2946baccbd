package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One permanent spinal cord stimulator implant event (a 63685 day): a new system with its
 * percutaneous leads (63650 the same day, which makes them permanent leads, not a trial), or a
 * generator replacement.
 */
final class ImplantPlan {
    LocalDate date;
    Setting setting;
    /** Permanent percutaneous leads placed that day (0 for a generator replacement). */
    int leads;
    boolean leadsAsUnits;
    /** A neurosurgeon of the clinic does the permanent implant; the trial stays the referring physician's. */
    boolean byNeurosurgeon;
    /** Diagnoses that put the replacement on the claim: Z45.42 (battery), T85.1xx (malfunction). */
    final List<String> replacementDiagnoses = new ArrayList<>();
    /** The old generator's removal billed as 63688 the same day. */
    boolean removesOldGenerator;
    /** C1820 (rechargeable) or C1767 (primary cell) on the facility claim. */
    String generatorDevice;
    int woundCheckDays;
    /** The physician's claim says place of service 11 (office), though the facility bills the day too. */
    boolean officePlaceOfService;
    /** A paddle lead by laminectomy (63655) instead of percutaneous leads (63650). */
    boolean paddleLead;
    /** A peripheral lead (64555) placed with the spinal system the same day (hybrid stimulation). */
    boolean peripheralLead;

    static ImplantPlan newSystem(LocalDate date, Dice dice) {
        ImplantPlan i = base(date, dice);
        i.leads = dice.chance(0.85) ? 2 : 1;
        i.leadsAsUnits = dice.chance(0.4);
        i.byNeurosurgeon = dice.chance(0.2);
        return i;
    }

    static ImplantPlan replacement(LocalDate date, Dice dice, List<String> diagnoses, boolean removesOldGenerator) {
        ImplantPlan i = base(date, dice);
        i.replacementDiagnoses.addAll(diagnoses);
        i.removesOldGenerator = removesOldGenerator;
        return i;
    }

    private static ImplantPlan base(LocalDate date, Dice dice) {
        ImplantPlan i = new ImplantPlan();
        i.date = date;
        i.setting = dice.chance(0.65) ? Setting.HOSPITAL : Setting.ASC;
        i.generatorDevice = dice.chance(0.6) ? "C1820" : "C1767";
        i.woundCheckDays = dice.between(7, 10);
        return i;
    }

    boolean carriesReplacementDiagnosis() {
        for (String dx : replacementDiagnoses) {
            if (dx.equals(DiagnosisProfile.BATTERY_OR_ADJUSTMENT) || dx.startsWith("T85.1")) {
                return true;
            }
        }
        return false;
    }
}
