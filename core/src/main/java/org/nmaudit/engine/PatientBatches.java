package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.facts.PatientFact;

/**
 * Cuts patients' facts into batches for the patient pass: whole patients, in the order they came, about
 * {@code factsPerBatch} facts a batch. One session per batch: a session per patient would pay the
 * session's fixed cost tens of thousands of times; a batch costs it once and keeps the session small.
 */
public final class PatientBatches {
    private PatientBatches() {
    }

    /** Each patient's facts, in the order the patients first appear and, within one, the facts came. */
    public static List<List<PatientFact>> byPatient(Iterable<? extends PatientFact> facts) {
        Map<String, List<PatientFact>> byPatient = new LinkedHashMap<>();
        for (PatientFact f : facts) {
            byPatient.computeIfAbsent(f.getPatientId(), p -> new ArrayList<>()).add(f);
        }
        return new ArrayList<>(byPatient.values());
    }

    /**
     * How many patients a batch of {@link #batches} holds: its patients' facts come one patient after another,
     * so a patient begins wherever the patient id changes (no set of ids to build: the count is taken for every
     * batch, on the thread that hands batches to the workers).
     */
    public static int patientCount(List<PatientFact> batch) {
        int count = 0;
        String previous = null;
        for (PatientFact f : batch) {
            String id = f.getPatientId();
            if (previous == null || !previous.equals(id)) {
                count++;
                previous = id;
            }
        }
        return count;
    }

    public static List<List<PatientFact>> batches(List<List<PatientFact>> patients, int factsPerBatch) {
        List<List<PatientFact>> batches = new ArrayList<>();
        List<PatientFact> current = new ArrayList<>();
        for (List<PatientFact> patient : patients) {
            if (!current.isEmpty() && current.size() + patient.size() > factsPerBatch) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.addAll(patient);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
