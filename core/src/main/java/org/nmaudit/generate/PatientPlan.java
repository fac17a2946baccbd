package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One patient's care in the data window, planned as clinical events before anything is billed.
 * Pathways fill it, injections bend it, the schedules add routine care, and the
 * {@link ClaimAssembler} turns it into claims. It lives only while its patient is generated.
 *
 * <p>The derived facts below follow core-rules.md, so the generator knows, while planning, what the
 * audit will conclude (trial status for the NM-RATIO tally, replacement versus new implant).
 */
final class PatientPlan {
    final int index;
    final String patientId;
    final PayerType payer;
    final Pathway pathway;
    DiagnosisProfile diagnoses;
    /** The referred physician: owns the trials, bills the visits and the programming. Set last. */
    Physician primary;
    /** Stimulator brand; the manufacturer's rep sometimes attends programming. */
    String deviceMaker = "Medtronic";
    /** The patient had an SCS implanted before the window (battery replacement pathway). */
    boolean deviceBeforeWindow;
    /** Peripheral nerve stimulator in place from this day (programming without the 63685 grace month). */
    LocalDate pnsImplanted;
    LocalDate pnsRemoved;
    /** The spinal stimulator was explanted this day: no programming from then on. */
    LocalDate scsRemoved;

    final List<TrialPlan> trials = new ArrayList<>();
    final List<ImplantPlan> implants = new ArrayList<>();
    final List<ProcedurePlan> procedures = new ArrayList<>();
    final List<ProgrammingVisit> programming = new ArrayList<>();
    final List<EmVisit> visits = new ArrayList<>();
    final List<TrialOutcome> outcomes = new ArrayList<>();
    final List<Justification> justifications = new ArrayList<>();
    final List<PsychEvaluation> psychEvaluations = new ArrayList<>();
    /** Labels for --labels: the pathway's deliberate violations and the exceptions it exercises. */
    final Set<String> tags = new LinkedHashSet<>();

    PatientPlan(int index, PayerType payer, Pathway pathway) {
        this.index = index;
        this.patientId = patientId(index);
        this.payer = payer;
        this.pathway = pathway;
    }

    static String patientId(int index) {
        String digits = Integer.toString(index + 1);
        return "P" + "00000000".substring(Math.min(8, digits.length())) + digits;
    }

    List<TrialPlan> trialsByDate() {
        List<TrialPlan> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparing(t -> t.date));
        return sorted;
    }

    List<ImplantPlan> implantsByDate() {
        List<ImplantPlan> sorted = new ArrayList<>(implants);
        sorted.sort(Comparator.comparing(i -> i.date));
        return sorted;
    }

    /** The single trial of a one-trial pathway, or null. */
    TrialPlan onlyTrial() {
        return trials.size() == 1 ? trials.get(0) : null;
    }

    /** A successful SCS pathway with one trial and one new implant: what most injections bend. */
    boolean isSingleTrialConversion() {
        return pathway == Pathway.SCS_SUCCESS && onlyTrial() != null && onlyNewImplant() != null;
    }

    /** The single new implant of a pathway, or null. */
    ImplantPlan onlyNewImplant() {
        ImplantPlan found = null;
        for (ImplantPlan i : implants) {
            if (!isReplacement(i)) {
                if (found != null) {
                    return null;
                }
                found = i;
            }
        }
        return found;
    }

    /**
     * core-rules.md "Replacement": an earlier implant event of the patient (in the data), Z45.42 or
     * T85.1x on the 63685 line, or a 63688 the same day.
     */
    boolean isReplacement(ImplantPlan implant) {
        if (implant.carriesReplacementDiagnosis() || implant.removesOldGenerator) {
            return true;
        }
        for (ImplantPlan other : implants) {
            if (other.date.isBefore(implant.date)) {
                return true;
            }
        }
        return false;
    }

    boolean hasEarlierImplant(ImplantPlan implant) {
        return implants.stream().anyMatch(other -> other.date.isBefore(implant.date));
    }

    /** core-rules.md "Conversion" and "Trial status", with the as-of date the data set will have. */
    TrialStatus status(TrialPlan trial, LocalDate asOf) {
        for (ImplantPlan implant : implants) {
            long gap = SpecDefaults.days(trial.date, implant.date);
            if (!isReplacement(implant) && gap > 0 && gap <= SpecDefaults.CONVERSION_WINDOW_DAYS
                    && noTrialBetween(trial.date, implant.date)) {
                return TrialStatus.CONVERTED;
            }
        }
        return SpecDefaults.days(trial.date, asOf) < SpecDefaults.CONVERSION_WINDOW_DAYS
                ? TrialStatus.PENDING
                : TrialStatus.FAILED;
    }

    private boolean noTrialBetween(LocalDate from, LocalDate to) {
        return trials.stream().noneMatch(t -> t.date.isAfter(from) && t.date.isBefore(to));
    }

    /**
     * Whether routine care is sure to bill programming: {@link ProgrammingSchedule} always puts a
     * session on day 1-4 after each implant, so one 4 or more days before the window ends suffices.
     */
    boolean certainToBeProgrammed(DataWindow window) {
        return implants.stream().anyMatch(i -> !i.date.plusDays(4).isAfter(window.end()));
    }

    /**
     * Changes how long a trial lasts (the leads come out on the last day) and moves the outcome row
     * written that day with it.
     */
    void setTrialLength(TrialPlan trial, int lengthDays, DataWindow window) {
        LocalDate oldEnd = trial.leadsRemoved();
        trial.lengthDays = lengthDays;
        LocalDate newEnd = trial.leadsRemoved();
        outcomes.replaceAll(o -> o.documented().equals(oldEnd) ? o.redated(newEnd, lengthDays) : o);
        outcomes.removeIf(o -> o.documented().isAfter(window.end()));
    }

    /** Whether a day falls in the first month after a permanent implant event (NM-PROG-FREQ grace). */
    boolean inProgrammingGrace(LocalDate day) {
        for (ImplantPlan implant : implants) {
            long d = SpecDefaults.days(implant.date, day);
            if (d >= 0 && d < SpecDefaults.PROGRAMMING_GRACE_DAYS) {
                return true;
            }
        }
        return false;
    }
}
