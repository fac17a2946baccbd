package org.nmaudit.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.FindingSorter;

/**
 * The audit of a partitioned data set: the patient pass over every partition, batch by batch on a pool of
 * workers, then the provider pass over what the patient pass carried. One partition is read while the
 * workers evaluate the one before, so at most two are in memory. Findings go to the sorter as batches
 * finish; carried facts are kept in partition and batch order, so the provider pass sees them in the
 * same order whatever the number of threads.
 */
public final class PartitionedAudit {
    /** Told how far the patient pass has got. */
    public interface Progress {
        Progress SILENT = (factsDone, factsTotal, patientsDone) -> { };

        void patients(long factsDone, long factsTotal, long patientsDone);
    }

    private final RuleEngine engine;
    private final int threads;
    private final int factsPerBatch;
    private final Progress progress;
    private long groupNanos;
    private long providerNanos;

    public PartitionedAudit(RuleEngine engine, int threads, Progress progress) {
        this(engine, threads, RuleEngine.FACTS_PER_BATCH, progress);
    }

    PartitionedAudit(RuleEngine engine, int threads, int factsPerBatch, Progress progress) {
        this.engine = engine;
        this.threads = Math.max(1, threads);
        this.factsPerBatch = factsPerBatch;
        this.progress = progress;
    }

    /**
     * Runs both passes; findings go to {@code sorter}.
     *
     * @return the provider pass's ratios (provider-ratios.csv)
     */
    public ProviderPassResult run(SharedFacts shared, PatientPartitions partitions, FindingSorter sorter)
            throws RuleSetupException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nmaudit-patient-pass-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Object> carried = new ArrayList<>();
        AtomicLong factsDone = new AtomicLong();
        AtomicLong patientsDone = new AtomicLong();
        long factsTotal = partitions.factCount();
        try {
            List<Future<PatientBatchResult>> previous = List.of();
            for (int p = 0; p < partitions.count(); p++) {
                long t0 = System.nanoTime();
                List<List<PatientFact>> patients = partitions.patientsOf(p);
                groupNanos += System.nanoTime() - t0;
                List<Future<PatientBatchResult>> current = new ArrayList<>();
                for (List<PatientFact> batch : batchesOf(patients)) {
                    int patientCount = PatientBatches.patientCount(batch);
                    current.add(pool.submit(() -> {
                        PatientBatchResult r = engine.evaluatePatients(shared, batch);
                        progress.patients(factsDone.addAndGet(batch.size()), factsTotal,
                                patientsDone.addAndGet(patientCount));
                        return r;
                    }));
                }
                collect(previous, sorter, carried);
                previous = current;
            }
            collect(previous, sorter, carried);
        } finally {
            pool.shutdownNow();
        }
        long t0 = System.nanoTime();
        ProviderPassResult providers = engine.evaluateProviders(shared, carried);
        providerNanos = System.nanoTime() - t0;
        sorter.addAll(providers.findings());
        return providers;
    }

    /** Time the run spent reading partitions back and grouping them by patient (on the calling thread). */
    public long groupNanos() {
        return groupNanos;
    }

    /** Time the provider pass took. */
    public long providerNanos() {
        return providerNanos;
    }

    private List<List<PatientFact>> batchesOf(List<List<PatientFact>> patients) {
        return PatientBatches.batches(patients, factsPerBatch);
    }

    private static void collect(List<Future<PatientBatchResult>> batches, FindingSorter sorter, List<Object> carried)
            throws RuleSetupException {
        for (Future<PatientBatchResult> f : batches) {
            PatientBatchResult r = TaskResult.await(f, "the rules ran");
            sorter.addAll(r.findings());
            carried.addAll(r.carried());
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
}
