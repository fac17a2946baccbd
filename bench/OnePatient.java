import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.SharedFacts;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;

/**
 * What one patient costs the patient pass (what a scrub of one claim pays for its rules): the sample patient
 * with the claim line count nearest to the one asked for (default 40), with its documentation rows, evaluated
 * by every rule over and over in one JVM; prints the median, p99 and max of the warm evaluations.
 * Run with the nmaudit jar on the class path, from the project folder:
 *   java -cp core/target/nmaudit.jar bench/OnePatient.java [LINES] [DATA_DIR]
 */
public final class OnePatient {
    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path data = Path.of(args.length > 1 ? args[1] : "data/sample");
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        RuleBase rules = RuleCompiler.compile(folder);
        ReferenceData reference = new ReferenceReader(ReadProgress.SILENT).read(Path.of("data", "reference"));
        DataSet set = new DataSetReader(ReadProgress.SILENT).read(data);
        LocalDate asOf = set.latestServiceDate().orElseThrow();

        Map<String, List<PatientFact>> byPatient = new LinkedHashMap<>();
        for (PatientFact f : set.patientFacts()) {
            byPatient.computeIfAbsent(f.getPatientId(), p -> new ArrayList<>()).add(f);
        }
        List<PatientFact> patient = null;
        long bestLines = -1;
        for (List<PatientFact> facts : byPatient.values()) {
            long lines = facts.stream().filter(ClaimLine.class::isInstance).count();
            if (patient == null || Math.abs(lines - wanted) < Math.abs(bestLines - wanted)) {
                patient = facts;
                bestLines = lines;
            }
        }
        RuleEngine engine = new RuleEngine(rules);
        SharedFacts shared = SharedFacts.of(folder.parameters(), asOf, reference.facts());
        int findings = engine.evaluatePatients(shared, patient).findings().size();
        for (int i = 0; i < 3_000; i++) {
            engine.evaluatePatients(shared, patient); // warm-up: the JIT compiles the rules' code
        }
        int runs = 5_000;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            engine.evaluatePatients(shared, patient);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("one patient (%s): %d claim lines and %d documentation rows, %d rules, %d finding(s)%n",
                patient.get(0).getPatientId(), bestLines, patient.size() - bestLines, rules.rules().size(), findings);
        System.out.printf("warm, %d evaluations: median %.3f ms, p99 %.3f ms, max %.3f ms%n", runs,
                nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6, nanos[runs - 1] / 1e6);
    }
}
