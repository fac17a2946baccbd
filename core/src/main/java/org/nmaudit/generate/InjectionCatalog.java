package org.nmaudit.generate;

import java.util.List;

/** Every injection the generator knows. A new violation type is one more line here. */
final class InjectionCatalog {

    /** The four pools the {@link InjectionPlanner} asks in turn. */
    record Kinds(List<Injection> coreViolations, List<Injection> coreExceptions,
            List<Injection> extendedViolations, List<Injection> extendedExceptions) {
    }

    private InjectionCatalog() {
    }

    static Kinds all(Practice practice) {
        return new Kinds(violations(), exceptions(practice), extendedViolations(), extendedExceptions(practice));
    }

    /** Violations of core-rules.md. */
    static List<Injection> violations() {
        return List.of(
                new ImplantWithoutTrial(),
                new ImplantLongAfterTrial(),
                new ImplantWithoutOutcome(),
                new OutcomeBelowCriteria(false),
                new OutcomeBelowCriteria(true),
                new RepeatTrial(RepeatTrial.Variant.UNJUSTIFIED),
                new RepeatTrial(RepeatTrial.Variant.JUSTIFIED_ON_FIRST_TRIAL_DAY),
                new ProgrammingTooOften(ProgrammingTooOften.Variant.SAME_DAY),
                new ProgrammingTooOften(ProgrammingTooOften.Variant.WITHIN_30_DAYS),
                new ProgrammingTooOften(ProgrammingTooOften.Variant.JUST_AFTER_FIRST_MONTH));
    }

    /** Exceptions of core-rules.md. */
    static List<Injection> exceptions(Practice practice) {
        return List.of(
                new RepeatTrial(RepeatTrial.Variant.JUSTIFIED),
                new RepeatTrial(RepeatTrial.Variant.JUSTIFIED_ON_SECOND_TRIAL_DAY),
                new TwoPhysiciansOnTrialDay(practice.physicians().size() > 1),
                new InstitutionalOnlyTrial(),
                new OutcomeExactlyAtThreshold());
    }

    /** Violations of extended-rules.md (NM-UNBUNDLE-63688 needs none: replacements bill 63688 on their own). */
    static List<Injection> extendedViolations() {
        return List.of(
                new RepAloneAtProgramming(),
                new ProgrammingDuringTrial(ProgrammingDuringTrial.Variant.PROGRAMMING_IN_TRIAL),
                new OutpatientPriorAuthorization(OutpatientPriorAuthorization.Variant.BLANK),
                new OutpatientPriorAuthorization(OutpatientPriorAuthorization.Variant.MALFORMED),
                new ThirdTrial(),
                new UnitsAboveLimit(UnitsAboveLimit.Variant.LEADS_63650),
                new UnitsAboveLimit(UnitsAboveLimit.Variant.GENERATOR_63685),
                new UnitsAboveLimit(UnitsAboveLimit.Variant.PROGRAMMING),
                new ImplantBilledInOffice(ImplantBilledInOffice.Variant.GENERATOR_63685),
                new ImplantBilledInOffice(ImplantBilledInOffice.Variant.PADDLE_LEAD_63655),
                new LeadProcedureInOffice("63661"),
                new LeadProcedureInOffice("63663"),
                new TrialLeadRemovalBilled(TrialLeadRemovalBilled.Variant.IN_GLOBAL_PERIOD, true),
                new SpinalGeneratorForPeripheralLeads(),
                new MultifidusCodeBeforeItExisted(),
                new PsychEvaluationTiming(PsychEvaluationTiming.Variant.MISSING),
                new PsychEvaluationTiming(PsychEvaluationTiming.Variant.DAYS_366_BEFORE),
                new EvaluationInGlobalPeriod(EvaluationInGlobalPeriod.Variant.NO_MODIFIER, true),
                new DuplicateClaimLine(),
                new Underpayment(Underpayment.Variant.BELOW_95_PCT));
    }

    /** Exceptions of extended-rules.md that ordinary care does not show by itself (see {@link NaturalExceptions}). */
    static List<Injection> extendedExceptions(Practice practice) {
        boolean colleagues = practice.physicians().size() > 1;
        return List.of(
                new ProgrammingDuringTrial(ProgrammingDuringTrial.Variant.ANALYSIS_95970_IN_TRIAL),
                new ProgrammingDuringTrial(ProgrammingDuringTrial.Variant.DAY_11),
                new ImplantRightAfterTrial(),
                new TrialLeadRemovalBilled(TrialLeadRemovalBilled.Variant.DAY_11, colleagues),
                new TrialLeadRemovalBilled(TrialLeadRemovalBilled.Variant.OTHER_NPI, colleagues),
                new TrialLeadRemovalBilled(TrialLeadRemovalBilled.Variant.SAME_DAY, colleagues),
                new GeneratorExplant(),
                new HybridSpinalAndPeripheralLeads(),
                new PsychEvaluationTiming(PsychEvaluationTiming.Variant.DAYS_365_BEFORE),
                new PsychEvaluationTiming(PsychEvaluationTiming.Variant.ON_TRIAL_DAY),
                new EvaluationInGlobalPeriod(EvaluationInGlobalPeriod.Variant.DAY_11, colleagues),
                new EvaluationInGlobalPeriod(EvaluationInGlobalPeriod.Variant.OTHER_NPI, colleagues),
                new IdenticalLeadLines(),
                new FacilityClaimWithPhysicianNpi(),
                new Underpayment(Underpayment.Variant.EXACTLY_95_PCT));
    }
}
