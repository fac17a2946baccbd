package org.nmaudit.spark;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.nmaudit.audit.FutureServiceDates;
import org.nmaudit.engine.FactCodec;
import org.nmaudit.engine.PatientPartitions;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.input.InputSink;
import org.nmaudit.input.Reject;
import org.nmaudit.input.RejectLog;

/**
 * Where the driver puts the rows its reader validates: each loaded row into the staging file of its
 * patient's partition (the CLI's hash of patient_id, the CLI's binary fact form) on a file system every
 * executor reads, each reject into the run's reject log. A partition file holds every row of its patients,
 * so one Spark task audits it on its own.
 */
final class StagedPatients implements InputSink {
    private final FileSystem fs;
    private final Path folder;
    private final DataOutputStream[] writers;
    private final long[] facts;
    private final RejectLog rejects;
    private final FutureServiceDates futureDates;

    StagedPatients(FileSystem fs, Path folder, int partitions, RejectLog rejects, FutureServiceDates futureDates)
            throws IOException {
        this.fs = fs;
        this.folder = folder;
        this.writers = new DataOutputStream[partitions];
        this.facts = new long[partitions];
        this.rejects = rejects;
        this.futureDates = futureDates;
        fs.mkdirs(folder);
        for (int i = 0; i < partitions; i++) {
            writers[i] = new DataOutputStream(new java.io.BufferedOutputStream(fs.create(file(folder, i), true),
                    1 << 16));
        }
    }

    static Path file(Path folder, int partition) {
        return new Path(folder, "patients-" + partition + ".bin");
    }

    @Override
    public void loaded(PatientFact fact) {
        if (fact instanceof ClaimLine line) {
            futureDates.check(line);
        }
        int p = PatientPartitions.partitionOf(fact.getPatientId(), writers.length);
        try {
            FactCodec.write(writers[p], fact);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the staging folder " + folder, e);
        }
        facts[p]++;
    }

    @Override
    public void rejected(Reject reject) {
        rejects.add(reject);
    }

    /** Closes the partition files; the executors can then read them. */
    void finishWriting() throws IOException {
        for (DataOutputStream w : writers) {
            w.close();
        }
    }

    long factCount() {
        long total = 0;
        for (long f : facts) {
            total += f;
        }
        return total;
    }

    /** The partitions that hold rows: an empty one is not worth a task. */
    java.util.List<Integer> nonEmptyPartitions() {
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        for (int i = 0; i < facts.length; i++) {
            if (facts[i] > 0) {
                ids.add(i);
            }
        }
        return ids;
    }

    FutureServiceDates futureDates() {
        return futureDates;
    }
}
