package org.nmaudit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nmaudit.cli.Main;

/**
 * A seeded fuzzer in the test suite: it mutates small slices of data/sample ({@link Mutations}) and audits
 * each mutant in-process ({@code Main.run}), checking {@link ReportInvariants}. Each mutant has a seed of
 * its own, derived from the run's seed; a failure prints it, and
 * {@code mvn -pl core test -Dtest=InputFuzzTest -Dfuzz.seed=SEED} replays that one mutant and keeps its
 * data and report in core/target/fuzz/SEED. {@code -Dfuzz.mutants=N} and {@code -Dfuzz.runSeed=S} change
 * how many mutants run and which.
 */
class InputFuzzTest {
    /** At least 10,000 mutants per CI run (issue 9); about a minute on two cores. */
    private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 10_000);
    private static final long RUN_SEED = Long.getLong("fuzz.runSeed", 20_251_209L);
    private static final int PATIENTS_PER_SLICE = 2;
    private static final Path WORK = Path.of("core", "target", "fuzz");

    private static final List<List<String>> SELECTIONS = List.of(List.of(), List.of(), List.of(), List.of(),
            List.of("--only", "NM-RATIO,NM-TRIAL-DOC"), List.of("--disable", "NM-DUP-LINE"));
    private static final List<String> PARAMETERS = List.of("programming_window_days=0",
            "programming_window_days=-5", "programming_window_days=2147483647", "ratio_threshold=1.5",
            "ratio_threshold=abc", "units_max_63650_per_day=0", "trial_period_days=99999999999",
            "underpayment_tolerance=-1", "psych_eval_max_age_days=1e9", "nope=1");

    private static SampleSlices slices;

    /** One mutant: its files (null = deleted), the mutations applied and the audit's options. */
    record Mutant(long seed, Map<String, byte[]> files, List<String> mutations, List<String> options) {
        boolean strict() {
            return options.contains("--strict");
        }

        String describe() {
            return "seed " + seed + ": " + String.join("; ", mutations) + (options.isEmpty() ? "" : "; options "
                    + String.join(" ", options));
        }
    }

    private static synchronized SampleSlices slices() {
        if (slices == null) {
            slices = new SampleSlices(Path.of("data", "sample"), PATIENTS_PER_SLICE);
        }
        return slices;
    }

    static Mutant mutant(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, byte[]> files = new LinkedHashMap<>(slices().slice(random.nextInt(slices().count())));
        List<String> applied = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String file = SampleSlices.FILES.get(random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(4));
            Mutations.Mutation m = Mutations.ALL.get(random.nextInt(Mutations.ALL.size()));
            byte[] content = files.get(file);
            if (content == null) {
                continue;
            }
            String mutated = m.apply().apply(new Mutations.Context(random, file), Mutations.latin1(content));
            files.put(file, mutated == null ? null : Mutations.bytes(mutated));
            applied.add(m.name() + " (" + file + ")");
        }
        List<String> options = new ArrayList<>();
        int asOf = random.nextInt(20);
        if (asOf == 0) {
            options.addAll(List.of("--as-of", random.nextBoolean() ? "0001-01-01" : "9999-12-31"));
        } else if (asOf < 3) {
            options.addAll(List.of("--as-of", "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)));
        }
        if (random.nextInt(10) == 0) {
            options.add("--strict");
        }
        if (random.nextInt(20) == 0) {
            options.addAll(List.of("--param", PARAMETERS.get(random.nextInt(PARAMETERS.size()))));
        }
        options.addAll(SELECTIONS.get(random.nextInt(SELECTIONS.size())));
        return new Mutant(seed, files, applied, options);
    }

    /** What one audit did: its exit code and the invariants it broke (none, as a rule). */
    record Outcome(int exitCode, List<String> broken) {
    }

    /** The audit of one mutant in {@code folder} (data/ and out/ under it). */
    static Outcome audit(Mutant mutant, Path folder) throws IOException {
        Path data = folder.resolve("data");
        Path out = folder.resolve("out");
        deleteTree(data);
        deleteTree(out);
        Files.createDirectories(data);
        for (Map.Entry<String, byte[]> f : mutant.files().entrySet()) {
            if (f.getValue() != null) {
                Files.write(data.resolve(f.getKey()), f.getValue());
            }
        }
        List<String> args = new ArrayList<>(List.of("audit", data.toString(), "--out", out.toString()));
        args.addAll(mutant.options());
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Main.run(new PrintWriter(stdout), new PrintWriter(stderr), args.toArray(String[]::new));
        List<String> broken = ReportInvariants.check(exit, stderr.toString(), out, mutant.strict());
        if (!broken.isEmpty()) {
            List<String> described = new ArrayList<>(broken);
            described.add("stderr: " + stderr.toString().strip().lines().limit(5).toList());
            return new Outcome(exit, described);
        }
        return new Outcome(exit, broken);
    }

    @Test
    void mutantsOfTheSampleNeverBreakTheAudit() throws Exception {
        String replay = System.getProperty("fuzz.seed");
        if (replay != null) {
            replay(Long.parseLong(replay));
            return;
        }
        SplittableRandom seeds = new SplittableRandom(RUN_SEED);
        long[] mutantSeeds = new long[MUTANTS];
        for (int i = 0; i < MUTANTS; i++) {
            mutantSeeds[i] = seeds.nextLong();
        }
        slices();
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "rules", "check");

        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        Map<Long, List<String>> failures = Collections.synchronizedMap(new TreeMap<>());
        Map<Integer, AtomicInteger> exits = new ConcurrentSkipListMap<>();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Path folder = Files.createDirectories(WORK.resolve("worker-" + t));
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < MUTANTS; i = next.getAndIncrement()) {
                        Mutant m = mutant(mutantSeeds[i]);
                        try {
                            Outcome outcome = audit(m, folder);
                            exits.computeIfAbsent(outcome.exitCode(), k -> new AtomicInteger()).incrementAndGet();
                            if (!outcome.broken().isEmpty()) {
                                failures.put(m.seed(), withDescription(m, outcome.broken()));
                            }
                        } catch (IOException | RuntimeException e) {
                            failures.put(m.seed(), withDescription(m, List.of("the fuzzer itself failed: " + e)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO)
                .minus(cpuBefore).toMillis() / 1e3;
        System.out.printf("InputFuzzTest: %,d mutants (run seed %d, %d patients per slice, %d threads) in %.1f s"
                + " wall, %.1f s CPU (%.1f ms CPU per mutant); exit codes %s; %d failed%n", MUTANTS, RUN_SEED,
                PATIENTS_PER_SLICE, threads, seconds, cpuSeconds, cpuSeconds * 1000 / MUTANTS, exits, failures.size());
        StringBuilder report = new StringBuilder();
        failures.entrySet().stream().limit(30).forEach(f -> report.append("\n  ").append(String.join("\n    ",
                f.getValue())));
        assertEquals(0, failures.size(), failures.size() + " of " + MUTANTS + " mutants broke an invariant; replay one"
                + " with -Dfuzz.seed=SEED:" + report);
    }

    private static List<String> withDescription(Mutant m, List<String> broken) {
        List<String> all = new ArrayList<>();
        all.add(m.describe());
        all.addAll(broken);
        return all;
    }

    /** One mutant, its data and report kept in core/target/fuzz/SEED for a look. */
    private static void replay(long seed) throws IOException {
        Mutant m = mutant(seed);
        Path folder = WORK.resolve(Long.toString(seed));
        List<String> broken = audit(m, folder).broken();
        System.out.println("InputFuzzTest replay " + m.describe() + "\n  data and report in " + folder);
        assertTrue(broken.isEmpty(), m.describe() + "\n  " + String.join("\n  ", broken));
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
