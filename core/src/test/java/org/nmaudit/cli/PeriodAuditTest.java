package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.engine.EngineResult;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Scope;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;
import org.nmaudit.testing.CliRun;

/**
 * {@code audit --period} against periods.md, worked out a second way: a plain audit, in memory, of the loaded
 * rows left after the cut (nothing dated after the period's end), as of the period's end, whose line findings
 * are kept when the flagged line is in the period. The period audit must report exactly those, with the
 * rejects of a plain audit and after_period counts per file.
 */
class PeriodAuditTest {
    @TempDir
    static Path tmp;

    private static DataSet sample;
    private static ReferenceData reference;

    @BeforeAll
    static void readTheSampleOnce() throws Exception {
        sample = new DataSetReader(ReadProgress.SILENT).read(Path.of("data", "sample"));
        reference = new ReferenceReader(ReadProgress.SILENT).read(Path.of("data", "reference"));
    }

    @ParameterizedTest(name = "{0} lookback {3}")
    @CsvSource({"2025-11, 2025-11-01, 2025-11-30, 0", "2025-10..2025-12, 2025-10-01, 2025-12-31, 0",
        "2024-08, 2024-08-01, 2024-08-31, 0", "2025-06..2025-06, 2025-06-01, 2025-06-30, 180"})
    void aPeriodReportsThePlainAuditOfTheCutDataInsideThePeriod(String period, String start, String end,
            String lookback) throws Exception {
        LocalDate s = LocalDate.parse(start);
        LocalDate e = LocalDate.parse(end);
        Path out = tmp.resolve("out-" + period + "-" + lookback);
        CliRun run = CliRun.of("audit", "data/sample", "--period", period, "--param", "ratio_lookback_days=" + lookback,
                "--out", out.toString());
        assertEquals(5, run.exitCode(), run::toString);

        List<Object> cut = new ArrayList<>();
        Map<String, Long> after = new TreeMap<>();
        for (PatientFact f : sample.patientFacts()) {
            if (f.recordDay() > e.toEpochDay()) {
                after.merge(DataSetReader.fileNameOf(f), 1L, Long::sum);
            } else {
                cut.add(f);
            }
        }
        reference.facts().forEach(cut::add);
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        ParameterSet parameters = folder.parameters().withOverrides(List.of("ratio_lookback_days=" + lookback));
        EngineResult plain = new RuleEngine(RuleCompiler.compile(folder)).run(parameters, e, cut);
        List<String> expected = new ArrayList<>();
        for (Finding f : plain.findings().all()) {
            if (f.scope() == Scope.PROVIDER || !f.serviceDate().isBefore(s) && !f.serviceDate().isAfter(e)) {
                expected.add(f.findingId() + " " + f.ruleId() + " " + f.severity() + " " + f.message());
            }
        }
        List<String> reported = new ArrayList<>();
        for (CSVRecord r : csv(out.resolve("findings.csv"))) {
            reported.add(r.get("finding_id") + " " + r.get("rule_id") + " " + r.get("severity") + " " + r.get("message"));
        }
        assertEquals(expected, reported);
        assertEquals(plain.ratios().size(), csv(out.resolve("provider-ratios.csv")).size());

        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(e.toString(), json.get("as_of").asText());
        assertEquals(period, json.get("period").get("period").asText());
        assertEquals(start, json.get("period").get("start").asText());
        assertEquals(end, json.get("period").get("end").asText());
        long inPeriod = sample.claimLines().stream().filter(l -> !l.getServiceDate().isBefore(s)
                && !l.getServiceDate().isAfter(e)).count();
        assertEquals(inPeriod, json.get("period").get("claim_lines_in_period").asLong());
        for (JsonNode file : json.get("input_files")) {
            long afterPeriod = file.get("after_period").asLong();
            assertEquals(after.getOrDefault(file.get("file").asText(), 0L), afterPeriod, file.toString());
            assertEquals(file.get("rows_read").asLong(), file.get("rows_loaded").asLong()
                    + file.get("rows_rejected").asLong(), file.toString());
            assertTrue(afterPeriod <= file.get("rows_loaded").asLong(), file.toString());
        }
        assertEquals(List.of(), findingsOutside(out, s, e));
    }

    @Test
    void rejectsAreThoseOfAPlainAudit() throws IOException {
        Path plain = tmp.resolve("plain");
        Path period = tmp.resolve("period");
        assertEquals(5, CliRun.of("audit", "data/sample", "--out", plain.toString()).exitCode());
        assertEquals(5, CliRun.of("audit", "data/sample", "--period", "2024-09", "--out", period.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(plain.resolve("rejects.csv")),
                Files.readAllBytes(period.resolve("rejects.csv")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13", "2025-1", "25-01", "2025-00", "2025-03..2025-02", "2025-03..", "2025-03..2025-3",
        "2025-03-01", " 2025-03", "2025/03"})
    void aMalformedPeriodIsAUsageError(String period) {
        CliRun run = CliRun.of("audit", "data/sample", "--period", period, "--out", tmp.resolve("bad").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("nmaudit: --period " + period), run.err());
        assertTrue(!Files.exists(tmp.resolve("bad")), "nothing written");
    }

    @Test
    void anAsOfBeforeThePeriodsEndIsAUsageErrorAndALaterOneIsUsed() throws IOException {
        CliRun early = CliRun.of("audit", "data/sample", "--period", "2025-11", "--as-of", "2025-11-29", "--out",
                tmp.resolve("early").toString());
        assertEquals(2, early.exitCode(), early::toString);
        assertEquals("nmaudit: --as-of 2025-11-29 is before the end of --period 2025-11 (2025-11-30); a period is"
                + " judged with everything known up to its end\n", early.err());
        CliRun late = CliRun.of("audit", "data/sample", "--period", "2025-11", "--as-of", "2025-12-15", "--out",
                tmp.resolve("late").toString());
        assertEquals(5, late.exitCode(), late::toString);
        assertEquals("2025-12-15", new ObjectMapper().readTree(tmp.resolve("late").resolve("run.json").toFile())
                .get("as_of").asText());
    }

    @Test
    void aNegativeLookbackIsAUsageError() {
        CliRun run = CliRun.of("audit", "data/sample", "--param", "ratio_lookback_days=-1", "--out",
                tmp.resolve("neg").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("nmaudit: ratio_lookback_days = -1 (--param) is negative: 0 counts every trial episode in the"
                + " conversion ratio, N > 0 the episodes of the last N days\n", run.err());
    }

    @Test
    void theDefaultFolderIsNamedForThePeriod() throws IOException {
        Path data = tmp.resolve("small");
        Files.createDirectories(data);
        Files.writeString(data.resolve("claims.csv"), "claim_id,line_number,patient_id,payer_type,rendering_npi,"
                + "service_date,cpt_code\nC1,1,P1,MEDICARE,1234567893,2031-07-10,95970\n");
        Path expected = Path.of("reports", "2031-06..2031-07");
        CliRun run = CliRun.of("audit", data.toString(), "--period", "2031-06..2031-07");
        try {
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(Files.isRegularFile(expected.resolve("findings.csv")), run.out());
            assertTrue(run.out().contains("Output folder: " + expected), run.out());
        } finally {
            try (var files = Files.list(expected)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(expected);
        }
    }

    private static List<String> findingsOutside(Path out, LocalDate s, LocalDate e) throws IOException {
        List<String> outside = new ArrayList<>();
        for (CSVRecord r : csv(out.resolve("findings.csv"))) {
            if (r.get("scope").equals("LINE")) {
                LocalDate d = LocalDate.parse(r.get("service_date"));
                if (d.isBefore(s) || d.isAfter(e)) {
                    outside.add(r.get("finding_id"));
                }
            }
        }
        return outside;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
