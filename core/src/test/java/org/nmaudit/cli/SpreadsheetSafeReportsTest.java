package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.report.ReportFolder;
import org.nmaudit.report.ReportedFinding;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.RulesCopy;

/**
 * Input that a spreadsheet would run as a formula (findings-format.md, "Safe to open"): claim and patient
 * ids such as {@code =HYPERLINK("http://x")}, {@code @SUM(A1)}, {@code -P1}, {@code +1} go through a real
 * audit into every CSV with a leading apostrophe, computed numbers (a negative amount at risk) stay plain,
 * JSON keeps the values, and diff and explain read the original values back.
 */
class SpreadsheetSafeReportsTest {
    private static final String HYPERLINK = "=HYPERLINK(\"http://x\")";
    private static final String TRIAL_DOC_ID = "e49a473d6a2c2712";

    @TempDir
    Path tmp;

    /**
     * An implant with no trial on claim =HYPERLINK(...) of patient -P1, paid -12.50 (NM-TRIAL-DOC, and
     * NM-UNDERPAID against the Medicare rate); a trial without a psych evaluation on claim @SUM(A1) of
     * patient +1 (NM-PSYCH-EVAL); an NPI =1+2 and a pain relief -5 that are rejected, beside a note that is
     * a formula.
     */
    private Path hostileData() {
        return DataFolder.in(tmp.resolve("data")).claims(
                DataFolder.claim(HYPERLINK, "1").set("patient_id", "-P1").set("cpt_code", "63685")
                        .set("service_date", "2025-02-20").set("place_of_service", "24").set("paid_amount", "-12.50")
                        .toString(),
                DataFolder.claim("@SUM(A1)", "1").set("patient_id", "+1").set("cpt_code", "63650")
                        .set("service_date", "2025-01-10").toString(),
                DataFolder.claim("-2+3", "1").set("patient_id", "P3").set("rendering_npi", "=1+2").toString())
                .file("trial-outcomes.csv",
                        "patient_id,documented_date,pain_relief_pct,analgesic_reduction_pct,functional_improvement,"
                                + "rendering_npi,note",
                        "+1,2025-01-20,-5,,N," + DataFolder.NPI_A + ",\"=HYPERLINK(\"\"http://evil\"\")\"")
                .path();
    }

    private Path audit(String name, String... options) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("audit", hostileData().toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.ROWS_REJECTED, run.exitCode(), run.err());
        return out;
    }

    @Test
    void hostileIdsGetAnApostropheInEveryCsvAndComputedNumbersStayPlain() throws IOException {
        Path out = audit("report");
        assertEquals(List.of(
                "finding_id,rule_id,severity,scope,claim_id,line_number,patient_id,rendering_npi,service_date,"
                        + "amount_at_risk,message,citation",
                "821e787b966c198f,NM-PSYCH-EVAL,HIGH,LINE,'@SUM(A1),1,'+1,1234567893,2025-01-10,100.00,SCS trial on"
                        + " 2025-01-10 has no psychological evaluation in psych-evaluations.csv dated from 2024-01-11"
                        + " to 2025-01-10 (at most 365 days before the trial).,\"NCD 160.7: psychological evaluation"
                        + " before the trial (careful screening, evaluation and diagnosis)\"",
                TRIAL_DOC_ID + ",NM-TRIAL-DOC,HIGH,LINE,\"'=HYPERLINK(\"\"http://x\"\")\",1,'-P1,1234567893,2025-02-20,"
                        + "-12.50,NO_TRIAL: new SCS generator implant on 2025-02-20 has no trial episode in the 180"
                        + " days before it (the patient has no earlier trial at all).,\"NCD 160.7 and LCD L37632: a"
                        + " permanent implant needs a successful trial documented (at least 50% pain relief or 50%"
                        + " less analgesics, and functional improvement); OIG A-01-18-00500\""),
                lines(out.resolve("findings.csv")).subList(0, 3));
        assertEquals(List.of("file,line,column,value,reason",
                "claims.csv,4,rendering_npi,'=1+2,rendering_npi =1+2 must be exactly 10 digits",
                "trial-outcomes.csv,2,pain_relief_pct,'-5,\"pain_relief_pct -5 must be a number from 0 to 100,"
                        + " without a % sign (e.g. 62.5)\""),
                lines(out.resolve("rejects.csv")));

        // No text cell of any CSV starts with a formula character; only the number columns may start with '-'.
        assertNoFormula(out.resolve("findings.csv"), Set.of("line_number", "amount_at_risk"));
        assertNoFormula(out.resolve("rejects.csv"), Set.of("line"));
        assertNoFormula(out.resolve("provider-ratios.csv"), Set.of("trials", "converted", "failed", "pending",
                "ratio"));
        assertEquals(List.of("rendering_npi,trials,converted,failed,pending,ratio,flagged",
                "1234567893,1,0,0,1,,false"), lines(out.resolve("provider-ratios.csv")));

        // JSON keeps the values as they are.
        JsonNode findings = new ObjectMapper().readTree(out.resolve("findings.json").toFile()).get("findings");
        JsonNode trialDoc = findings.get(1);
        assertEquals(List.of(TRIAL_DOC_ID, HYPERLINK, "-P1"), List.of(trialDoc.get("finding_id").asText(),
                trialDoc.get("claim_id").asText(), trialDoc.get("patient_id").asText()));
        assertTrue(Files.readString(out.resolve("findings.json")).contains("\"amount_at_risk\" : -12.50,"));
        assertEquals(List.of("@SUM(A1)", "+1"), List.of(findings.get(0).get("claim_id").asText(),
                findings.get(0).get("patient_id").asText()));
    }

    @Test
    void diffReadsTheOriginalValuesBackAndWritesThemSafeAgain() throws Exception {
        Path before = audit("before", "--only", "NM-PSYCH-EVAL");
        Path after = audit("after");
        List<ReportedFinding> read = ReportFolder.open(after).findings().stream()
                .filter(f -> f.findingId().equals(TRIAL_DOC_ID)).toList();
        assertEquals(1, read.size());
        assertEquals(List.of(HYPERLINK, "-P1", "-12.50"), List.of(read.get(0).claimId(), read.get(0).patientId(),
                read.get(0).amountAtRisk()));

        CliRun diff = CliRun.of("diff", before.toString(), after.toString());
        assertEquals(ExitCode.OK, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("  new       " + TRIAL_DOC_ID + "  NM-TRIAL-DOC  claim " + HYPERLINK
                + " line 1\n"), diff.out());
        List<String> csv = lines(after.resolve("diff.csv"));
        assertEquals("new," + TRIAL_DOC_ID + ",NM-TRIAL-DOC,LINE,\"'=HYPERLINK(\"\"http://x\"\")\",1,'-P1,1234567893,"
                + "2025-02-20,,HIGH,,-12.50,,NO_TRIAL: new SCS generator implant on 2025-02-20 has no trial episode"
                + " in the 180 days before it (the patient has no earlier trial at all).", csv.get(1));
        assertEquals("unchanged,821e787b966c198f,NM-PSYCH-EVAL,LINE,'@SUM(A1),1,'+1,1234567893,2025-01-10,HIGH,HIGH,"
                + "100.00,100.00,SCS trial on 2025-01-10 has no psychological evaluation in psych-evaluations.csv"
                + " dated from 2024-01-11 to 2025-01-10 (at most 365 days before the trial).,SCS trial on 2025-01-10"
                + " has no psychological evaluation in psych-evaluations.csv dated from 2024-01-11 to 2025-01-10 (at"
                + " most 365 days before the trial).", csv.get(3));
        assertNoFormula(after.resolve("diff.csv"), Set.of("line_number", "old_amount_at_risk", "new_amount_at_risk"));
    }

    @Test
    void explainShowsTheOriginalValues() {
        Path report = audit("report");
        CliRun explain = CliRun.of("explain", "e49a47", "--report", report.toString());
        assertEquals(ExitCode.OK, explain.exitCode(), explain.err());
        assertTrue(explain.out().contains("Subject:    claim " + HYPERLINK + " line 1, patient -P1, rendering NPI"
                + " 1234567893, service date 2025-02-20\nAt risk:    $-12.50\n"), explain.out());
    }

    @Test
    void rulesListCsvIsFormulaSafeToo() throws IOException {
        RulesCopy rules = RulesCopy.in(tmp.resolve("rules"));
        rules.replace("programming.drl", "@citation(\"", "@citation(\"=");
        CliRun list = CliRun.of("rules", "list", "--rules", rules.display(), "--format", "csv");
        assertEquals(ExitCode.OK, list.exitCode(), list.err());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(list.out())).getRecords();
        List<String> guarded = rows.stream().map(r -> r.get("citation")).filter(c -> c.startsWith("'=")).toList();
        assertEquals(1, guarded.size(), list.out());
        assertTrue(rows.stream().noneMatch(r -> r.get("citation").startsWith("=")), list.out());
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** Every cell outside the number columns does not start with =, +, -, @, tab or carriage return. */
    static void assertNoFormula(Path csv, Set<String> numberColumns) throws IOException {
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8))).getRecords();
        assertFalse(rows.isEmpty(), csv + " has rows");
        for (CSVRecord row : rows) {
            for (String column : row.getParser().getHeaderNames()) {
                String cell = row.get(column);
                if (numberColumns.contains(column)) {
                    assertTrue(cell.matches("-?[0-9]*(\\.[0-9]+)?"), csv + " " + column + ": " + cell);
                } else {
                    assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                            csv + " row " + row.getRecordNumber() + " " + column + " starts a formula: " + cell);
                }
            }
        }
    }
}
