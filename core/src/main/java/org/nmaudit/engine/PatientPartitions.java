package org.nmaudit.engine;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nmaudit.facts.PatientFact;

/**
 * The loaded rows of a data set, spread over partitions by a hash of patient_id so that each partition
 * holds every row of its patients and can be audited on its own: the input is not sorted by patient,
 * and a large data set does not fit in memory, but one partition does. Rows keep their read order within
 * a partition, so a patient's facts come back in the order of the files.
 *
 * <p>A large data set's partitions are temporary files ({@link #create}); one that fits comfortably in the
 * heap keeps them in memory ({@link #inMemory}), which spares writing every fact out and reading it back
 * (on 1M lines a tenth of the audit's CPU). Either way the partitions, their order and their facts are
 * the same, so are the findings.
 */
public final class PatientPartitions implements Closeable {
    private static final int BUFFER = 1 << 16;

    /** Null when the partitions are held in memory. */
    private final Path folder;
    private final DataOutputStream[] writers;
    private final List<List<PatientFact>> held;
    private final long[] facts;
    private long total;

    private PatientPartitions(Path folder, int count) throws IOException {
        this.folder = folder;
        this.facts = new long[count];
        if (folder == null) {
            this.writers = null;
            this.held = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                held.add(new ArrayList<>());
            }
            return;
        }
        this.held = null;
        this.writers = new DataOutputStream[count];
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            writers[i] = new DataOutputStream(UnsharedBufferedStreams.output(Files.newOutputStream(file(i)), BUFFER));
        }
    }

    /**
     * Partitions in temporary files.
     *
     * @param folder a temporary folder of the run, created here and removed by {@link #close}
     */
    public static PatientPartitions create(Path folder, int count) throws IOException {
        return new PatientPartitions(folder, Math.max(1, count));
    }

    /** Partitions held in memory: for a data set known to fit in the heap many times over. */
    public static PatientPartitions inMemory(int count) {
        try {
            return new PatientPartitions(null, Math.max(1, count));
        } catch (IOException e) {
            throw new AssertionError("no file is opened for partitions in memory", e);
        }
    }

    /** Whether the partitions are held in memory rather than in files. */
    public boolean inMemory() {
        return held != null;
    }

    /**
     * How many partitions for a data set of this many bytes: one per {@code bytesPerPartition} of input, so
     * a partition's facts (several times their CSV size in memory) stay well inside the heap.
     */
    public static int countFor(long inputBytes, long bytesPerPartition) {
        return (int) Math.max(1, Math.min(4096, (inputBytes + bytesPerPartition - 1) / bytesPerPartition));
    }

    /** The partition of a patient: stable across runs, machines and JVMs (String.hashCode is specified). */
    public static int partitionOf(String patientId, int count) {
        return (patientId.hashCode() & 0x7FFFFFFF) % count;
    }

    public void add(PatientFact fact) {
        int p = partitionOf(fact.getPatientId(), facts.length);
        if (held != null) {
            held.get(p).add(fact);
            facts[p]++;
            total++;
            return;
        }
        try {
            FactCodec.write(writers[p], fact);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the temporary folder " + folder, e);
        }
        facts[p]++;
        total++;
    }

    /** Ends writing; the partitions can then be read. */
    public void finishWriting() throws IOException {
        if (writers == null) {
            return;
        }
        for (DataOutputStream w : writers) {
            w.close();
        }
    }

    public int count() {
        return facts.length;
    }

    public long factCount() {
        return total;
    }

    public long factCount(int partition) {
        return facts[partition];
    }

    /**
     * Each patient's facts of one partition, patients in first-seen order, facts in read order. A partition
     * held in memory is handed over once: it is let go here, so the heap holds each fact once.
     */
    public List<List<PatientFact>> patientsOf(int partition) throws IOException {
        List<PatientFact> partitionFacts = held != null ? held.set(partition, List.of()) : readBack(partition);
        return PatientBatches.byPatient(partitionFacts);
    }

    /** The facts of a partition file, in the order they were written. */
    private List<PatientFact> readBack(int partition) throws IOException {
        List<PatientFact> facts = new ArrayList<>();
        FactCodec codec = new FactCodec();
        try (DataInputStream in = new DataInputStream(UnsharedBufferedStreams.input(Files.newInputStream(file(partition)),
                BUFFER))) {
            while (true) {
                int tag;
                try {
                    tag = in.readUnsignedByte();
                } catch (EOFException end) {
                    break;
                }
                facts.add(codec.read(in, tag));
            }
        }
        return facts;
    }

    private Path file(int partition) {
        return folder.resolve("patients-" + partition + ".bin");
    }

    /** Removes the partition files (and the folder, when nothing else is in it). */
    @Override
    public void close() throws IOException {
        if (held != null) {
            held.replaceAll(p -> List.of());
            return;
        }
        for (DataOutputStream w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                // removing the file below is what matters
            }
        }
        for (int i = 0; i < writers.length; i++) {
            Files.deleteIfExists(file(i));
        }
    }
}
