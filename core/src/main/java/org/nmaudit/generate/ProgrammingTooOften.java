package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NM-PROG-FREQ: programming again less than 30 days after the previous session, outside the first
 * month after an implant. Three shapes: a second session the same day (a separate claim, modifier 76);
 * one 7-25 days after another; one exactly 30 days after the implant, the first day the grace month
 * no longer covers, while a grace-month session lies less than 30 days back.
 */
final class ProgrammingTooOften extends Injection {

    enum Variant {
        SAME_DAY,
        WITHIN_30_DAYS,
        JUST_AFTER_FIRST_MONTH
    }

    /** With the first implant 60+ days before the window's end there is room outside every grace month. */
    private static final int ROOM_DAYS = 60;

    private final Variant variant;

    ProgrammingTooOften(Variant variant) {
        super(Kind.VIOLATION, Stage.ROUTINE, "NM-PROG-FREQ/" + variant.name());
        this.variant = variant;
    }

    @Override
    public boolean isEligible(PatientPlan plan, DataWindow window) {
        LocalDate implant = firstImplant(plan);
        return implant != null && SpecDefaults.days(implant, window.end()) >= ROOM_DAYS;
    }

    private static LocalDate firstImplant(PatientPlan plan) {
        List<ImplantPlan> implants = plan.implantsByDate();
        return implants.isEmpty() ? null : implants.get(0).date;
    }

    @Override
    public void apply(PatientPlan plan, Dice dice, DataWindow window) {
        LocalDate implant = firstImplant(plan);
        // Another implant is at least 60 days after the first (ReplacementPathway), so days 30-55
        // after the first implant are outside every grace month.
        LocalDate firstFree = implant.plusDays(SpecDefaults.PROGRAMMING_GRACE_DAYS);
        switch (variant) {
            case SAME_DAY -> {
                LocalDate day = existingRoutineSession(plan, firstFree, window.end(), dice);
                if (day == null) {
                    day = firstFree.plusDays(dice.between(0, 5));
                    plan.programming.add(ProgrammingVisit.routine(day, "95971", dice));
                }
                plan.programming.add(secondSameDay(day, dice));
            }
            case WITHIN_30_DAYS -> {
                LocalDate anchor = existingRoutineSession(plan, firstFree, window.end().minusDays(7), dice);
                LocalDate day = anchor == null ? null : anchor.plusDays(dice.between(7, 25));
                if (day == null || day.isAfter(window.end()) || plan.inProgrammingGrace(day)) {
                    anchor = firstFree.plusDays(dice.between(0, 5));
                    plan.programming.add(ProgrammingVisit.routine(anchor, "95971", dice));
                    day = anchor.plusDays(dice.between(7, 20));
                }
                plan.programming.add(ProgrammingVisit.routine(day, dice.chance(0.5) ? "95971" : "95972", dice));
            }
            case JUST_AFTER_FIRST_MONTH -> {
                // The schedule always has a session on day 1-4 of the grace month.
                plan.programming.add(ProgrammingVisit.routine(firstFree, "95971", dice));
            }
        }
        plan.programming.sort(Comparator.comparing(v -> v.date));
    }

    /** A scheduled session from..to outside every grace month, or null. */
    private static LocalDate existingRoutineSession(PatientPlan plan, LocalDate from, LocalDate to, Dice dice) {
        List<LocalDate> candidates = new ArrayList<>();
        for (ProgrammingVisit v : plan.programming) {
            if (!v.date.isBefore(from) && !v.date.isAfter(to) && !plan.inProgrammingGrace(v.date)) {
                candidates.add(v.date);
            }
        }
        return candidates.isEmpty() ? null : dice.pick(candidates);
    }

    /** The patient came back the same day (lost stimulation after the morning session): modifier 76. */
    private static ProgrammingVisit secondSameDay(LocalDate day, Dice dice) {
        return new ProgrammingVisit(day, dice.chance(0.5) ? "95971" : "95972",
                dice.chance(0.5) ? ProgrammingVisit.Performer.PHYSICIAN : ProgrammingVisit.Performer.QHP,
                false, List.of("76"), true);
    }
}
