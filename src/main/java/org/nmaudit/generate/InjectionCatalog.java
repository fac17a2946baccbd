package org.nmaudit.generate;

import java.util.List;

/** Every injection the generator knows. A new violation type is one more line here. */
final class InjectionCatalog {

    private InjectionCatalog() {
    }

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

    static List<Injection> exceptions(Practice practice) {
        return List.of(
                new RepeatTrial(RepeatTrial.Variant.JUSTIFIED),
                new RepeatTrial(RepeatTrial.Variant.JUSTIFIED_ON_SECOND_TRIAL_DAY),
                new TwoPhysiciansOnTrialDay(practice.physicians().size() > 1),
                new InstitutionalOnlyTrial(),
                new OutcomeExactlyAtThreshold());
    }
}
