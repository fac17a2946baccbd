package org.nmaudit.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * One deliberate deviation planted in a patient's plan: a billing violation the audit must flag, or a
 * rule exception it must not flag. Adding a violation type is adding one of these and listing it in
 * {@link InjectionCatalog}.
 *
 * <p>{@link #isEligible} is asked on the clinical plan (pathway events, before routine care); an
 * eligible injection must be able to apply at its stage.
 */
abstract class Injection {

    enum Kind {
        VIOLATION,
        EXCEPTION
    }

    /** When the injection bends the plan. */
    enum Stage {
        /** Right after the pathway: trials, implants, documentation. */
        CLINICAL,
        /** After programming and visits are scheduled. */
        ROUTINE,
        /**
         * On the assembled claims, for errors that live in the billing rather than in the care (a
         * blank UTN, units keyed wrong, a duplicated line, an underpayment). Implement
         * {@link #applyToClaims}; {@link #apply} is not called.
         */
        CLAIMS
    }

    private final Kind kind;
    private final Stage stage;
    private final String label;
    private final List<String> alsoViolates;

    /** @param label the rule and the detail, as written to the labels file, e.g. "NM-TRIAL-DOC/NO_OUTCOME" */
    Injection(Kind kind, Stage stage, String label) {
        this(kind, stage, label, List.of());
    }

    /**
     * @param alsoViolates labels of other rules the same deviation breaks as well (one billing error can
     *                     be two findings), written to the labels file as violations too
     */
    Injection(Kind kind, Stage stage, String label, List<String> alsoViolates) {
        this.kind = kind;
        this.stage = stage;
        this.label = label;
        this.alsoViolates = List.copyOf(alsoViolates);
    }

    final Kind kind() {
        return kind;
    }

    final Stage stage() {
        return stage;
    }

    final String label() {
        return label;
    }

    abstract boolean isEligible(PatientPlan plan, DataWindow window);

    /** Bends the plan (stages CLINICAL and ROUTINE). */
    void apply(PatientPlan plan, Dice dice, DataWindow window) {
        throw new UnsupportedOperationException(label() + " does not change the plan");
    }

    /** Bends the patient's assembled claims, in claim order (stage CLAIMS). */
    void applyToClaims(List<Claim> claims, PatientPlan plan, Dice dice) {
        throw new UnsupportedOperationException(label() + " does not change claims");
    }

    /** The labels-file tag: "violation:NM-TRIAL-DOC/NO_OUTCOME" or "exception:...". */
    final String tag() {
        return (kind() == Kind.VIOLATION ? "violation:" : "exception:") + label();
    }

    /** {@link #tag()} and a "violation:" tag for each rule the deviation also breaks. */
    final List<String> tags() {
        List<String> tags = new ArrayList<>();
        tags.add(tag());
        alsoViolates.forEach(l -> tags.add("violation:" + l));
        return tags;
    }
}
