package org.nmaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.facts.PayerType;
import org.nmaudit.facts.PerformedBy;
import org.nmaudit.facts.ProgrammingSession;
import org.nmaudit.facts.PsychEvaluation;
import org.nmaudit.facts.RepeatTrialJustification;
import org.nmaudit.facts.TrialOutcome;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.ReadProgress;

/**
 * Facts go to partitions (files or memory) and come back equal, every field, grouped by patient in read order.
 */
class PatientPartitionsTest {
    @TempDir
    Path tmp;

    @Test
    void everyFieldComesBackAsWritten() throws Exception {
        ClaimLine full = new ClaimLine("C-é 1", 3, "P1", PayerType.MEDICARE_ADVANTAGE, "1234567893",
                LocalDate.of(2025, 2, 28), "63650", List.of("59", "XU"), new BigDecimal("2.50"),
                List.of("M96.1", "G89.4"), "22", "131", "AB1H12345678901", new BigDecimal("-1234567890123456789012.10"),
                new BigDecimal("0.00"), 17);
        ClaimLine bare = new ClaimLine("C2", 1, "P2", PayerType.OTHER, "1245319599", LocalDate.of(1999, 12, 31),
                "L8680", List.of(), BigDecimal.ONE, List.of(), null, null, null, null, null, 18);
        List<PatientFact> facts = List.of(full, bare,
                new TrialOutcome("P1", LocalDate.of(2025, 3, 1), 62.5, null, true, null, "note, \"quoted\"", 2),
                new TrialOutcome("P2", LocalDate.of(2025, 3, 2), null, 0.0, null, "1234567893", null, 3),
                new RepeatTrialJustification("P1", LocalDate.of(2025, 3, 3), "lead migration", 4),
                new ProgrammingSession("P2", LocalDate.of(2025, 3, 4), PerformedBy.MANUFACTURER_REP, null, 5),
                new PsychEvaluation("P1", LocalDate.of(2025, 3, 5), "PhD", 6));
        List<PatientFact> back = roundTrip(facts, 1);
        assertEquals(facts.size(), back.size());
        for (int i = 0; i < facts.size(); i++) {
            PatientFact in = facts.get(i);
            PatientFact out = back.stream().filter(f -> f.evidence().equals(in.evidence())).findFirst().orElseThrow(
                    () -> new AssertionError("not read back: " + in.evidence()));
            assertSame(in.getClass(), out.getClass());
            assertEquals(in.recordDay(), out.recordDay());
        }
        ClaimLine fullBack = (ClaimLine) back.get(0);
        assertEquals(new BigDecimal("2.50"), fullBack.getUnits());
        assertEquals(2, fullBack.getUnits().scale(), "the scale is kept: 2.50 stays 2.50");
        assertEquals(full.getModifierSet(), fullBack.getModifierSet());
        assertEquals(full.getAmountAtRisk(), fullBack.getAmountAtRisk());
    }

    @ParameterizedTest(name = "in memory: {0}")
    @ValueSource(booleans = {false, true})
    void aPatientsFactsStayTogetherAndInReadOrder(boolean inMemory) throws Exception {
        DataSet sample = new DataSetReader(ReadProgress.SILENT).read(Path.of("data", "sample"));
        Path folder = tmp.resolve("p");
        Files.createDirectories(folder);
        try (PatientPartitions partitions = inMemory ? PatientPartitions.inMemory(5)
                : PatientPartitions.create(folder, 5)) {
            assertEquals(inMemory, partitions.inMemory());
            sample.patientFacts().forEach(partitions::add);
            partitions.finishWriting();
            assertEquals(sample.patientFacts().size(), partitions.factCount());
            List<List<PatientFact>> expected = PatientBatches.byPatient(sample.patientFacts());
            List<List<PatientFact>> read = new ArrayList<>();
            for (int p = 0; p < partitions.count(); p++) {
                for (List<PatientFact> patient : partitions.patientsOf(p)) {
                    assertEquals(p, PatientPartitions.partitionOf(patient.get(0).getPatientId(), 5));
                    read.add(patient);
                }
            }
            assertEquals(expected.size(), read.size(), "every patient once");
            for (List<PatientFact> patient : read) {
                List<PatientFact> original = expected.stream()
                        .filter(e -> e.get(0).getPatientId().equals(patient.get(0).getPatientId())).findFirst()
                        .orElseThrow();
                assertEquals(original.stream().map(PatientFact::evidence).toList(),
                        patient.stream().map(PatientFact::evidence).toList());
            }
        }
        assertFalse(Files.list(folder).findAny().isPresent(), "close removes the partition files");
    }

    @Test
    void aPartitionHeldInMemoryIsHandedOverOnce() throws Exception {
        ClaimLine line = new ClaimLine("C1", 1, "P1", PayerType.MEDICARE, "1234567893", LocalDate.of(2025, 2, 28),
                "63650", List.of(), BigDecimal.ONE, List.of(), null, null, null, null, null, 2);
        try (PatientPartitions partitions = PatientPartitions.inMemory(1)) {
            partitions.add(line);
            partitions.finishWriting();
            assertEquals(List.of(List.of(line)), partitions.patientsOf(0));
            assertEquals(List.of(), partitions.patientsOf(0), "the partition's facts are let go once handed over");
            assertEquals(1, partitions.factCount(0));
        }
    }

    @Test
    void partitionCountFollowsTheInputSize() {
        assertEquals(1, PatientPartitions.countFor(0, 100));
        assertEquals(1, PatientPartitions.countFor(100, 100));
        assertEquals(2, PatientPartitions.countFor(101, 100));
        assertEquals(4096, PatientPartitions.countFor(Long.MAX_VALUE / 2, 1));
    }

    private List<PatientFact> roundTrip(List<PatientFact> facts, int count) throws Exception {
        try (PatientPartitions partitions = PatientPartitions.create(tmp.resolve("rt"), count)) {
            facts.forEach(partitions::add);
            partitions.finishWriting();
            List<PatientFact> back = new ArrayList<>();
            for (int p = 0; p < count; p++) {
                partitions.patientsOf(p).forEach(back::addAll);
            }
            return back;
        }
    }
}
