package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * Labels what ordinary care exercises without any injection: pending trials, the ways a replacement
 * is recognised, programming in the first month after an implant, two leads on a day, sessions exactly
 * 30 days apart, and trials that count towards a low converter's ratio. Reads the final plan, so the
 * labels say what the data holds.
 */
final class NaturalExceptions {

    private NaturalExceptions() {
    }

    static void label(PatientPlan plan, LocalDate asOf) {
        for (TrialPlan trial : plan.trialsByDate()) {
            TrialStatus status = plan.status(trial, asOf);
            if (status == TrialStatus.PENDING) {
                plan.tags.add("exception:NM-RATIO/PENDING_TRIAL");
            }
            if (trial.professionalClaim && !trial.secondPhysician && trial.leads == 2) {
                plan.tags.add(trial.leadsAsUnits ? "exception:TRIAL_EPISODE/TWO_LEADS_UNITS_2"
                        : "exception:TRIAL_EPISODE/TWO_LEADS_TWO_LINES");
            }
            if (trial.professionalClaim && status != TrialStatus.PENDING && plan.primary.lowConverter()) {
                plan.tags.add("violation:NM-RATIO/LOW_CONVERTER@" + plan.primary.npi());
            }
        }
        for (ImplantPlan implant : plan.implantsByDate()) {
            if (plan.hasEarlierImplant(implant)) {
                plan.tags.add("exception:NM-TRIAL-DOC/REPLACEMENT_BY_HISTORY");
            }
            for (String dx : implant.replacementDiagnoses) {
                plan.tags.add(dx.startsWith("T85.1") ? "exception:NM-TRIAL-DOC/REPLACEMENT_BY_T85_1"
                        : "exception:NM-TRIAL-DOC/REPLACEMENT_BY_Z45_42");
            }
            if (implant.removesOldGenerator) {
                plan.tags.add("exception:NM-TRIAL-DOC/REPLACEMENT_BY_63688");
                // extended-rules.md NM-UNBUNDLE-63688 will flag the same-day 63688 once it exists.
                plan.tags.add("extended:NM-UNBUNDLE-63688");
            }
        }
        List<ProgrammingVisit> sessions = plan.programming;
        for (int k = 1; k < sessions.size(); k++) {
            LocalDate day = sessions.get(k).date;
            long sincePrevious = SpecDefaults.days(sessions.get(k - 1).date, day);
            ImplantPlan graceOf = graceImplant(plan, day);
            if (sincePrevious < SpecDefaults.PROGRAMMING_WINDOW_DAYS && graceOf != null) {
                plan.tags.add(plan.isReplacement(graceOf)
                        ? "exception:NM-PROG-FREQ/FIRST_MONTH_AFTER_REPLACEMENT"
                        : "exception:NM-PROG-FREQ/FIRST_MONTH_AFTER_IMPLANT");
            }
            if (sincePrevious == SpecDefaults.PROGRAMMING_WINDOW_DAYS && graceOf == null) {
                plan.tags.add("exception:NM-PROG-FREQ/EXACTLY_30_DAYS_APART");
            }
        }
    }

    private static ImplantPlan graceImplant(PatientPlan plan, LocalDate day) {
        for (ImplantPlan implant : plan.implants) {
            long d = SpecDefaults.days(implant.date, day);
            if (d >= 0 && d < SpecDefaults.PROGRAMMING_GRACE_DAYS) {
                return implant;
            }
        }
        return null;
    }
}
