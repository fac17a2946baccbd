package org.nmaudit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.PatientBatches;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.SharedFacts;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceReader;

/**
 * The patient pass alone, single-threaded, at several batch sizes (facts per session), measured in CPU
 * time of the thread so that other load on the machine disturbs it less than wall time. Not a test:
 * {@code java -cp core/target/test-classes:core/target/nmaudit.jar org.nmaudit.bench.PatientPassBench DATA_DIR [sizes...]}
 */
public final class PatientPassBench {
    private PatientPassBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        ParameterSet parameters = folder.parameters();
        RuleBase rules = RuleCompiler.compile(folder);
        DataSet set = new DataSetReader(ReadProgress.SILENT).read(data);
        List<List<PatientFact>> patients = PatientBatches.byPatient(set.patientFacts());
        SharedFacts shared = SharedFacts.of(parameters, set.latestServiceDate().orElseThrow(),
                new ReferenceReader(ReadProgress.SILENT).read(Path.of("data", "reference")).facts());
        RuleEngine engine = new RuleEngine(rules);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int[] sizes = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 50, 200, 1000, 2000, 5000};
        // warm-up: one pass at a middle size, timed too (the JIT compiles the rules' classes meanwhile)
        long c0 = cpu.getCurrentThreadCpuTime();
        long s0 = System.nanoTime();
        run(engine, shared, PatientBatches.batches(patients, 2000));
        System.out.printf(Locale.ROOT, "first pass (cold), 2000 facts/batch: %.2f s CPU, %.2f s wall%n",
                (cpu.getCurrentThreadCpuTime() - c0) / 1e9, (System.nanoTime() - s0) / 1e9);
        for (int round = 0; round < 2; round++) {
            for (int size : sizes) {
                List<List<PatientFact>> batches = PatientBatches.batches(patients, size);
                long t0 = cpu.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                long findings = run(engine, shared, batches);
                long t1 = cpu.getCurrentThreadCpuTime();
                System.out.printf(Locale.ROOT, "facts/batch %6d: %6d sessions, %.2f s CPU, %.2f s wall, %d findings%n",
                        size, batches.size(), (t1 - t0) / 1e9, (System.nanoTime() - w0) / 1e9, findings);
            }
        }
    }

    private static long run(RuleEngine engine, SharedFacts shared, List<List<PatientFact>> batches) throws Exception {
        long n = 0;
        for (List<PatientFact> b : batches) {
            n += engine.evaluatePatients(shared, b).findings().size();
        }
        return n;
    }
}
