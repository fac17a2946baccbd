package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * Spinal cord stimulation from evaluation to trial, and for a successful trial on to the permanent
 * implant: psych evaluation -> trial day -> outcome documented when the leads come out -> (implant
 * 30-150 days after the trial). The trial date is placed so the audit will find the intended status:
 * a failed trial lies at least 180 days before the as-of date, a pending one within the last 180.
 */
final class ScsTrialPathway implements PathwayPlanner {
    static final ScsTrialPathway CONVERTED = new ScsTrialPathway(TrialStatus.CONVERTED);
    static final ScsTrialPathway FAILED = new ScsTrialPathway(TrialStatus.FAILED);
    static final ScsTrialPathway PENDING = new ScsTrialPathway(TrialStatus.PENDING);

    static final String[] MAKERS = {"Medtronic", "Abbott", "Boston Scientific", "Nevro", "Saluda"};

    private final TrialStatus intended;

    private ScsTrialPathway(TrialStatus intended) {
        this.intended = intended;
    }

    @Override
    public boolean fits(DataWindow window) {
        return switch (intended) {
            case CONVERTED -> window.days() >= 45;
            case FAILED -> window.days() > SpecDefaults.CONVERSION_WINDOW_DAYS;
            case PENDING -> true;
        };
    }

    @Override
    public void plan(PatientPlan plan, Dice dice, DataWindow window) {
        plan.diagnoses = DiagnosisProfile.forScs(dice);
        plan.deviceMaker = dice.pick(MAKERS);
        switch (intended) {
            case CONVERTED -> {
                int gap = dice.between(30, (int) Math.min(150, window.days() - 1));
                LocalDate trial = dice.dayBetween(window.start(), window.end().minusDays(gap));
                addTrial(plan, trial, Result.SUCCESS, dice, window);
                plan.implants.add(ImplantPlan.newSystem(trial.plusDays(gap), dice));
            }
            case FAILED -> {
                LocalDate latest = window.end().minusDays(SpecDefaults.CONVERSION_WINDOW_DAYS);
                addTrial(plan, dice.dayBetween(window.start(), latest), Result.FAILURE, dice, window);
            }
            case PENDING -> {
                LocalDate earliest = window.end().minusDays(SpecDefaults.CONVERSION_WINDOW_DAYS - 1);
                if (earliest.isBefore(window.start())) {
                    earliest = window.start();
                }
                // Pending: most worked and wait for the implant to be scheduled, some did not,
                // some are still in the trial or not documented yet.
                Result result = switch (dice.weighted(new double[] {0.6, 0.25, 0.15})) {
                    case 0 -> Result.SUCCESS;
                    case 1 -> Result.FAILURE;
                    default -> Result.NOT_DOCUMENTED;
                };
                addTrial(plan, dice.dayBetween(earliest, window.end()), result, dice, window);
            }
        }
    }

    enum Result {
        SUCCESS,
        FAILURE,
        NOT_DOCUMENTED
    }

    /**
     * Adds a trial day, its outcome row (dated the day the leads come out, if that is inside the
     * window) and, when the patient has none covering it, the pre-trial psych evaluation.
     */
    static TrialPlan addTrial(PatientPlan plan, LocalDate date, Result result, Dice dice, DataWindow window) {
        TrialPlan trial = TrialPlan.draw(date, dice);
        plan.trials.add(trial);
        LocalDate documented = trial.leadsRemoved();
        if (result != Result.NOT_DOCUMENTED && !documented.isAfter(window.end())) {
            plan.outcomes.add(result == Result.SUCCESS
                    ? TrialOutcome.success(documented, trial.lengthDays, dice)
                    : TrialOutcome.failure(documented, trial.lengthDays, dice));
        }
        if (plan.psychEvaluations.isEmpty()) {
            plan.psychEvaluations.add(PsychEvaluation.before(date, dice));
        }
        return trial;
    }
}
