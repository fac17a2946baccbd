package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;

/**
 * The audit of data/sample through the patient-partitioned engine: the same report bytes for any number
 * of workers and with partitions in memory or in files, and no temporary file left behind, after success
 * or failure.
 */
class PatientPartitionedAuditTest {
    private static final List<String> SAME_BYTES = List.of("findings.csv", "provider-ratios.csv", "rejects.csv");

    @TempDir
    Path tmp;

    @Test
    void theReportIsTheSameForOneTwoAndFiveWorkers() throws IOException {
        Path one = audit("1");
        for (String threads : List.of("2", "5")) {
            Path other = audit(threads);
            for (String file : SAME_BYTES) {
                assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(other.resolve(file)),
                        file + " with " + threads + " workers");
            }
            assertEquals(findingsJsonWithoutTimes(one), findingsJsonWithoutTimes(other),
                    "findings.json with " + threads + " workers");
        }
    }

    @Test
    void partitionsInFilesGiveTheReportOfPartitionsInMemory() throws IOException {
        Path inMemory = audit("2");
        Path inFiles;
        System.setProperty("nmaudit.test.partitionsOnDisk", "true");
        try {
            inFiles = audit("2", "in-files");
        } finally {
            System.clearProperty("nmaudit.test.partitionsOnDisk");
        }
        for (String file : SAME_BYTES) {
            assertArrayEquals(Files.readAllBytes(inMemory.resolve(file)), Files.readAllBytes(inFiles.resolve(file)),
                    file);
        }
        assertEquals(findingsJsonWithoutTimes(inMemory), findingsJsonWithoutTimes(inFiles), "findings.json");
    }

    @Test
    void temporaryFilesGoUnderTmpAndAreRemoved() throws IOException {
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        CliRun run;
        System.setProperty("nmaudit.test.partitionsOnDisk", "true");
        try {
            run = CliRun.of("audit", "data/sample", "--out", tmp.resolve("out").toString(), "--tmp",
                    scratch.toString());
        } finally {
            System.clearProperty("nmaudit.test.partitionsOnDisk");
        }
        assertEquals(5, run.exitCode(), run::toString);
        assertEquals(List.of(), list(scratch), "nothing left in --tmp");
    }

    @Test
    void temporaryFilesAreRemovedWhenTheRulesFailToCompile() throws IOException {
        Path rules = tmp.resolve("broken-rules");
        org.nmaudit.testing.RulesCopy.in(rules).append("coding.drl", "rule \"broken\" when Nothing() then end\n");
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        CliRun run = CliRun.of("audit", "data/sample", "--rules", rules.toString(), "--out",
                tmp.resolve("out").toString(), "--tmp", scratch.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("problem(s) in the rules"), run.err());
        assertEquals(List.of(), list(scratch), "nothing left in --tmp");
    }

    @Test
    void aKilledRunsTemporaryFolderIsRemovedByTheNextRun() throws IOException {
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        // a process id that is not running: the folder of a run killed outright
        Path leftover = Files.createDirectories(scratch.resolve(".nmaudit-tmp-" + Integer.MAX_VALUE + "-0/partitions"));
        Files.writeString(leftover.resolve("patients-0.bin"), "x");
        Path foreign = Files.writeString(scratch.resolve("keep-me.txt"), "not ours");
        CliRun run = CliRun.of("audit", "data/sample", "--out", tmp.resolve("out").toString(), "--tmp",
                scratch.toString());
        assertEquals(5, run.exitCode(), run::toString);
        assertEquals(List.of(foreign.getFileName().toString()), list(scratch));
    }

    @Test
    void threadsMustBePositive() {
        CliRun run = CliRun.of("audit", "data/sample", "--out", tmp.resolve("out").toString(), "--threads", "0");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("nmaudit: --threads must be 1 or more (it is 0)\n", run.err());
    }

    private Path audit(String threads) {
        return audit(threads, "out-" + threads);
    }

    private Path audit(String threads, String outName) {
        Path out = tmp.resolve(outName);
        CliRun run = CliRun.of("audit", "data/sample", "--out", out.toString(), "--threads", threads);
        assertEquals(5, run.exitCode(), run::toString);
        return out;
    }

    private static JsonNode findingsJsonWithoutTimes(Path report) throws IOException {
        JsonNode json = new ObjectMapper().readTree(report.resolve("findings.json").toFile());
        ObjectNode run = (ObjectNode) json.get("run");
        for (String field : List.of("started_at", "finished_at", "wall_time_ms", "output_folder")) {
            run.remove(field);
        }
        return json;
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
