package org.nmaudit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.cli.Main;

/**
 * The Spark job in local mode (local[2]) gives the CLI's answers: findings.csv, provider-ratios.csv and
 * rejects.csv byte for byte, on the sample practice and on a generated data set cut into several partitions.
 */
class SparkAuditTest {
    private static SparkSession spark;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("nmaudit-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** The CLI's audit of the sample, run once for the tests that compare with it. */
    private static Run cliSample;

    private static Path cliSample() {
        Path cli = tmp.resolve("sample-cli");
        if (cliSample == null) {
            cliSample = cli("audit", "data/sample", "--out", cli.toString());
        }
        return cli;
    }

    @Test
    void samplePracticeGivesTheClisFiles() throws IOException {
        Path cli = cliSample();
        Path job = tmp.resolve("sample-spark");
        Run cliRun = cliSample;
        Run sparkRun = spark("data/sample", "--out", job.toString(), "--partitions", "3");

        assertEquals(5, cliRun.exit, cliRun.err); // the sample has rejected rows on purpose
        assertEquals(cliRun.exit, sparkRun.exit, sparkRun.err);
        assertSameReports(cli, job);
        assertEquals(Files.readAllLines(cli.resolve("rejects.csv")).size(),
                Files.readAllLines(job.resolve("rejects.csv")).size());
        assertTrue(Files.readAllLines(cli.resolve("rejects.csv")).size() > 1, "the sample has rejects to compare");
        assertSameFindingsJson(cli, job);
        assertEquals(List.of("findings.csv", "findings.json", "findings.xlsx", "provider-ratios.csv", "rejects.csv",
                "report.html", "run.json"), listing(job), "the CLI's files, the monthly report's included");
        assertEquals(listing(cli), listing(job));
    }

    @Test
    void generatedDataSetInSeveralPartitionsGivesTheClisFiles() throws IOException {
        Path data = tmp.resolve("generated");
        Run generated = cli("generate", "--patients", "1000", "--months", "12", "--seed", "20251", "--out",
                data.toString());
        assertEquals(0, generated.exit, generated.err);
        Path cli = tmp.resolve("generated-cli");
        Path job = tmp.resolve("generated-spark");
        Run cliRun = cli("audit", data.toString(), "--out", cli.toString(), "--param", "ratio_min_decided_trials=3");
        Run sparkRun = spark(data.toString(), "--out", job.toString(), "--partitions", "5", "--param",
                "ratio_min_decided_trials=3");

        assertEquals(cliRun.exit, sparkRun.exit, sparkRun.err);
        assertSameReports(cli, job);
        assertSameFindingsJson(cli, job);
        assertTrue(Files.readAllLines(cli.resolve("findings.csv")).size() > 100, "a generated set has findings");
    }

    @Test
    void parquetHoldsTheFindingsInReportOrder() throws IOException {
        Path cli = cliSample();
        Path job = tmp.resolve("parquet-spark");
        Run sparkRun = spark("data/sample", "--out", job.toString(), "--partitions", "4", "--format", "parquet");
        assertEquals(5, sparkRun.exit, sparkRun.err);
        assertEquals(List.of("findings.parquet", "provider-ratios.parquet", "rejects.parquet", "run.json"),
                listing(job));

        List<String> csvIds;
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(cli.resolve("findings.csv")))) {
            csvIds = csv.stream().map(r -> r.get("finding_id")).toList();
        }
        assertTrue(csvIds.size() > 100, "the sample has findings to compare");
        // Report order holds across the part files in name order (Spark reads a folder's files in another order).
        List<String> parquetIds = new java.util.ArrayList<>();
        for (String part : listing(job.resolve("findings.parquet"))) {
            if (part.startsWith("part-")) {
                spark.read().parquet(job.resolve("findings.parquet").resolve(part).toString()).select("finding_id")
                        .collectAsList().forEach(r -> parquetIds.add(r.getString(0)));
            }
        }
        assertEquals(csvIds, parquetIds);

        long rejects = Files.readAllLines(cli.resolve("rejects.csv")).size() - 1;
        assertEquals(rejects, spark.read().parquet(job.resolve("rejects.parquet").toString()).count());
        List<Row> ratios = spark.read().parquet(job.resolve("provider-ratios.parquet").toString())
                .orderBy("rendering_npi").collectAsList();
        List<String> csvRatios = Files.readAllLines(cli.resolve("provider-ratios.csv")).stream().skip(1).toList();
        assertEquals(csvRatios.size(), ratios.size());
        for (int i = 0; i < ratios.size(); i++) {
            Row r = ratios.get(i);
            String ratio = r.isNullAt(5) ? "" : r.getDecimal(5).toPlainString();
            assertEquals(csvRatios.get(i), String.join(",", r.getString(0), String.valueOf(r.getInt(1)),
                    String.valueOf(r.getInt(2)), String.valueOf(r.getInt(3)), String.valueOf(r.getInt(4)), ratio,
                    String.valueOf(r.getBoolean(6))));
        }
    }

    @Test
    void aRuleThatFailsOnAnExecutorIsReportedAsTheCliReportsIt() throws IOException {
        Path rules = tmp.resolve("failing-rules");
        Files.createDirectories(rules);
        try (var drls = Files.list(Path.of("rules"))) {
            for (Path p : drls.filter(Files::isRegularFile).toList()) {
                Files.copy(p, rules.resolve(p.getFileName()));
            }
        }
        Files.writeString(rules.resolve("zz-failing.drl"), String.join("\n",
                "package rules;",
                "import org.nmaudit.facts.*;",
                "global org.nmaudit.findings.Flag flag;",
                "rule \"Fails on claim C000000042\"",
                "    @id(NM-TEST-FAILS)",
                "    @severity(LOW)",
                "    @citation(\"none\")",
                "when",
                "    $line : ClaimLine(claimId == \"C000000042\")",
                "then",
                "    throw new IllegalStateException(\"this rule always fails\");",
                "end", ""));
        Run cliRun = cli("audit", "data/sample", "--rules", rules.toString(), "--out", tmp.resolve("fails-cli")
                .toString());
        Run sparkRun = spark("data/sample", "--rules", rules.toString(), "--out", tmp.resolve("fails-spark")
                .toString(), "--partitions", "2");

        assertEquals(2, cliRun.exit, cliRun.err);
        assertEquals(2, sparkRun.exit, sparkRun.err);
        String problem = cliRun.err.lines().filter(l -> l.contains("this rule always fails")).findFirst()
                .orElseThrow();
        assertTrue(sparkRun.err.lines().anyMatch(problem::equals), sparkRun.err);
        assertTrue(sparkRun.err.contains("nmaudit: a rule failed on the executors; nothing was audited"),
                sparkRun.err);
    }

    private static void assertSameReports(Path cli, Path job) throws IOException {
        for (String file : List.of("findings.csv", "provider-ratios.csv", "rejects.csv")) {
            byte[] expected = Files.readAllBytes(cli.resolve(file));
            byte[] actual = Files.readAllBytes(job.resolve(file));
            assertArrayEquals(expected, actual, file + " differs from the CLI's");
        }
    }

    /** findings.json: the findings array equal (the run object differs: times and paths). */
    private static void assertSameFindingsJson(Path cli, Path job) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(cli.resolve("findings.json").toFile()).get("findings");
        JsonNode actual = json.readTree(job.resolve("findings.json").toFile()).get("findings");
        assertEquals(expected, actual);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SparkAudit.run(spark, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
