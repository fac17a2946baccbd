package org.nmaudit.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams the five data files (and optionally the labels) patient by patient: a patient's rows are
 * written as soon as it is planned, nothing is kept. Claim ids come from one running counter, so the
 * same seed always numbers claims the same way.
 */
final class DataSetWriter implements Closeable {
    static final String CLAIMS = "claims.csv";
    static final String TRIAL_OUTCOMES = "trial-outcomes.csv";
    static final String JUSTIFICATIONS = "repeat-trial-justifications.csv";
    static final String PROGRAMMING = "programming-sessions.csv";
    static final String PSYCH = "psych-evaluations.csv";
    static final List<String> DATA_FILES = List.of(CLAIMS, TRIAL_OUTCOMES, JUSTIFICATIONS, PROGRAMMING, PSYCH);

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final long PROGRESS_EVERY = 100_000;
    private static final String[] REP_NAMES = {"T. Walsh", "K. Olsen", "D. Ferreira", "S. Byrne", "L. Tran"};

    private final CSVPrinter claims;
    private final X12ClaimWriter x12;
    private final CSVPrinter outcomes;
    private final CSVPrinter justifications;
    private final CSVPrinter programming;
    private final CSVPrinter psych;
    private final CSVPrinter labels;
    private final BadRowInjector badRows;
    private final PrintStream progress;
    private final long[] rows = new long[DATA_FILES.size()];
    private long claimSequence;
    private long patients;

    DataSetWriter(Path dir, Path labelsFile, BadRowInjector badRows, PrintStream progress, ClaimFormat format,
            LocalDate sent) throws IOException {
        Files.createDirectories(dir);
        // The claim lines go to claims.csv, or as 837P/837I claims and 835 remittances (documentation stays CSV).
        this.claims = format == ClaimFormat.CSV ? open(dir.resolve(CLAIMS), ClaimRows.HEADER) : null;
        this.x12 = format == ClaimFormat.X12 ? new X12ClaimWriter(dir, sent) : null;
        this.outcomes = open(dir.resolve(TRIAL_OUTCOMES), "patient_id", "documented_date", "pain_relief_pct",
                "analgesic_reduction_pct", "functional_improvement", "rendering_npi", "note");
        this.justifications = open(dir.resolve(JUSTIFICATIONS), "patient_id", "documented_date", "reason");
        this.programming = open(dir.resolve(PROGRAMMING), "patient_id", "session_date", "performed_by", "performer_name");
        this.psych = open(dir.resolve(PSYCH), "patient_id", "evaluation_date", "evaluator_credential");
        if (labelsFile != null) {
            Path parent = labelsFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.labels = open(labelsFile, "patient_id", "pathway", "injected");
        } else {
            this.labels = null;
        }
        this.badRows = badRows;
        this.progress = progress;
    }

    private static CSVPrinter open(Path file, String... header) throws IOException {
        BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        return new CSVPrinter(out, CSV.builder().setHeader(header).get());
    }

    void write(PatientPlan plan, List<Claim> patientClaims) throws IOException {
        List<String> tags = new ArrayList<>(plan.tags);
        for (Claim claim : patientClaims) {
            List<String[]> good = ClaimRows.of(claim, nextClaimId(), plan.patientId);
            List<String[]> broken = badRows.brokenCopies(good, tags);
            if (x12 != null) {
                x12.write(claim, good, broken, plan.index);
                countClaimRows(good.size() + broken.size());
                continue;
            }
            for (String[] row : good) {
                printClaimRow(row);
            }
            for (String[] row : broken) {
                printClaimRow(row);
            }
        }
        writeDocumentation(plan);
        if (labels != null) {
            labels.printRecord(plan.patientId, plan.pathway.name(), String.join(";", tags));
        }
        patients++;
    }

    private void printClaimRow(String[] row) throws IOException {
        claims.printRecord((Object[]) row);
        countClaimRows(1);
    }

    private void countClaimRows(int n) {
        for (int i = 0; i < n; i++) {
            if (++rows[0] % PROGRESS_EVERY == 0) {
                progress.printf(Locale.ROOT, "nmaudit generate: %,d claim lines (%,d patients)%n", rows[0],
                        patients + 1);
            }
        }
    }

    private String nextClaimId() {
        String digits = Long.toString(++claimSequence);
        return "C" + "000000000".substring(Math.min(9, digits.length())) + digits;
    }

    private void writeDocumentation(PatientPlan plan) throws IOException {
        String id = plan.patientId;
        List<TrialOutcome> sortedOutcomes = new ArrayList<>(plan.outcomes);
        sortedOutcomes.sort(Comparator.comparing(TrialOutcome::documented));
        for (TrialOutcome o : sortedOutcomes) {
            outcomes.printRecord(id, o.documented(), o.painReliefPct(), o.analgesicReductionPct(),
                    o.functionalImprovement(), o.signed() ? plan.primary.npi() : "", o.note());
            rows[1]++;
        }
        List<Justification> sortedJustifications = new ArrayList<>(plan.justifications);
        sortedJustifications.sort(Comparator.comparing(Justification::documented));
        for (Justification j : sortedJustifications) {
            justifications.printRecord(id, j.documented(), j.reason());
            rows[2]++;
        }
        List<String> qhps = plan.primary.clinic().qualifiedProfessionals();
        String rep = REP_NAMES[plan.index % REP_NAMES.length] + " (" + plan.deviceMaker + ")";
        for (ProgrammingVisit v : plan.programming) {
            if (v.performer != ProgrammingVisit.Performer.MANUFACTURER_REP) {
                String performer = v.performer == ProgrammingVisit.Performer.PHYSICIAN
                        ? plan.primary.name()
                        : qhps.get(plan.index % qhps.size());
                programming.printRecord(id, v.date, v.performer.name(), performer);
                rows[3]++;
            }
            if (v.repAlongside || v.performer == ProgrammingVisit.Performer.MANUFACTURER_REP) {
                programming.printRecord(id, v.date, "MANUFACTURER_REP", rep);
                rows[3]++;
            }
        }
        List<PsychEvaluation> sortedEvaluations = new ArrayList<>(plan.psychEvaluations);
        sortedEvaluations.sort(Comparator.comparing(PsychEvaluation::evaluated));
        for (PsychEvaluation e : sortedEvaluations) {
            psych.printRecord(id, e.evaluated(), e.credential());
            rows[4]++;
        }
    }

    /** Rows written per data file, in {@link #DATA_FILES} order (claims include the broken rows). */
    long[] rowCounts() {
        return rows.clone();
    }

    long patients() {
        return patients;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        if (x12 != null) {
            try {
                x12.close();
            } catch (IOException e) {
                first = e;
            }
        }
        for (CSVPrinter p : new CSVPrinter[] {claims, outcomes, justifications, programming, psych, labels}) {
            if (p == null) {
                continue;
            }
            try {
                p.close(true);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
