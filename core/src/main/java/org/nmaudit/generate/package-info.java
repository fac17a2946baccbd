/**
 * {@code nmaudit generate}: a seeded, streaming generator of synthetic neuromodulation billing data in
 * the input format of data-format.md, with deliberate, labelled violations and exceptions of the
 * rules.
 *
 * <h2>How a patient is made</h2>
 * {@link org.nmaudit.generate.DataSetGenerator} runs, for each patient: referral to a physician of the
 * fixed {@code Practice}; a {@code Pathway} whose {@code PathwayPlanner} puts the clinical events into
 * a {@code PatientPlan} (trials, implants, outcome documentation, psych evaluations); at most one
 * {@code Injection} chosen by the {@code InjectionPlanner}; routine care ({@code ProgrammingSchedule},
 * {@code VisitSchedule}); the trial owner, picked so that NM-RATIO comes out as promised;
 * {@code NaturalExceptions} labelling; the {@code ClaimAssembler} that bills the plan (a CLAIMS-stage
 * injection may still bend the claims, and {@code NaturalExceptions} labels the exceptions they show);
 * and the {@code DataSetWriter} that writes the rows at once (plus {@code BadRowInjector}'s broken copies).
 * Nothing outlives the patient except the practice roster and a few counters.
 *
 * <h2>Adding a violation</h2>
 * Write a small class implementing {@code Injection}: its kind (violation or exception), its stage
 * (CLINICAL: change trials, implants, documentation; ROUTINE: change programming or visits; CLAIMS:
 * change the assembled claims, e.g. blank a UTN or repeat a line on a second claim), a label
 * ("RULE-ID/DETAIL"), an eligibility test that guarantees it can apply, and the change itself. Add one
 * line to {@code InjectionCatalog}, in the list of its rule set (core-rules.md or extended-rules.md) and
 * kind. The planner then spreads it over eligible patients at --violation-rate, with at least
 * {@code InjectionPlanner.FLOOR} occurrences, and the labels file lists it. The core pools are asked
 * first, so extended-rule injections go to patients without a core one. When one deviation breaks two
 * rules (a 63661 for a trial lead removal in the office), the injection names the other rule too. Keep
 * the rest of the patient clean: the tests read the data back with an independent reading of each rule
 * set ({@code LabelsTest}, {@code ExtendedRuleLabelsTest}) and expect exactly the labelled findings.
 *
 * <h2>Dates</h2>
 * Every service date lies in the window (--start, --months); the first patient is seen on its last
 * day, so the audit's as-of date is known while planning and trial statuses (PENDING, FAILED) come out
 * as planned. {@code SpecDefaults} holds the rule parameters the dates are placed around.
 */
package org.nmaudit.generate;
