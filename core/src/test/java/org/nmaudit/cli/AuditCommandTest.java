package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.nmaudit.input.DataFolder.NPI_A;
import static org.nmaudit.input.DataFolder.claim;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;

/**
 * {@code nmaudit audit} end to end through {@link CliRun}: exit codes, the output folder and what the
 * console shows (findings-format.md, data-format.md "Bad input"). Rules come from the project's rules/.
 */
class AuditCommandTest {
    static final List<String> OUTPUT_FILES = List.of("findings.csv", "findings.json", "findings.xlsx",
            "provider-ratios.csv", "rejects.csv", "report.html", "run.json");
    static final String REJECTS_HEADER = "file,line,column,value,reason";
    static final String FINDINGS_HEADER = "finding_id,rule_id,severity,scope,claim_id,line_number,patient_id,"
            + "rendering_npi,service_date,amount_at_risk,message,citation";
    static final String RATIOS_HEADER = "rendering_npi,trials,converted,failed,pending,ratio,flagged";

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private Path out() {
        return tmp.resolve("out");
    }

    /** One NM-TRIAL-DOC finding: an implant (in an ASC) with no trial; the trial of P1 has its psych evaluation. */
    private DataFolder withHighFinding() {
        return DataFolder.in(data()).claims(
                claim("T1", "1").set("patient_id", "P1").set("cpt_code", "63650").set("service_date", "2025-01-10")
                        .toString(),
                claim("I1", "1").set("patient_id", "P2").set("cpt_code", "63685").set("service_date", "2025-02-20")
                        .set("place_of_service", "24").set("billed_amount", "$29,617.00").toString())
                .file("psych-evaluations.csv", "patient_id,evaluation_date", "P1,2024-12-01");
    }

    /** One programming line: no finding at all. */
    private DataFolder withoutFindings() {
        return DataFolder.in(data()).claims(claim("C1", "1").set("cpt_code", "95970").toString());
    }

    private CliRun audit(String... options) {
        List<String> args = new ArrayList<>(List.of("audit", data().toString(), "--out", out().toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    // ---- bad input -------------------------------------------------------------------------------------

    @Test
    void missingRequiredColumnExits2NamingFileAndColumnAndWritesNothing() {
        DataFolder.in(data()).file("claims.csv", "claim_id,line_number,patient_id,payer_type,service_date,cpt_code",
                "C1,1,P1,MEDICARE,2025-03-14,95970");
        CliRun run = audit();
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("claims.csv") && run.err().contains("rendering_npi"), run.err());
        assertFalse(Files.exists(out()), "no output folder may be written");
    }

    @Test
    void missingRequiredColumnOfADocumentationFileExits2() {
        withoutFindings().file("trial-outcomes.csv", "patient_id,pain_relief_pct", "P1,50");
        CliRun run = audit();
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("trial-outcomes.csv") && run.err().contains("documented_date"), run.err());
        assertFalse(Files.exists(out()));
    }

    @Test
    void emptyClaimsFileExits2() {
        DataFolder.in(data()).text("claims.csv", "\uFEFF  \n");
        CliRun run = audit();
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("claims.csv"), run.err());
        assertFalse(Files.exists(out()));
    }

    @Test
    void dataFolderThatDoesNotExistExits2() {
        CliRun run = CliRun.of("audit", tmp.resolve("no-such-folder").toString(), "--out", out().toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertFalse(Files.exists(out()));
    }

    @Test
    void rejectedRowsExit5AndAreListedInRejectsCsv() throws IOException {
        DataFolder.in(data()).claims(
                claim("C1", "1").toString(),
                claim("C1", "2").set("rendering_npi", "1234567890").set("paid_amount", "12,34").toString(),
                claim("C1", "01").toString());
        CliRun run = audit();
        assertEquals(5, run.exitCode(), run::toString);
        List<String> lines = Files.readAllLines(out().resolve("rejects.csv"), StandardCharsets.UTF_8);
        assertEquals(REJECTS_HEADER, lines.get(0));
        List<CSVRecord> rows = csv(out().resolve("rejects.csv"));
        List<String> got = new ArrayList<>();
        for (CSVRecord r : rows) {
            got.add(r.get(0) + ":" + r.get(1) + ":" + r.get(2) + "=" + r.get(3));
        }
        got.sort(Comparator.naturalOrder());
        assertEquals(List.of("claims.csv:3:paid_amount=12,34", "claims.csv:3:rendering_npi=1234567890",
                "claims.csv:4:line_number=01"), got);
        for (CSVRecord r : rows) {
            assertFalse(r.get(4).isBlank(), "every reject has a reason");
        }
        assertTrue(rows.stream().anyMatch(r -> r.get(4).equals("rendering_npi 1234567890 fails the NPI check digit")));
        for (String f : OUTPUT_FILES) {
            assertTrue(Files.isRegularFile(out().resolve(f)), f);
        }
    }

    @Test
    void strictWithRejectsExits2AndWritesOnlyRejectsCsv() throws IOException {
        DataFolder.in(data()).claims(claim("C1", "1").toString(), claim("C1", "2").set("units", "0").toString());
        CliRun run = audit("--strict");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("rejects.csv"), filesIn(out()));
        List<CSVRecord> rows = csv(out().resolve("rejects.csv"));
        assertEquals(1, rows.size());
        assertEquals(List.of("claims.csv", "3", "units", "0"), rows.get(0).toList().subList(0, 4));
        assertEquals(REJECTS_HEADER, Files.readAllLines(out().resolve("rejects.csv")).get(0));
    }

    @Test
    void strictWithRejectsRemovesAnEarlierRunsReportFromTheFolder() throws IOException {
        withHighFinding();
        assertEquals(0, audit().exitCode());
        assertEquals(OUTPUT_FILES, filesIn(out()));
        DataFolder.in(data()).claims(claim("C1", "1").toString(), claim("C1", "2").set("units", "0").toString());
        CliRun run = audit("--strict");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("rejects.csv"), filesIn(out()));
    }

    @Test
    void anOutputFolderThatCannotBeCreatedExits2WithAMessage() throws IOException {
        withHighFinding();
        Path aFile = Files.writeString(tmp.resolve("not-a-folder"), "x");
        CliRun run = CliRun.of("audit", data().toString(), "--out", aFile.resolve("out").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot write the output folder"), run.err());
    }

    @Test
    void strictWithoutRejectsIsANormalRun() throws IOException {
        withHighFinding();
        CliRun run = audit("--strict");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(OUTPUT_FILES, filesIn(out()));
        assertEquals(List.of(REJECTS_HEADER), Files.readAllLines(out().resolve("rejects.csv")));
    }

    // ---- exit codes and --fail-on ---------------------------------------------------------------------

    @Test
    void findingsWithoutFailOnExit0() throws IOException {
        withHighFinding();
        CliRun run = audit();
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> findings = csv(out().resolve("findings.csv"));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(List.of("NM-TRIAL-DOC", "HIGH", "LINE", "I1", "1", "P2", NPI_A, "2025-02-20"),
                findings.get(0).toList().subList(1, 9));
        assertTrue(run.out().contains("NM-TRIAL-DOC"), "the summary gives findings per rule: " + run.out());
    }

    @Test
    void failOnHighWithAHighFindingExits4() {
        withHighFinding();
        CliRun run = audit("--fail-on", "HIGH");
        assertEquals(4, run.exitCode(), run::toString);
    }

    @Test
    void failOnBelowTheFindingSeverityExits4() {
        withHighFinding();
        assertEquals(4, audit("--fail-on", "MEDIUM").exitCode());
        assertEquals(4, audit("--fail-on", "INFO").exitCode());
    }

    @Test
    void failOnBlockerWithOnlyHighFindingsExits0() {
        withHighFinding();
        CliRun run = audit("--fail-on", "BLOCKER");
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void rejectsTakePrecedenceOverFailOn() throws IOException {
        withHighFinding().claims(
                claim("T1", "1").set("patient_id", "P1").set("cpt_code", "63650").set("service_date", "2025-01-10")
                        .toString(),
                claim("I1", "1").set("patient_id", "P2").set("cpt_code", "63685").set("service_date", "2025-02-20")
                        .set("place_of_service", "24").toString(),
                claim("X1", "1").set("payer_type", "SELF").toString());
        CliRun run = audit("--fail-on", "HIGH");
        assertEquals(5, run.exitCode(), run::toString);
        assertEquals(1, csv(out().resolve("findings.csv")).size());
        assertEquals(1, csv(out().resolve("rejects.csv")).size());
    }

    @Test
    void noFindingsAndNoRejectsExit0EvenWithFailOn() {
        withoutFindings();
        assertEquals(0, audit("--fail-on", "INFO").exitCode());
    }

    // ---- usage errors ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2025-2-3", "20250203", "yesterday"})
    void badAsOfExits2(String date) {
        withoutFindings();
        CliRun run = audit("--as-of", date);
        assertEquals(2, run.exitCode(), run::toString);
        assertFalse(Files.exists(out()));
    }

    @Test
    void unknownOptionExits2() {
        withoutFindings();
        CliRun run = audit("--frobnicate");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--frobnicate"), run.err());
        assertFalse(Files.exists(out()));
    }

    @Test
    void unknownFailOnSeverityExits2() {
        withoutFindings();
        assertEquals(2, audit("--fail-on", "SEVERE").exitCode());
    }

    @Test
    void missingDataFolderArgumentExits2() {
        assertEquals(2, CliRun.of("audit").exitCode());
    }

    @Test
    void unknownParameterExits2NamingIt() {
        withoutFindings();
        CliRun run = audit("--param", "nope=1");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("nope"), run.err());
        assertFalse(Files.exists(out()));
    }

    @Test
    void knownParameterOverrideRuns() {
        withoutFindings();
        CliRun run = audit("--param", "programming_window_days=10");
        assertEquals(0, run.exitCode(), run::toString);
    }

    // ---- the output folder -----------------------------------------------------------------------------

    @Test
    void normalRunWritesAllSevenFilesWithTheirHeaders() throws IOException {
        withHighFinding();
        CliRun run = audit();
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(OUTPUT_FILES, filesIn(out()));
        assertEquals(FINDINGS_HEADER, Files.readAllLines(out().resolve("findings.csv")).get(0));
        assertEquals(RATIOS_HEADER, Files.readAllLines(out().resolve("provider-ratios.csv")).get(0));
        assertEquals(List.of(REJECTS_HEADER), Files.readAllLines(out().resolve("rejects.csv")));
        List<CSVRecord> ratios = csv(out().resolve("provider-ratios.csv"));
        assertEquals(1, ratios.size());
        assertEquals(NPI_A, ratios.get(0).get(0));
        String runJson = Files.readString(out().resolve("run.json"));
        String claimsSha = org.nmaudit.input.Sha256.hex(Files.readAllBytes(data().resolve("claims.csv")));
        assertTrue(runJson.contains(claimsSha), "run.json names the SHA-256 of claims.csv");
    }

    @Test
    void filesOfAnEarlierRunInTheOutputFolderAreReplaced() throws IOException {
        withoutFindings();
        Files.createDirectories(out());
        for (String f : OUTPUT_FILES) {
            Files.writeString(out().resolve(f), "stale\n");
        }
        assertEquals(0, audit().exitCode());
        assertEquals(List.of(FINDINGS_HEADER), Files.readAllLines(out().resolve("findings.csv")));
        assertEquals(List.of(REJECTS_HEADER), Files.readAllLines(out().resolve("rejects.csv")));
        assertFalse(Files.readString(out().resolve("run.json")).contains("stale"));
    }

    @Test
    void runJsonCountsRowsPerInputFile() throws IOException {
        DataFolder.in(data()).claims(claim("C1", "1").toString(), claim("C1", "2").set("units", "0").toString(),
                claim("C1", "3").toString());
        assertEquals(5, audit().exitCode());
        com.fasterxml.jackson.databind.JsonNode run =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(out().resolve("run.json").toFile());
        com.fasterxml.jackson.databind.JsonNode claims = null;
        for (com.fasterxml.jackson.databind.JsonNode f : run.get("input_files")) {
            if (f.toString().contains("claims.csv")) {
                claims = f;
            }
        }
        assertTrue(claims != null, run.toString());
        // rows read, loaded and rejected, in that order (the key names are the writer's choice)
        List<Long> numbers = new ArrayList<>();
        claims.fields().forEachRemaining(e -> {
            if (e.getValue().isIntegralNumber()) {
                numbers.add(e.getValue().asLong());
            }
        });
        assertEquals(List.of(3L, 2L, 1L), numbers, claims.toString());
        String text = claims.toString();
        assertTrue(text.contains(org.nmaudit.input.Sha256.hex(Files.readAllBytes(data().resolve("claims.csv")))),
                text);
    }

    @Test
    void headersAreWrittenWhenThereIsNothingToReport() throws IOException {
        withoutFindings();
        assertEquals(0, audit().exitCode());
        assertEquals(List.of(FINDINGS_HEADER), Files.readAllLines(out().resolve("findings.csv")));
        assertEquals(List.of(RATIOS_HEADER), Files.readAllLines(out().resolve("provider-ratios.csv")));
        assertEquals(List.of(REJECTS_HEADER), Files.readAllLines(out().resolve("rejects.csv")));
    }

    @Test
    void defaultOutputFolderIsReportsAsOfYearMonth() throws IOException {
        Path expected = Path.of("reports", "2031-07");
        assumeFalse(Files.exists(expected), "reports/2031-07 exists already; not touching it");
        withoutFindings();
        try {
            CliRun run = CliRun.of("audit", data().toString(), "--as-of", "2031-07-15");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains(expected.toString()), run.out());
            for (String f : OUTPUT_FILES) {
                assertTrue(Files.isRegularFile(expected.resolve(f)), f);
            }
        } finally {
            deleteTree(expected);
        }
    }

    @Test
    void defaultAsOfIsTheLatestServiceDateAndNamesTheFolder() throws IOException {
        Path expected = Path.of("reports", "2031-08");
        assumeFalse(Files.exists(expected), "reports/2031-08 exists already; not touching it");
        DataFolder.in(data()).claims(claim("C1", "1").set("service_date", "2031-06-30").toString(),
                claim("C2", "1").set("service_date", "2031-08-02").toString(),
                claim("C3", "1").set("service_date", "2031-07-31").toString());
        try {
            CliRun run = CliRun.of("audit", data().toString());
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains(expected.toString()), run.out());
            assertTrue(Files.isRegularFile(expected.resolve("findings.csv")));
        } finally {
            deleteTree(expected);
        }
    }

    // ---- the console ---------------------------------------------------------------------------------------

    @Test
    void summaryPrintsReadLoadedRejectedPerFile() {
        DataFolder.in(data()).claims(claim("C1", "1").toString(), claim("C1", "2").set("units", "0").toString(),
                        claim("C1", "3").toString())
                .file("programming-sessions.csv", "patient_id,session_date,performed_by", "P1,2025-03-14,QHP",
                        "P1,2025-03-15,rep");
        CliRun run = audit();
        assertEquals(5, run.exitCode(), run::toString);
        assertTrue(Pattern.compile("claims\\.csv\\s+3\\s+2\\s+1\\b").matcher(run.out()).find(), run.out());
        assertTrue(Pattern.compile("programming-sessions\\.csv\\s+2\\s+1\\s+1\\b").matcher(run.out()).find(),
                run.out());
        assertTrue(run.out().contains(out().toString()), "the summary names the output folder: " + run.out());
    }

    @Test
    void helpAndVersionExit0() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"audit", "--help"},
                new String[] {"--version"}, new String[] {"audit", "--version"})) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run);
            assertFalse(run.out().isBlank(), String.join(" ", args) + " prints to stdout");
        }
        assertTrue(CliRun.of("--version").out().contains("nmaudit"));
    }

    @Test
    void helpListsTheExitCodes() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"audit", "--help"})) {
            String help = CliRun.of(args).out();
            for (String code : List.of("0", "1", "2", "4", "5")) {
                assertTrue(Pattern.compile("(?m)^\\s*" + code + "\\s+\\S").matcher(help).find(),
                        String.join(" ", args) + " should list exit code " + code + ":\n" + help);
            }
            assertTrue(help.contains("--fail-on") || args.length == 1, help);
        }
        String help = CliRun.of("audit", "--help").out();
        for (String option : List.of("--strict", "--fail-on", "--as-of", "--out", "--param", "--rules")) {
            assertTrue(help.contains(option), option + " in:\n" + help);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    static List<CSVRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
