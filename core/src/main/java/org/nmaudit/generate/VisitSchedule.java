package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Office E/M visits: every 45-120 days, a consult before the first trial, a follow-up 2-4 weeks after
 * an implant. Visits that would fall 1-10 days after a 63650/63685 day (the 010-day global period)
 * mostly move past it; the few that stay are billed with modifier 24 by the {@link ClaimAssembler}.
 */
final class VisitSchedule {

    private VisitSchedule() {
    }

    static void plan(PatientPlan plan, Dice dice, DataWindow window, boolean billLastDay) {
        List<LocalDate> surgeries = new ArrayList<>();
        plan.trials.forEach(t -> surgeries.add(t.date));
        plan.implants.forEach(i -> surgeries.add(i.date));

        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate d = window.start().plusDays(dice.between(0, 60)); !d.isAfter(window.end());
                d = d.plusDays(dice.between(45, 120))) {
            days.add(d);
        }
        List<TrialPlan> trials = plan.trialsByDate();
        boolean consult = false;
        if (!trials.isEmpty()) {
            LocalDate before = trials.get(0).date.minusDays(dice.between(10, 40));
            if (!before.isBefore(window.start())) {
                days.add(before);
                consult = true;
            }
        }
        for (ImplantPlan implant : plan.implants) {
            LocalDate followUp = implant.date.plusDays(dice.between(14, 28));
            if (!followUp.isAfter(window.end())) {
                days.add(followUp);
            }
        }

        TreeSet<LocalDate> placed = new TreeSet<>();
        for (LocalDate day : days) {
            LocalDate surgery = surgeryJustBefore(day, surgeries);
            if (surgery != null && dice.chance(0.95)) {
                day = surgery.plusDays(SpecDefaults.GLOBAL_DAYS + dice.between(1, 6));
            }
            if (!day.isAfter(window.end())) {
                placed.add(day);
            }
        }
        if (billLastDay) {
            // The data set's as-of date is its latest service date: make it the window's last day.
            placed.add(window.end());
        }
        boolean newPatient = consult && plan.pathway != Pathway.SCS_REPLACEMENT && dice.chance(0.3);
        for (LocalDate day : placed) {
            String cpt;
            if (newPatient) {
                cpt = dice.chance(0.6) ? "99204" : "99203";
                newPatient = false;
            } else {
                cpt = switch (dice.weighted(new double[] {0.55, 0.40, 0.05})) {
                    case 0 -> "99213";
                    case 1 -> "99214";
                    default -> "99215";
                };
            }
            plan.visits.add(new EmVisit(day, cpt));
        }
    }

    /** A surgery 1-10 days before the day (inside its global period), or null. */
    private static LocalDate surgeryJustBefore(LocalDate day, List<LocalDate> surgeries) {
        for (LocalDate s : surgeries) {
            long d = SpecDefaults.days(s, day);
            if (d >= 1 && d <= SpecDefaults.GLOBAL_DAYS) {
                return s;
            }
        }
        return null;
    }
}
