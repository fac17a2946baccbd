package org.nmaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;

/**
 * Measures how fast the same claim lines are read as claims.csv and as X12 837P/837I files (x12-input.md: an
 * 837 batch must read at no less than half the speed of the same lines as CSV). Not a unit test: run it on a
 * large generated practice, e.g. with bench/x12-read.sh.
 *
 * <p>Usage: {@code X12ReadBenchmark CSV_DIR X12_DIR [ROUNDS]}, where CSV_DIR holds the practice's claims.csv and
 * X12_DIR the same practice from {@code generate --format x12}. Each round reads claims.csv alone, the two 837
 * files alone, and the 837 files with the 835 (paid amounts matched), each through {@link DataSetReader} as an
 * audit does, in folders holding nothing else (links to the files).
 */
public final class X12ReadBenchmark {
    private X12ReadBenchmark() {
    }

    public static void main(String[] args) throws IOException, InputException {
        if (args.length < 2) {
            System.err.println("usage: X12ReadBenchmark CSV_DIR X12_DIR [ROUNDS]");
            System.exit(2);
        }
        Path csvDir = Path.of(args[0]).toAbsolutePath();
        Path x12Dir = Path.of(args[1]).toAbsolutePath();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("x12-bench");
        Path csv = folder(work, "csv", csvDir.resolve("claims.csv"));
        Path claims = folder(work, "x12", x12Dir.resolve("claims-professional.837"),
                x12Dir.resolve("claims-institutional.837"));
        Path remitted = folder(work, "x12-835", x12Dir.resolve("claims-professional.837"),
                x12Dir.resolve("claims-institutional.837"), x12Dir.resolve("remittances.835"));

        List<long[]> csvRuns = new ArrayList<>();
        List<long[]> x12Runs = new ArrayList<>();
        List<long[]> remittedRuns = new ArrayList<>();
        read(csv); // warm up the JIT on both paths before measuring
        read(claims);
        for (int i = 0; i < rounds; i++) {
            csvRuns.add(read(csv));
            x12Runs.add(read(claims));
            remittedRuns.add(read(remitted));
        }
        long lines = csvRuns.get(0)[1];
        System.out.printf(Locale.ROOT, "claim lines: %,d as CSV, %,d as X12 (rounds: %d, best of each)%n", lines,
                x12Runs.get(0)[1], rounds);
        double csvRate = report("claims.csv", csvRuns, csvDir.resolve("claims.csv"));
        double x12Rate = report("837P + 837I", x12Runs, x12Dir.resolve("claims-professional.837"),
                x12Dir.resolve("claims-institutional.837"));
        double remittedRate = report("837P + 837I + 835", remittedRuns, x12Dir.resolve("claims-professional.837"),
                x12Dir.resolve("claims-institutional.837"), x12Dir.resolve("remittances.835"));
        System.out.printf(Locale.ROOT, "X12 / CSV speed: %.2f (837 only), %.2f (with the 835); the target is 0.50 or"
                + " more%n", x12Rate / csvRate, remittedRate / csvRate);
    }

    private static Path folder(Path work, String name, Path... files) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        for (Path f : files) {
            Files.createSymbolicLink(dir.resolve(f.getFileName()), f);
        }
        return dir;
    }

    /** {nanoseconds, claim lines loaded, rows rejected} of one read. */
    private static long[] read(Path dir) throws InputException {
        System.gc();
        long start = System.nanoTime();
        DataSet data = new DataSetReader(ReadProgress.SILENT).read(dir);
        long nanos = System.nanoTime() - start;
        return new long[] {nanos, data.claimLines().size(), data.rowsRejected()};
    }

    private static double report(String what, List<long[]> runs, Path... files) throws IOException {
        long best = runs.stream().min(Comparator.comparingLong(r -> r[0])).orElseThrow()[0];
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        long lines = runs.get(0)[1] + runs.get(0)[2];
        double seconds = best / 1e9;
        double rate = lines / seconds;
        System.out.printf(Locale.ROOT, "%-20s %,8d MB  best %6.2f s  %,10.0f lines/s  (runs: %s)%n", what,
                bytes >> 20, seconds, rate, runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r[0] / 1e9))
                        .toList());
        return rate;
    }
}
