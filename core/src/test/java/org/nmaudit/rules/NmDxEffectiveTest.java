package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.input.DataFolder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.findings.Finding;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.ClaimLineBuilder;
import org.nmaudit.testing.CliRun;

/** NM-DX-EFFECTIVE (extended-rules.md): a line with diagnosis M62.85 dated before 2024-10-01. */
class NmDxEffectiveTest {
    private static final String RULE = "NM-DX-EFFECTIVE";

    @TempDir
    Path tmp;

    @Test
    void theDayBeforeTheCodeTookEffectIsFlagged() {
        assertEquals(expected("NM-DX-EFFECTIVE C1:1 MEDIUM"), rules().lines(
                ClaimLineBuilder.claim("C1").on("2024-09-30").cpt("63650").dx("M62.85")).findings(RULE));
    }

    @Test
    void theEffectiveDayIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                ClaimLineBuilder.claim("C1").on("2024-10-01").cpt("63650").dx("M62.85")).findings(RULE));
    }

    @Test
    void longBeforeIsFlagged() {
        assertEquals(expected("NM-DX-EFFECTIVE C1:1 MEDIUM"), rules().lines(
                ClaimLineBuilder.claim("C1").on("2023-01-15").cpt("99213").dx("M62.85")).findings(RULE));
    }

    @Test
    void theParentCodeM628IsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                ClaimLineBuilder.claim("C1").on("2024-09-30").cpt("63650").dx("M62.8")).findings(RULE));
    }

    @Test
    void anotherCodeIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                ClaimLineBuilder.claim("C1").on("2024-09-30").cpt("63650").dx("M54.50", "G89.4")).findings(RULE));
    }

    @Test
    void m6285AmongSeveralCodesIsFlagged() {
        assertEquals(expected("NM-DX-EFFECTIVE C1:1 MEDIUM"), rules().lines(
                ClaimLineBuilder.claim("C1").on("2024-09-30").cpt("63650").dx("M54.50", "M62.85", "G89.4"))
                .findings(RULE));
    }

    @Test
    void everyLineCarryingItIsFlaggedWhateverTheCode() {
        assertEquals(expected("NM-DX-EFFECTIVE C1:1 MEDIUM", "NM-DX-EFFECTIVE C2:1 MEDIUM"), rules().lines(
                ClaimLineBuilder.claim("C1", 1).on("2024-09-30").cpt("63650").dx("M62.85"),
                ClaimLineBuilder.claim("C1", 2).on("2024-09-30").cpt("99213").dx("G89.4"),
                ClaimLineBuilder.claim("C2").on("2024-09-12").cpt("95970").dx("M62.85").institutional())
                .findings(RULE));
    }

    @Test
    void messageNamesTheCodeAndTheEffectiveDate() {
        List<Finding> found = rules().lines(
                ClaimLineBuilder.claim("C1").on("2024-09-30").cpt("63650").dx("M62.85")).findingsOf(RULE);
        assertEquals(1, found.size());
        assertEquals("63650 on 2024-09-30 carries diagnosis M62.85, which took effect on 2024-10-01: the code did not"
                + " exist on the date of service. Use the diagnosis valid on that date.", found.get(0).message());
    }

    // ---- Through claims.csv: the reader normalises the dotless form -----------------------------------

    @Test
    void dotlessAndLowerCaseFormsInClaimsCsvAreFlagged() throws IOException {
        DataFolder.in(tmp.resolve("data")).claims(
                claim("D1", "1").set("service_date", "2024-09-30").set("diagnosis_codes", "M6285").toString(),
                claim("D2", "1").set("service_date", "2024-09-30").set("diagnosis_codes", "m62.85").toString(),
                claim("D3", "1").set("service_date", "2024-09-30").set("diagnosis_codes", "M545 ; M6285;G894")
                        .toString(),
                claim("D4", "1").set("service_date", "2024-10-01").set("diagnosis_codes", "M6285").toString(),
                claim("D5", "1").set("service_date", "2024-09-30").set("diagnosis_codes", "M628").toString());
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("audit", tmp.resolve("data").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> flagged = csv(out.resolve("findings.csv")).stream().filter(r -> r.get("rule_id").equals(RULE))
                .map(r -> r.get("claim_id") + ":" + r.get("line_number") + " " + r.get("severity")).sorted().toList();
        assertEquals(List.of("D1:1 MEDIUM", "D2:1 MEDIUM", "D3:1 MEDIUM"), flagged);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).getRecords();
    }
}
