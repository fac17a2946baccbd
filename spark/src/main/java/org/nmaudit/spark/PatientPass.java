package org.nmaudit.spark;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.nmaudit.engine.FactCodec;
import org.nmaudit.engine.PatientBatchResult;
import org.nmaudit.engine.PatientBatches;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.engine.SharedFacts;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.findings.Finding;

/**
 * The patient pass of one Spark task (mapPartitions over partition numbers): for each partition, its staged
 * rows are read and grouped by patient, cut into batches of whole patients of about
 * {@link RuleEngine#FACTS_PER_BATCH} facts, and each batch runs in a session of its own on the executor's
 * one rule base, exactly as the CLI runs a partition.
 */
final class PatientPass implements FlatMapFunction<Iterator<Integer>, PartitionResult> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<JobRules> rules;
    private final Broadcast<SharedFacts> shared;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final String stagingFolder;
    private final int factsPerBatch;

    PatientPass(Broadcast<JobRules> rules, Broadcast<SharedFacts> shared, Broadcast<SerializableConfiguration> hadoop,
            String stagingFolder, int factsPerBatch) {
        this.rules = rules;
        this.shared = shared;
        this.hadoop = hadoop;
        this.stagingFolder = stagingFolder;
        this.factsPerBatch = factsPerBatch;
    }

    @Override
    public Iterator<PartitionResult> call(Iterator<Integer> partitions) throws IOException {
        RuleEngine engine = rules.value().engine();
        List<PartitionResult> results = new ArrayList<>();
        while (partitions.hasNext()) {
            results.add(audit(engine, partitions.next()));
        }
        return results.iterator();
    }

    private PartitionResult audit(RuleEngine engine, int partition) throws IOException {
        List<List<PatientFact>> patients = patientsOf(partition);
        long facts = 0;
        List<Finding> findings = new ArrayList<>();
        List<Object> carried = new ArrayList<>();
        for (List<PatientFact> batch : PatientBatches.batches(patients, factsPerBatch)) {
            PatientBatchResult r;
            try {
                r = engine.evaluatePatients(shared.value(), batch);
            } catch (RuleSetupException e) {
                // A rule failed while firing (a bad parameter, a consequence that throws): the problems as text,
                // since the exception itself does not cross to the driver.
                throw new IllegalStateException(problems(e));
            }
            findings.addAll(r.findings());
            carried.addAll(r.carried());
            facts += batch.size();
        }
        return new PartitionResult(partition, facts, patients.size(), findings, carried);
    }

    /** Each patient's facts of one staged partition, as PatientPartitions.patientsOf reads a CLI partition. */
    private List<List<PatientFact>> patientsOf(int partition) throws IOException {
        Path file = StagedPatients.file(new Path(stagingFolder), partition);
        FileSystem fs = file.getFileSystem(hadoop.value().value());
        Map<String, List<PatientFact>> byPatient = new LinkedHashMap<>();
        FactCodec codec = new FactCodec();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(fs.open(file), 1 << 16))) {
            while (true) {
                int tag;
                try {
                    tag = in.readUnsignedByte();
                } catch (EOFException end) {
                    break;
                }
                PatientFact f = codec.read(in, tag);
                byPatient.computeIfAbsent(f.getPatientId(), p -> new ArrayList<>()).add(f);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ArrayList<>(byPatient.values());
    }

    /** Marks the message of a rule problem found on an executor, so the driver can tell it from a crash. */
    static final String RULE_PROBLEM = "nmaudit rule problem: ";

    static String problems(RuleSetupException e) {
        return RULE_PROBLEM + e.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }
}
