package org.nmaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.facts.PayerType;
import org.nmaudit.facts.PerformedBy;
import org.nmaudit.facts.ProgrammingSession;
import org.nmaudit.facts.PsychEvaluation;
import org.nmaudit.facts.RepeatTrialJustification;
import org.nmaudit.facts.TrialOutcome;
import org.nmaudit.input.DataFolder;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;

/**
 * The history store's Java API on both databases (each test runs on H2 and on PostgreSQL; without a
 * PostgreSQL server the PostgreSQL runs are skipped): facts read back exactly as the CSV reader loaded them,
 * replacement of claims, documentation rows stored once, all-or-nothing writes.
 */
class HistoryStoreTest {
    static final Path SAMPLE = Path.of("data/sample");

    /** The sample imported once per database, for the tests that only read it. */
    private static final Map<StoreLocation.Kind, ImportedSample> SAMPLES = new EnumMap<>(StoreLocation.Kind.class);

    @TempDir
    Path tmp;

    static List<TestDatabase> databases() {
        return TestDatabase.both().toList();
    }

    static List<StoreLocation.Kind> kinds() {
        return List.of(StoreLocation.Kind.H2, StoreLocation.Kind.POSTGRESQL);
    }

    /** The sample's facts and an import of it into a database of that kind. */
    record ImportedSample(TestDatabase db, HistoryStore store, StoredBatch batch, DataSet data) {
        static synchronized ImportedSample of(StoreLocation.Kind kind) throws Exception {
            ImportedSample sample = SAMPLES.get(kind);
            if (sample == null) {
                TestDatabase db = kind == StoreLocation.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgres();
                db.url();
                HistoryStore store = db.open();
                sample = new ImportedSample(db, store, importInto(store, SAMPLE), read(SAMPLE));
                SAMPLES.put(kind, sample);
            }
            return sample;
        }
    }

    @AfterAll
    static void closeSamples() throws IOException {
        for (ImportedSample sample : SAMPLES.values()) {
            sample.store().close();
            sample.db().close();
        }
        SAMPLES.clear();
    }

    // ---- the sample, imported -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void importedFactsComeBackAsTheCsvReaderLoadedThem(StoreLocation.Kind kind) throws Exception {
        ImportedSample imported = ImportedSample.of(kind);
        DataSet sample = imported.data();
        List<PatientFact> expected = withoutRepeatedDocumentation(sample.patientFacts());
        assertEquals(sample.patientFacts().size() - 4, expected.size(), "the sample repeats 4 programming sessions");

        assertEquals(new StoredBatch(1, StoredBatch.IMPORT, SAMPLE.toString(), imported.batch().storedAt(),
                claimIds(sample.claimLines()).size(), 0, 31_692, 8_006, 4), imported.batch());
        List<PatientFact> actual = imported.store().factsOfPatients(patientIds(sample.patientFacts()));
        assertEquals(FactFields.of(expected), FactFields.of(actual));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aScrubReadsTheFactsOfItsPatientsOnly(StoreLocation.Kind kind) throws Exception {
        ImportedSample imported = ImportedSample.of(kind);
        List<PatientFact> expected = withoutRepeatedDocumentation(imported.data().patientFacts());
        HistoryStore store = imported.store();
        List<String> few = List.of("P00000005", "P00000001", "P00000021", "NO-SUCH-PATIENT");
        List<PatientFact> theirs = expected.stream().filter(f -> few.contains(f.getPatientId())).toList();
        assertEquals(FactFields.of(theirs), FactFields.of(store.factsOfPatients(few)));
        assertEquals(List.of(), store.factsOfPatients(List.of("NO-SUCH-PATIENT")));
        assertEquals(List.of(), store.factsOfPatients(List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void streamingGivesEachPatientOnceWithAllTheirFacts(StoreLocation.Kind kind) throws Exception {
        ImportedSample imported = ImportedSample.of(kind);
        Map<String, List<PatientFact>> expected = new HashMap<>();
        for (PatientFact f : withoutRepeatedDocumentation(imported.data().patientFacts())) {
            expected.computeIfAbsent(f.getPatientId(), k -> new ArrayList<>()).add(f);
        }
        HistoryStore store = imported.store();
        List<String> order = new ArrayList<>();
        Map<String, List<PatientFact>> streamed = new HashMap<>();
        store.streamAllByPatient(facts -> {
            String patient = facts.get(0).getPatientId();
            facts.forEach(f -> assertEquals(patient, f.getPatientId()));
            order.add(patient);
            streamed.put(patient, facts);
        });
        // The database orders patient ids; the sample's (P and digits) sort the same in every collation.
        assertEquals(expected.keySet().stream().sorted().toList(), order);
        assertEquals(order, store.patientIds());
        for (String patient : order) {
            assertEquals(FactFields.of(expected.get(patient)), FactFields.of(streamed.get(patient)), patient);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void latestServiceDateAndCounts(StoreLocation.Kind kind) throws Exception {
        ImportedSample imported = ImportedSample.of(kind);
        DataSet sample = imported.data();
        HistoryStore store = imported.store();
        assertEquals(sample.latestServiceDate(), store.latestServiceDate());
        assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), store.latestServiceDate());
        assertEquals(new StoreCounts(1, claimIds(sample.claimLines()).size(), 31_692, 977, 52, 5_984, 993),
                store.counts());
        store.ping();
    }

    // ---- exact values -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyValueComesBackExactly(TestDatabase db) throws Exception {
        List<ClaimLine> claims = List.of(
                new ClaimLine("C-exact", 1, "P1", PayerType.MEDICARE_ADVANTAGE, "1234567893", LocalDate.of(2025, 2, 28),
                        "63650", List.of("XU", "59", "KX", "LT"), new BigDecimal("1.50"), List.of("M96.1", "G89.4", "Z45.42"),
                        "22", "131", "A,B \"quoted\"\nnext", new BigDecimal("29617.00"), new BigDecimal("-12.5"), 17),
                new ClaimLine("C-exact", 2, "P1", PayerType.OTHER, "1234567893", LocalDate.of(2025, 3, 1), "C1767",
                        List.of(), BigDecimal.ONE, List.of(), null, null, null, null, null, 18),
                new ClaimLine("C-exact", 3, "P1", PayerType.COMMERCIAL, "1234567893", LocalDate.of(2024, 12, 31), "0784T",
                        List.of("25"), new BigDecimal("3.000000000001"), List.of("M54"), "11", null, "",
                        new BigDecimal("12345678901234567890123456.5"), new BigDecimal("0.000000000001"), 19));
        List<PatientFact> documentation = List.of(
                new TrialOutcome("P1", LocalDate.of(2025, 3, 9), 33.333333333333336, 0.00001, null, null, null, 4),
                new TrialOutcome("P1", LocalDate.of(2025, 3, 10), 100.0, 0.0, Boolean.TRUE, "1234567893", "note, \"quoted\"", 5),
                new TrialOutcome("P1", LocalDate.of(2025, 3, 11), null, null, Boolean.FALSE, "x", "ünïcödé ✓ \\. done", 6),
                new RepeatTrialJustification("P1", LocalDate.of(2025, 1, 2), "lead migration on day 2\r\nsecond line", 2),
                new ProgrammingSession("P1", LocalDate.of(2025, 4, 1), PerformedBy.MANUFACTURER_REP, null, 3),
                new ProgrammingSession("P1", LocalDate.of(2025, 4, 1), PerformedBy.QHP, "'=HYPERLINK(\"x\")", 4),
                new PsychEvaluation("P1", LocalDate.of(2024, 12, 1), null, 2),
                new PsychEvaluation("P1", LocalDate.of(2024, 12, 2), "PsyD", 3));
        try (HistoryStore store = db.open()) {
            StoredBatch batch = store.record(claims, documentation, "test");
            assertEquals(new StoredBatch(1, StoredBatch.RECORD, "test", batch.storedAt(), 1, 0, 3, 8, 0), batch);
            List<PatientFact> expected = new ArrayList<>(claims);
            expected.addAll(documentation);
            assertEquals(FactFields.of(expected), FactFields.of(store.factsOfPatients(Set.of("P1"))));
        }
    }

    // ---- replacement and identical rows ------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoredClaimIdIsReplacedAsAWhole(TestDatabase db) throws Exception {
        try (HistoryStore store = db.open()) {
            store.record(List.of(line("X", 1, "P1", "63650"), line("X", 2, "P1", "C1778"), line("X", 3, "P1", "99214"),
                    line("Y", 1, "P1", "95970")), List.of(), "first");
            StoredBatch second = store.record(List.of(line("X", 1, "P2", "63685")), List.of(), "correction");

            assertEquals(1, second.claimsStored());
            assertEquals(1, second.claimsReplaced());
            assertEquals(List.of("Y/1 P1 95970"), describe(store.factsOfPatients(List.of("P1"))));
            assertEquals(List.of("X/1 P2 63685"), describe(store.factsOfPatients(List.of("P2"))));
            assertEquals(new StoreCounts(2, 2, 2, 0, 0, 0, 0), store.counts());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anIdenticalDocumentationRowIsStoredOnce(TestDatabase db) throws Exception {
        TrialOutcome first = outcome("P1", 40.0, "5-day trial", 2);
        TrialOutcome sameValuesOtherLine = outcome("P1", 40.0, "5-day trial", 9);
        TrialOutcome otherNote = outcome("P1", 40.0, "7-day trial", 3);
        TrialOutcome otherPatient = outcome("P2", 40.0, "5-day trial", 4);
        try (HistoryStore store = db.open()) {
            StoredBatch a = store.record(List.of(), List.of(first, sameValuesOtherLine), "a");
            assertEquals(1, a.documentationRowsAdded());
            assertEquals(1, a.documentationRowsAlreadyStored());
            StoredBatch b = store.record(List.of(), List.of(sameValuesOtherLine, otherNote, otherPatient), "b");
            assertEquals(2, b.documentationRowsAdded());
            assertEquals(1, b.documentationRowsAlreadyStored());
            // The row stored first keeps its source line.
            assertEquals(FactFields.of(List.of(first, otherNote, otherPatient)),
                    FactFields.of(store.factsOfPatients(List.of("P1", "P2"))));
        }
    }

    // ---- all or nothing ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRowTheStoreCannotHoldStoresNothingOfItsBatch(TestDatabase db) throws Exception {
        ClaimLine tooPrecise = new ClaimLine("Z", 1, "P1", PayerType.MEDICARE, "1234567893", LocalDate.of(2025, 1, 1),
                "95970", List.of(), BigDecimal.ONE, List.of(), null, null, null, new BigDecimal("1.0000000000001"), null, 7);
        TrialOutcome withNul = new TrialOutcome("P1", LocalDate.of(2025, 1, 1), null, null, null, null, "a\0b", 3);
        ClaimLine longId = line("C".repeat(501), 1, "P1", "95970");
        try (HistoryStore store = db.open()) {
            store.record(List.of(line("KEEP", 1, "P1", "95970")), List.of(), "before");
            HistoryException decimals = assertThrows(HistoryException.class,
                    () -> store.record(List.of(line("A", 1, "P1", "95970"), tooPrecise), List.of(), "x"));
            assertEquals("claims.csv line 7: billed_amount 1.0000000000001 has 13 decimals; the history store keeps"
                    + " at most 12; nothing was stored", decimals.getMessage());
            HistoryException nul = assertThrows(HistoryException.class,
                    () -> store.record(List.of(line("A", 1, "P1", "95970")), List.of(withNul), "x"));
            assertEquals("trial-outcomes.csv line 3: note contains a NUL character (byte 0), which the history store"
                    + " cannot hold; remove it from the file; nothing was stored", nul.getMessage());
            HistoryException id = assertThrows(HistoryException.class,
                    () -> store.record(List.of(longId), List.of(), "x"));
            assertEquals("claims.csv line 2: claim_id is 501 characters long; the history store keeps ids of at most"
                    + " 500 characters; nothing was stored", id.getMessage());
            assertEquals(new StoreCounts(1, 1, 1, 0, 0, 0, 0), store.counts());
            assertEquals(List.of("KEEP/1 P1 95970"), describe(store.factsOfPatients(List.of("P1"))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anImportThatIsNotCommittedLeavesTheStoreAsItWas(TestDatabase db) throws Exception {
        Path data = DataFolder.in(tmp.resolve("change"))
                .claims(DataFolder.claim("KEEP", "1").set("patient_id", "P9").set("cpt_code", "63685").toString(),
                        DataFolder.claim("NEW", "1").toString())
                .file("trial-outcomes.csv", "patient_id,documented_date,pain_relief_pct", "P1,2025-01-01,70").path();
        try (HistoryStore store = db.open()) {
            store.record(List.of(line("KEEP", 1, "P1", "95970")), List.of(), "before");
            try (HistoryImport started = store.beginImport(data.toString())) {
                new DataSetReader(ReadProgress.SILENT).read(data, started);
            }
            assertEquals(new StoreCounts(1, 1, 1, 0, 0, 0, 0), store.counts());
            assertEquals(List.of("KEEP/1 P1 95970"), describe(store.factsOfPatients(List.of("P1", "P9"))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anImportFailingHalfwayStoresNothing(TestDatabase db) throws Exception {
        Path data = DataFolder.in(tmp.resolve("bad"))
                .claims(DataFolder.claim("KEEP", "1").set("cpt_code", "63685").toString(),
                        DataFolder.claim("NEW", "1").toString(),
                        DataFolder.claim("NEW", "2").set("units", "1.0000000000001").toString())
                .path();
        try (HistoryStore store = db.open()) {
            store.record(List.of(line("KEEP", 1, "P1", "95970")), List.of(), "before");
            HistoryException e;
            try (HistoryImport started = store.beginImport(data.toString())) {
                // Rows are written by the import's own thread: a failure shows at the next hand-over or at commit.
                new DataSetReader(ReadProgress.SILENT).read(data, started);
                e = assertThrows(HistoryException.class, started::commit);
            }
            assertEquals("claims.csv line 4: units 1.0000000000001 has 13 decimals; the history store keeps at most"
                    + " 12; nothing was stored", e.getMessage());
            assertEquals(new StoreCounts(1, 1, 1, 0, 0, 0, 0), store.counts());
            assertEquals(List.of("KEEP/1 P1 95970"), describe(store.factsOfPatients(List.of("P1"))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEmptyStoreAndALineGivenTwice(TestDatabase db) throws Exception {
        try (HistoryStore store = db.open()) {
            assertEquals(Optional.empty(), store.latestServiceDate());
            assertEquals(new StoreCounts(0, 0, 0, 0, 0, 0, 0), store.counts());
            assertEquals(List.of(), store.patientIds());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.record(List.of(line("X", 1, "P1", "95970"), line("X", 1, "P1", "95971")), List.of(), "x"));
            assertEquals("claim X line 1 is given twice", e.getMessage());
            assertEquals(new StoreCounts(0, 0, 0, 0, 0, 0, 0), store.counts());
        }
    }

    // ---- the schema and the batches -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSchemaIsMigratedOnceAndEachBatchIsRecorded(TestDatabase db) throws Exception {
        try (HistoryStore store = db.open()) {
            store.record(List.of(line("X", 1, "P1", "95970"), line("X", 2, "P1", "95971")),
                    List.of(outcome("P1", 50.0, "n", 1), outcome("P1", 50.0, "n", 2)), "scrub data/batch");
        }
        try (HistoryStore again = db.open()) {
            again.record(List.of(line("X", 1, "P1", "95972")), List.of(outcome("P1", 50.0, "n", 1)), "POST /v1/history");
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertEquals(List.of("1|claim history|true", "2|fewer indexes|true"), rows(s, "SELECT \"version\", \"description\", \"success\""
                    + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""));
            assertEquals(List.of("1|RECORD|scrub data/batch|1|0|2|1|1", "2|RECORD|POST /v1/history|1|1|1|0|1"),
                    rows(s, "SELECT batch_id, kind, source, claims_stored, claims_replaced, claim_lines_stored,"
                            + " documentation_rows_added, documentation_rows_already_stored FROM batches ORDER BY batch_id"));
            assertEquals(List.of("2|X|1"), rows(s, "SELECT batch_id, claim_id, line_number FROM claim_lines"));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static DataSet read(Path folder) throws InputException {
        return new DataSetReader(ReadProgress.SILENT).read(folder);
    }

    static StoredBatch importInto(HistoryStore store, Path folder) throws Exception {
        try (HistoryImport sink = store.beginImport(folder.toString())) {
            new DataSetReader(ReadProgress.SILENT).read(folder, sink);
            return sink.commit();
        }
    }

    /** The first of documentation rows that load the same values (source line aside). */
    static List<PatientFact> withoutRepeatedDocumentation(List<PatientFact> facts) {
        Set<Map<String, Object>> seen = new HashSet<>();
        List<PatientFact> out = new ArrayList<>();
        for (PatientFact f : facts) {
            if (f instanceof ClaimLine) {
                out.add(f);
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>(FactFields.of(f));
            values.remove("getSourceLine");
            @SuppressWarnings("unchecked")
            Map<String, Object> evidence = new LinkedHashMap<>((Map<String, Object>) values.get("evidence"));
            evidence.remove("source_line");
            values.put("evidence", evidence);
            if (seen.add(values)) {
                out.add(f);
            }
        }
        return out;
    }

    static Set<String> claimIds(List<ClaimLine> lines) {
        Set<String> ids = new LinkedHashSet<>();
        lines.forEach(l -> ids.add(l.getClaimId()));
        return ids;
    }

    static List<String> patientIds(List<PatientFact> facts) {
        return facts.stream().map(PatientFact::getPatientId).distinct().toList();
    }

    static ClaimLine line(String claimId, int number, String patient, String cpt) {
        return new ClaimLine(claimId, number, patient, PayerType.MEDICARE, "1234567893", LocalDate.of(2025, 3, 14), cpt,
                List.of(), BigDecimal.ONE, List.of(), "11", null, null, new BigDecimal("100.00"), null, number + 1);
    }

    static TrialOutcome outcome(String patient, Double pain, String note, long sourceLine) {
        return new TrialOutcome(patient, LocalDate.of(2025, 2, 1), pain, null, Boolean.TRUE, null, note, sourceLine);
    }

    static List<String> describe(List<PatientFact> facts) {
        return facts.stream().map(f -> f instanceof ClaimLine l
                ? l.getClaimId() + "/" + l.getLineNumber() + " " + l.getPatientId() + " " + l.getCptCode()
                : f.toString()).toList();
    }

    static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(r.getObject(i)));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }
}
