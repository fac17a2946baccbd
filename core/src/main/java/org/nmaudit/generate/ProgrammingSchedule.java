package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Routine stimulator programming that NM-PROG-FREQ accepts: several sessions in the first month
 * after each permanent implant event (0 &lt;= day - implant &lt; 30), otherwise at least 30 days after
 * the previous session, whatever that one was (the rule compares with any earlier line). About one
 * interval in twelve is exactly 30 days, the boundary the rule allows.
 */
final class ProgrammingSchedule {

    private ProgrammingSchedule() {
    }

    static void plan(PatientPlan plan, Dice dice, DataWindow window) {
        List<LocalDate> implants = new ArrayList<>();
        plan.implantsByDate().forEach(i -> implants.add(i.date));
        LocalDate first;
        LocalDate stop = window.end();
        if (plan.deviceBeforeWindow) {
            first = window.start().plusDays(dice.between(0, 75));
        } else if (plan.pnsImplanted != null) {
            // No 63685, so no grace month: the first session waits 10-25 days after the implant.
            first = plan.pnsImplanted.plusDays(dice.between(10, 25));
            if (plan.pnsRemoved != null) {
                stop = plan.pnsRemoved.minusDays(1);
            }
        } else if (implants.isEmpty()) {
            return;
        } else {
            first = null; // a new system: programming starts with the implant's first month
        }
        if (plan.scsRemoved != null) {
            stop = plan.scsRemoved.minusDays(1);
        }
        LocalDate last = null;
        int nextImplant = 0;
        while (true) {
            LocalDate candidate = last == null ? first : last.plusDays(routineInterval(dice));
            LocalDate implant = nextImplant < implants.size() ? implants.get(nextImplant) : null;
            if (implant != null && (candidate == null || !candidate.isBefore(implant))) {
                LocalDate lastInGrace = firstMonth(plan, implant, dice, window);
                if (lastInGrace != null) {
                    last = lastInGrace;
                }
                nextImplant++;
                continue;
            }
            if (candidate == null || candidate.isAfter(stop)) {
                return;
            }
            plan.programming.add(ProgrammingVisit.routine(candidate, routineCode(dice), dice));
            last = candidate;
        }
    }

    /** Days to the next routine session: 30 to 100, exactly 30 now and then. */
    private static int routineInterval(Dice dice) {
        return dice.chance(0.08) ? SpecDefaults.PROGRAMMING_WINDOW_DAYS : dice.between(35, 100);
    }

    private static String routineCode(Dice dice) {
        return switch (dice.weighted(new double[] {0.6, 0.2, 0.2})) {
            case 0 -> "95971";
            case 1 -> "95970";
            default -> "95972";
        };
    }

    /** Sessions in the first month after an implant: days 1-4, often 8-15 and 20-28. Returns the last one. */
    private static LocalDate firstMonth(PatientPlan plan, LocalDate implant, Dice dice, DataWindow window) {
        List<LocalDate> days = new ArrayList<>();
        days.add(implant.plusDays(dice.between(1, 4)));
        if (dice.chance(0.85)) {
            days.add(implant.plusDays(dice.between(8, 15)));
        }
        if (dice.chance(0.85)) {
            days.add(implant.plusDays(dice.between(20, SpecDefaults.PROGRAMMING_GRACE_DAYS - 2)));
        }
        LocalDate last = null;
        for (LocalDate day : days) {
            if (day.isAfter(window.end())) {
                break;
            }
            String code = last == null ? (dice.chance(0.7) ? "95972" : "95971") : (dice.chance(0.6) ? "95971" : "95972");
            plan.programming.add(ProgrammingVisit.routine(day, code, dice));
            last = day;
        }
        return last;
    }
}
