package org.nmaudit.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates a synthetic data set in the nmaudit input format, one patient at a time:
 *
 * <ol>
 *   <li>the patient is referred to a physician of the fixed {@link Practice} and gets a {@link Pathway};</li>
 *   <li>the pathway plans the clinical events (trials, implants, documentation);</li>
 *   <li>the {@link InjectionPlanner} may plant one violation or exception;</li>
 *   <li>routine care (programming, office visits) is scheduled around the events;</li>
 *   <li>the trials are given to a physician whose promised conversion ratio they keep;</li>
 *   <li>the plan becomes claims (a CLAIMS-stage injection may still bend them) and documentation rows,
 *       written immediately, with the labels of what the patient holds.</li>
 * </ol>
 *
 * Memory is the practice roster plus one patient, whatever the number of patients.
 */
public final class DataSetGenerator {
    /** Names of the five data files, in the order data-format.md lists them. */
    public static final List<String> DATA_FILES = DataSetWriter.DATA_FILES;
    /** The claim files of the X12 form (which has no claims.csv). */
    public static final List<String> X12_FILES = X12ClaimWriter.FILES;

    private final GeneratorSettings settings;

    public DataSetGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    /**
     * Writes the data files into {@code directory} (created if missing, files overwritten) and, when
     * {@code labelsFile} is not null, the labels. Progress lines go to {@code progress}.
     */
    public GenerationSummary generate(Path directory, Path labelsFile, PrintStream progress) throws IOException {
        return generate(directory, labelsFile, progress, ClaimFormat.CSV);
    }

    /**
     * As {@link #generate(Path, Path, PrintStream)}, with the claim lines in {@code format}: claims.csv, or
     * X12 ({@link #X12_FILES}: 837P, 837I and the 835 of the paid lines). The same data set either way.
     */
    public GenerationSummary generate(Path directory, Path labelsFile, PrintStream progress, ClaimFormat format)
            throws IOException {
        DataWindow window = settings.window();
        // Fixed draw order from the seed: the roster, the broken-row stream, then one stream per patient.
        Dice seed = new Dice(settings.seed());
        Practice practice = Practice.build(settings, seed.split());
        BadRowInjector badRows = new BadRowInjector(settings.badRowRate(), seed.split());
        InjectionPlanner injections = new InjectionPlanner(InjectionCatalog.all(practice), settings.violationRate());
        ClaimAssembler assembler = new ClaimAssembler(practice, window);
        DataSetWriter writer = new DataSetWriter(directory, labelsFile, badRows, progress, format,
                window.end().plusDays(1));
        try (writer) {
            for (int i = 0; i < settings.patients(); i++) {
                Dice dice = seed.split();
                Planned planned = plan(i, practice, injections, window, dice);
                List<Claim> claims = assembler.assemble(planned.plan(), dice);
                if (planned.injection() != null && planned.injection().stage() == Injection.Stage.CLAIMS) {
                    planned.injection().applyToClaims(claims, planned.plan(), dice);
                }
                NaturalExceptions.labelClaims(planned.plan(), claims);
                writer.write(planned.plan(), claims);
            }
        }
        return GenerationSummary.of(directory, window, writer.patients(), writer.rowCounts(), badRows.total(),
                labelsFile);
    }

    /** A patient's plan and the injection chosen for it (null if none). */
    private record Planned(PatientPlan plan, Injection injection) {
    }

    private static Planned plan(int index, Practice practice, InjectionPlanner injections, DataWindow window,
            Dice dice) {
        Physician referred = practice.drawPhysician(dice);
        Pathway pathway = Pathway.draw(referred.lowConverter(), window, dice);
        PatientPlan plan = new PatientPlan(index, PayerMix.draw(dice), pathway);
        pathway.planner().plan(plan, dice, window);

        Injection injection = injections.choose(plan, window);
        if (injection != null && injection.stage() == Injection.Stage.CLINICAL) {
            injection.apply(plan, dice, window);
        }
        ProgrammingSchedule.plan(plan, dice, window);
        // The first patient is seen on the window's last day, which makes that day the audit's as-of date.
        VisitSchedule.plan(plan, dice, window, index == 0);
        if (injection != null && injection.stage() == Injection.Stage.ROUTINE) {
            injection.apply(plan, dice, window);
        }
        if (injection != null) {
            plan.tags.addAll(injection.tags());
            injections.applied(injection);
        }

        assignTrialOwner(plan, practice, referred, window);
        NaturalExceptions.label(plan, window.asOf());
        return new Planned(plan, injection);
    }

    /** Gives the patient to a physician whose NM-RATIO standing its decided trials keep (see {@link Physician}). */
    private static void assignTrialOwner(PatientPlan plan, Practice practice, Physician referred, DataWindow window) {
        int converted = 0;
        int failed = 0;
        for (TrialPlan trial : plan.trials) {
            if (!trial.professionalClaim) {
                continue; // a day seen only on the facility claim is not in the physician's ratio
            }
            switch (plan.status(trial, window.asOf())) {
                case CONVERTED -> converted++;
                case FAILED -> failed++;
                case PENDING -> {
                }
            }
        }
        Physician owner = practice.ownerFor(referred, converted, failed);
        owner.recordDecided(converted, failed);
        plan.primary = owner;
    }
}
