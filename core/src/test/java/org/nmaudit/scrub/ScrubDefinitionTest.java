package org.nmaudit.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Severity;
import org.nmaudit.history.HistoryImport;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.history.TestDatabase;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceReader;
import org.nmaudit.testing.CliRun;

/**
 * A scrub is what scrubbing.md defines, computed both ways on generated practices: the scrub of a month's
 * batch against the history, and the audit of the evaluation set (the history with the re-sent claims
 * replaced, the batch's claims that load, its documentation rows) restricted to the batch's claims.
 */
class ScrubDefinitionTest {
    @TempDir
    Path tmp;

    /** The history in memory, in the embedded store and in PostgreSQL (skipped with the reason when absent). */
    static List<Arguments> histories() {
        return List.of(Arguments.of(5L, "memory"), Arguments.of(6L, "memory"), Arguments.of(7L, "h2"),
                Arguments.of(7L, "postgresql"));
    }

    @ParameterizedTest(name = "seed {0}, history in {1}")
    @MethodSource("histories")
    void theScrubFindingsAreTheAuditOfTheEvaluationSetOnTheBatch(long seed, String kind) throws Exception {
        Path practice = tmp.resolve("practice");
        CliRun generated = CliRun.of("generate", "--patients", "500", "--months", "11", "--start", "2025-01-01",
                "--seed", Long.toString(seed), "--out", practice.toString());
        assertEquals(0, generated.exitCode(), generated::toString);
        ScrubScenario s = ScrubScenario.cut(practice, tmp.resolve("scenario"), LocalDate.of(2025, 11, 1), 30, 6, 4);

        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        Scrubber scrubber = new Scrubber(new RuleEngine(RuleCompiler.compile(folder)), folder.parameters(),
                new ReferenceReader(ReadProgress.SILENT).read(Path.of("data", "reference")));
        ScrubBatch batch = ScrubBatch.read(s.batch, ReadProgress.SILENT);
        ScrubResult result;
        if (kind.equals("memory")) {
            result = scrubber.scrub(batch, new DataSetHistory(new DataSetReader(ReadProgress.SILENT).read(s.history)),
                    null, Severity.HIGH);
        } else {
            try (TestDatabase db = kind.equals("h2") ? TestDatabase.h2() : TestDatabase.postgres();
                    HistoryStore store = HistoryStore.open(db.url())) {
                try (HistoryImport history = store.beginImport("the scenario's history")) {
                    new DataSetReader(ReadProgress.SILENT).read(s.history, history);
                    history.commit();
                }
                result = scrubber.scrub(batch, new StoreHistory(store), null, Severity.HIGH);
            }
        }

        Path audited = tmp.resolve("audit-of-evaluation-set");
        CliRun audit = CliRun.of("audit", s.evaluationSet.toString(), "--out", audited.toString());
        assertTrue(audit.exitCode() == 0 || audit.exitCode() == 5, audit::toString);
        assertEquals(new ObjectMapper().readTree(audited.resolve("run.json").toFile()).get("as_of").asText(),
                result.asOf().toString(), "the as-of date: the latest service date of the evaluation set");

        Set<String> sent = new LinkedHashSet<>(s.batchClaims);
        sent.removeAll(s.rejectedClaims);
        List<String> expected = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(audited.resolve("findings.csv"))) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (r.get("scope").equals("LINE") && sent.contains(r.get("claim_id"))) {
                    expected.add(r.get("finding_id") + " " + r.get("severity") + " " + withoutFileLines(r.get("message")));
                }
            }
        }
        List<String> scrubbed = new ArrayList<>();
        for (Finding f : result.findings().all()) {
            scrubbed.add(f.findingId() + " " + f.severity() + " " + withoutFileLines(f.message()));
        }
        assertTrue(expected.size() > 10, "the batch raises findings: " + expected.size());
        assertEquals(expected, scrubbed);

        Set<String> rejected = new LinkedHashSet<>();
        for (ClaimVerdict v : result.verdicts()) {
            Severity highest = v.findings().stream().map(Finding::severity).reduce((a, b) -> a.isAtLeast(b) ? a : b)
                    .orElse(null);
            Verdict expectedVerdict = s.rejectedClaims.contains(v.claimId()) ? Verdict.REJECTED
                    : highest != null && highest.isAtLeast(Severity.HIGH) ? Verdict.HOLD
                    : highest != null && highest.isAtLeast(Severity.LOW) ? Verdict.REVIEW : Verdict.PASS;
            assertEquals(expectedVerdict, v.verdict(), v.claimId());
            if (v.verdict() == Verdict.REJECTED) {
                rejected.add(v.claimId());
                assertEquals(List.of(), v.findings(), "a rejected claim is not evaluated");
            }
        }
        assertEquals(s.rejectedClaims, rejected);
        assertEquals(s.batchClaims, new LinkedHashSet<>(result.verdicts().stream().map(ClaimVerdict::claimId)
                .toList()), "every claim of the batch gets a verdict");
        assertTrue(result.count(Verdict.HOLD) > 0 && result.count(Verdict.PASS) > 0, result.verdicts().toString());
    }

    /**
     * Messages that cite a documentation row name its line in the file it was read from: the batch's file in
     * a scrub, the evaluation set's in the audit. The rest of the message must agree.
     */
    private static String withoutFileLines(String message) {
        return message.replaceAll("\\.csv \\(line \\d+\\)", ".csv (line ?)");
    }
}
