package org.nmaudit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;

/**
 * A real audit, in a child JVM, killed (SIGKILL) while it replaces a report (findings-format.md, "Atomic
 * output"): the folder is always the previous report whole, no report, or the new report whole, never a
 * mix; the user's files in it survive; the next run cleans up what the killed one left. The child pauses
 * at each step of the writing ({@link AtomicReportFolder#PAUSE_PROPERTY}) and is killed at a chosen one;
 * one more child is killed at a random moment while it writes the report of data/sample.
 */
class KilledAuditTest {
    private static final String OLD_AS_OF = "2025-06-30";
    private static final String NEW_AS_OF = "2025-07-31";

    enum State { PREVIOUS, NONE, NEW }

    /** The steps of replacing a report at which a child is killed, and the state the folder is then in. */
    private static final Map<String, State> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("opened findings.json", State.PREVIOUS);
        STEPS.put("kept files linked", State.PREVIOUS);
        STEPS.put("previous report moved aside", State.NONE);
        STEPS.put("new report in place", State.NEW);
    }

    @TempDir
    Path tmp;

    private Path data;
    private Path rules;
    /** Each report folder's previous report files, byte for byte. */
    private final Map<Path, Map<String, byte[]>> previous = new LinkedHashMap<>();

    /**
     * A rules folder of one rule that flags every claim line: the test is about writing the report, and a
     * child JVM compiles it in a fraction of the time the shipped rules take.
     */
    @BeforeEach
    void dataAndRules() throws IOException {
        data = DataFolder.in(tmp.resolve("data")).claims(
                DataFolder.claim("T1", "1").set("patient_id", "P1").set("cpt_code", "63650")
                        .set("service_date", "2025-01-10").toString(),
                DataFolder.claim("I1", "1").set("patient_id", "P2").set("cpt_code", "63685")
                        .set("service_date", "2025-02-20").set("place_of_service", "24").toString(),
                DataFolder.claim("X1", "1").set("rendering_npi", "123").toString()).path();
        rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("parameters.properties"), "", StandardCharsets.UTF_8);
        Files.writeString(rules.resolve("lines.drl"), String.join("\n",
                "package rules;",
                "import org.nmaudit.facts.*;",
                "global org.nmaudit.findings.Flag flag;",
                "rule \"Every claim line\"",
                "    @id(T-EVERY-LINE)",
                "    @severity(LOW)",
                "    @citation(\"a test\")",
                "when",
                "    $line : ClaimLine()",
                "then",
                "    flag.line(kcontext, $line, \"claim line \" + $line.getClaimId());",
                "end", ""), StandardCharsets.UTF_8);
    }

    /** A previous report (with a diff.csv) and the user's files: a note and a folder with a letter. */
    private Path previousReport(String name) throws IOException {
        Path out = tmp.resolve("reports").resolve(name);
        audit(out, OLD_AS_OF);
        assertEquals(0, CliRun.of("diff", out.toString(), out.toString()).exitCode(), "diff.csv in the report");
        Files.writeString(out.resolve("notes.txt"), "the auditor's notes", StandardCharsets.UTF_8);
        Files.createDirectories(out.resolve("attachments"));
        Files.writeString(out.resolve("attachments").resolve("letter.txt"), "a letter", StandardCharsets.UTF_8);
        Map<String, byte[]> files = ownFiles(out);
        assertEquals(List.of("diff.csv", "findings.csv", "findings.json", "findings.xlsx", "provider-ratios.csv",
                "rejects.csv", "report.html", "run.json"), List.copyOf(files.keySet()));
        previous.put(out, files);
        return out;
    }

    /**
     * One child per step, all started at once (each replacing a report folder of its own) and each killed
     * at its step: the folder is in the state expected there; the clean-up of the next run puts the previous
     * report back (or keeps the new one) and leaves no hidden folder; the next run then replaces it.
     */
    @Test
    void killedAtEachStepOfReplacingTheReport() throws Exception {
        Map<String, Path> outs = new LinkedHashMap<>();
        Map<String, Process> children = new LinkedHashMap<>();
        for (String step : STEPS.keySet()) {
            Path out = previousReport("at-" + outs.size());
            outs.put(step, out);
            Process child = startAudit(out, step);
            // Should the step never come, the child is killed anyway, which ends the wait below.
            CompletableFuture.delayedExecutor(180, TimeUnit.SECONDS).execute(child::destroyForcibly);
            children.put(step, child);
        }
        for (String step : STEPS.keySet()) {
            Process child = children.get(step);
            Path out = outs.get(step);
            List<String> seen = new ArrayList<>();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    seen.add(line);
                    if (line.equals("nmaudit-report: " + step)) {
                        break;
                    }
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            }
            assertEquals("nmaudit-report: " + step, seen.isEmpty() ? "" : seen.get(seen.size() - 1),
                    "the child reached the step; its stderr: " + seen);

            State expected = STEPS.get(step);
            assertEquals(expected, stateOf(out), "killed at " + step);
            assertFalse(leftovers(out).isEmpty(), "killed at " + step + ": the run left its hidden folders");

            AtomicReportFolder.cleanUp(out.toAbsolutePath(), ReportWriter.REPORT_FILES);
            assertEquals(List.of(), leftovers(out), "killed at " + step + ", cleaned up");
            assertEquals(expected == State.NEW ? State.NEW : State.PREVIOUS, stateOf(out),
                    "killed at " + step + ": after the clean-up the previous report is back (or the new one stays)");

            audit(out, NEW_AS_OF);
            assertEquals(State.NEW, stateOf(out), "killed at " + step + ", then the next run");
            assertEquals(List.of(), leftovers(out), "killed at " + step + ", then the next run");
        }
    }

    /**
     * Killed at a random moment (seeded, printed) while it writes the report of data/sample, one finding
     * per claim line: whatever the moment, the folder is the previous report, none or the new one.
     */
    @Test
    void killedAtARandomMomentWhileWritingALargerReport() throws Exception {
        Path out = previousReport("random");
        data = Path.of("data/sample");
        long seed = System.nanoTime();
        int delayMillis = new Random(seed).nextInt(1500);
        Process child = startAudit(out, null);
        CompletableFuture.delayedExecutor(180, TimeUnit.SECONDS).execute(child::destroyForcibly);
        boolean writing = false;
        while (!writing && child.isAlive()) {
            try (Stream<Path> entries = Files.list(out.getParent())) {
                writing = entries.anyMatch(p -> p.getFileName().toString().startsWith(".random.nmaudit-staging-"));
            }
            Thread.sleep(2);
        }
        assertTrue(writing, "the child started writing its report (seed " + seed + ")");
        Thread.sleep(delayMillis);
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));

        State state = stateOf(out);
        System.out.println("KilledAuditTest: killed " + delayMillis + " ms into writing: " + state + " (seed " + seed
                + ")");
        AtomicReportFolder.cleanUp(out.toAbsolutePath(), ReportWriter.REPORT_FILES);
        assertEquals(List.of(), leftovers(out), "seed " + seed);
        assertEquals(state == State.NEW ? State.NEW : State.PREVIOUS, stateOf(out), "seed " + seed);
    }

    // ---- the folder's state ---------------------------------------------------------------------------

    /**
     * PREVIOUS: the report files byte for byte as before; NEW: the five files of a complete run as of
     * NEW_AS_OF, each whole; NONE: no folder. Whenever the folder is there, the user's files are too.
     */
    private State stateOf(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return State.NONE;
        }
        assertEquals("the auditor's notes", Files.readString(folder.resolve("notes.txt")));
        assertEquals("a letter", Files.readString(folder.resolve("attachments").resolve("letter.txt")));
        Map<String, byte[]> own = ownFiles(folder);
        Map<String, byte[]> before = previous.get(folder);
        if (own.keySet().equals(before.keySet())) {
            for (Map.Entry<String, byte[]> f : before.entrySet()) {
                assertArrayEquals(f.getValue(), own.get(f.getKey()), f.getKey() + " is the previous report's");
            }
            return State.PREVIOUS;
        }
        assertEquals(List.of("findings.csv", "findings.json", "findings.xlsx", "provider-ratios.csv", "rejects.csv", "report.html", "run.json"),
                List.copyOf(own.keySet()), "the new report's files, and no file of the previous one");
        ReportFolder report = ReportFolder.open(folder);
        assertEquals(NEW_AS_OF, report.run().asOf());
        report.findings();
        assertEquals(NEW_AS_OF, report.lookUp("0").run().asOf());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(folder.resolve("run.json").toFile()),
                json.readTree(folder.resolve("findings.json").toFile()).get("run"));
        for (String csv : List.of("rejects.csv", "provider-ratios.csv")) {
            CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(Files.readString(folder.resolve(csv))))
                    .forEach(r -> assertTrue(r.isConsistent(), csv + " row " + r.getRecordNumber()));
        }
        return State.NEW;
    }

    private static Map<String, byte[]> ownFiles(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : ReportWriter.REPORT_FILES) {
            Path p = folder.resolve(name);
            if (Files.exists(p)) {
                files.put(name, Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static List<String> leftovers(Path out) throws IOException {
        String prefix = "." + out.getFileName() + ".";
        try (Stream<Path> entries = Files.list(out.getParent())) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    // ---- runs -----------------------------------------------------------------------------------------

    private void audit(Path out, String asOf) {
        CliRun run = CliRun.of("audit", data.toString(), "--rules", rules.toString(), "--out", out.toString(),
                "--as-of", asOf);
        assertEquals(5, run.exitCode(), run.err());
    }

    /** nmaudit audit in a JVM of its own, on the test's class path, pausing at a step if one is given. */
    private Process startAudit(Path out, String pauseAt) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        if (pauseAt != null) {
            command.add("-D" + AtomicReportFolder.PAUSE_PROPERTY + "=" + pauseAt);
        }
        command.addAll(List.of("org.nmaudit.cli.Main", "audit", data.toAbsolutePath().toString(), "--rules",
                rules.toAbsolutePath().toString(), "--out", out.toAbsolutePath().toString(), "--as-of", NEW_AS_OF));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (pauseAt == null) {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        return builder.start();
    }
}
