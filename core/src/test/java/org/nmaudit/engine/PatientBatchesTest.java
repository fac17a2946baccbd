package org.nmaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.facts.PsychEvaluation;

/** Whole patients per batch, in the order they came; a batch's patient count is what the progress line adds up. */
class PatientBatchesTest {
    @Test
    void aBatchHoldsWholePatientsInTheOrderTheyFirstCame() {
        List<PatientFact> facts = List.of(fact("P1", 1), fact("P2", 2), fact("P1", 3), fact("P3", 4), fact("P2", 5));
        List<List<PatientFact>> patients = PatientBatches.byPatient(facts);
        assertEquals(List.of(List.of(1L, 3L), List.of(2L, 5L), List.of(4L)), lines(patients));
        // 3 facts a batch: P1 (2) fits, P2 (2) would make 4 and starts the next one, P3 joins it
        List<List<PatientFact>> batches = PatientBatches.batches(patients, 3);
        assertEquals(List.of(List.of(1L, 3L), List.of(2L, 5L, 4L)), lines(batches));
        assertEquals(List.of(1, 2), batches.stream().map(PatientBatches::patientCount).toList());
        assertEquals(List.of(List.of(1L, 3L, 2L, 5L, 4L)), lines(PatientBatches.batches(patients, 100)));
        assertEquals(List.of(List.of(1L, 3L), List.of(2L, 5L), List.of(4L)), lines(PatientBatches.batches(patients, 1)),
                "a patient larger than a batch is still kept whole");
    }

    @Test
    void thePatientCountIsTheNumberOfDistinctPatientsOfEveryBatch() {
        Random random = new Random(20251);
        List<PatientFact> facts = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // a new String each time: ids are compared by value, not by identity
            facts.add(fact(new String("P" + random.nextInt(700)), i));
        }
        for (int size : List.of(1, 7, 50, 2_000, 10_000)) {
            for (List<PatientFact> batch : PatientBatches.batches(PatientBatches.byPatient(facts), size)) {
                assertEquals(batch.stream().map(PatientFact::getPatientId).distinct().count(),
                        PatientBatches.patientCount(batch), "batches of " + size);
            }
        }
        assertEquals(0, PatientBatches.patientCount(List.of()));
    }

    private static PatientFact fact(String patientId, long line) {
        return new PsychEvaluation(patientId, LocalDate.of(2025, 1, 1), "PhD", line);
    }

    private static List<List<Long>> lines(List<List<PatientFact>> groups) {
        return groups.stream().map(g -> g.stream().map(f -> ((PsychEvaluation) f).getSourceLine()).toList()).toList();
    }
}
