package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.facts.PayerType;
import org.nmaudit.findings.Finding;
import org.nmaudit.input.DataFolder;
import org.nmaudit.input.InputException;
import org.nmaudit.testing.ClaimLineBuilder;
import org.nmaudit.testing.CliRun;

/**
 * NM-PA-MISSING (extended-rules.md): payer MEDICARE, bill_type 13x (after dropping the leading 0 of a
 * 4-digit value), CPT 63650, service_date on or after 2021-07-01 and a blank prior_auth_number is a
 * BLOCKER; a number that is not exactly 14 ASCII letters or digits is HIGH. Professional claims are
 * never flagged.
 *
 * <p>{@link ClaimLineBuilder} takes the bill type as the reader stores it (three digits: {@code 0131}
 * is loaded as {@code 131}); the 4-digit form is tested end to end through a claims.csv.
 */
class NmPaMissingTest {
    private static final String RULE = "NM-PA-MISSING";
    private static final String UTN = "AB12CD34EF56GH";

    @TempDir
    Path tmp;

    /** A Medicare hospital outpatient 63650 line (claim H1) on 2025-03-01, bill type 131, no UTN. */
    private static ClaimLineBuilder opd63650() {
        return claim("H1").on("2025-03-01").cpt("63650").billType("131").npi(ClaimLineBuilder.NPI_HOSPITAL);
    }

    // ---- Which lines: Medicare, 13x, 63650, from 2021-07-01 --------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"131", "137", "130", "132", "138"})
    void aBlankNumberOnA13xBillTypeIsABlocker(String billType) {
        assertEquals(expected("NM-PA-MISSING H1:1 BLOCKER"),
                rules().line(opd63650().billType(billType)).findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"851", "831", "111", "121", "141", "313", "213"})
    void otherBillTypesAreNeverFlagged(String billType) {
        assertEquals(List.of(), rules().lines(
                opd63650().billType(billType),
                claim("H2").on("2025-03-01").cpt("63650").billType(billType).priorAuth("BAD")).findings(RULE));
    }

    @Test
    void aProfessionalLineIsNeverFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63650"),
                claim("C2").on("2025-03-01").cpt("63650").priorAuth("BAD")).findings(RULE));
    }

    @ParameterizedTest
    @EnumSource(value = PayerType.class, names = "MEDICARE", mode = EnumSource.Mode.EXCLUDE)
    void otherPayersAreNotFlagged(PayerType payer) {
        assertEquals(List.of(), rules().lines(
                opd63650().payer(payer),
                claim("H2").on("2025-03-01").cpt("63650").billType("131").payer(payer).priorAuth("BAD"))
                .findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"63685", "63655", "64555", "63661"})
    void otherCodesAreNotFlagged(String cpt) {
        assertEquals(List.of(), rules().lines(
                opd63650().cpt(cpt),
                claim("H2").on("2025-03-01").cpt(cpt).billType("131").priorAuth("BAD")).findings(RULE));
    }

    @Test
    void the63650OfPermanentLeadsNeedsTheNumberToo() {
        // The rule is about CPT 63650, trial or not: a 63685 the same day does not exempt it.
        assertEquals(expected("NM-PA-MISSING H1:1 BLOCKER"), rules().lines(
                opd63650(),
                claim("H1", 2).on("2025-03-01").cpt("63685").billType("131")).findings(RULE));
    }

    @Test
    void theDayBeforeThe2021ProgramIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                opd63650().on("2021-06-30"),
                claim("H2").on("2021-06-30").cpt("63650").billType("131").priorAuth("BAD")).findings(RULE));
    }

    @Test
    void theFirstDayOfThe2021ProgramIsFlagged() {
        assertEquals(expected("NM-PA-MISSING H1:1 BLOCKER", "NM-PA-MISSING H2:1 HIGH"), rules().lines(
                opd63650().on("2021-07-01"),
                claim("H2").on("2021-07-01").cpt("63650").billType("131").priorAuth("BAD")).findings(RULE));
    }

    @Test
    void everyOpd63650LineIsFlaggedAndTheProfessionalLineOfTheDayIsNot() {
        assertEquals(expected("NM-PA-MISSING H1:1 BLOCKER", "NM-PA-MISSING H1:2 BLOCKER"), rules().lines(
                opd63650(),
                claim("H1", 2).on("2025-03-01").cpt("63650").billType("131").npi(ClaimLineBuilder.NPI_HOSPITAL),
                claim("C1").on("2025-03-01").cpt("63650")).findings(RULE));
    }

    // ---- The unique tracking number: exactly 14 ASCII letters (either case) or digits ----------------

    @ParameterizedTest
    @ValueSource(strings = {"AB12CD34EF56GH", "ab12cd34ef56gh", "12345678901234", "ABCDEFGHIJKLMN", "Ab12cD34eF56gH"})
    void aWellFormedNumberIsNotFlagged(String utn) {
        assertEquals(14, utn.length());
        assertEquals(List.of(), rules().line(opd63650().priorAuth(utn)).findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AB12CD34EF56G", // 13 characters
        "AB12CD34EF56GHI", // 15 characters
        "AB12CD34-F56GH", // 14 with a dash
        "AB12CD34 F56GH", // 14 with a space inside
        "AB12CD34\u00C9F56GH", // 14 with a non-ASCII letter (É)
        "AB12CD34\uFF11F56GH", // 14 with a fullwidth digit
        "AB12CD34EF56G.", // 14 with a dot
        "X" // far too short
    })
    void aMalformedNumberIsHigh(String utn) {
        assertEquals(expected("NM-PA-MISSING H1:1 HIGH"), rules().line(opd63650().priorAuth(utn)).findings(RULE));
    }

    @Test
    void theMalformed14CharacterCasesReallyHave14Characters() {
        for (String utn : List.of("AB12CD34-F56GH", "AB12CD34 F56GH", "AB12CD34\u00C9F56GH", "AB12CD34\uFF11F56GH",
                "AB12CD34EF56G.")) {
            assertEquals(14, utn.length(), utn);
        }
        assertEquals(13, "AB12CD34EF56G".length());
        assertEquals(15, "AB12CD34EF56GHI".length());
    }

    @Test
    void aMalformedNumberOnAProfessionalLineIsNotFlagged() {
        assertEquals(List.of(), rules().line(claim("C1").on("2025-03-01").cpt("63650").priorAuth("AB-12"))
                .findings(RULE));
    }

    // ---- Messages ------------------------------------------------------------------------------------

    @Test
    void theBlockerMessageNamesTheBillTypeAndTheMissingNumber() {
        List<Finding> found = rules().line(opd63650().billType("137")).findingsOf(RULE);
        assertEquals(1, found.size());
        String message = found.get(0).message();
        assertTrue(message.contains("bill type 137"), message);
        assertTrue(message.contains("63650") && message.contains("2025-03-01"), message);
        assertTrue(message.contains("UTN") && message.contains("no prior-authorization number"), message);
    }

    @Test
    void theHighMessageNamesTheNumberAndTheBillType() {
        List<Finding> found = rules().line(opd63650().priorAuth("AB12CD34EF56G")).findingsOf(RULE);
        assertEquals(1, found.size());
        String message = found.get(0).message();
        assertTrue(message.contains("'AB12CD34EF56G'") && message.contains("13 characters"), message);
        assertTrue(message.contains("bill type 131"), message);
        assertTrue(message.contains("14"), message);
    }

    // ---- End to end: the 4-digit bill type of claims.csv ----------------------------------------------

    @Test
    void theReaderStoresA4DigitBillTypeWithoutItsLeading0() throws InputException {
        DataFolder data = DataFolder.in(tmp.resolve("data")).claims(
                DataFolder.claim("H1", "1").set("cpt_code", "63650").set("bill_type", "0131").toString());
        assertEquals("131", data.read().claimLines().get(0).getBillType());
    }

    @Test
    void a4DigitBillType0131IsFlaggedEndToEnd() throws IOException {
        Path dataPath = tmp.resolve("data");
        Path out = tmp.resolve("out");
        DataFolder.in(dataPath).claims(
                DataFolder.claim("H1", "1").set("cpt_code", "63650").set("service_date", "2025-03-01")
                        .set("bill_type", "0131").set("place_of_service", "").toString(),
                DataFolder.claim("H2", "1").set("cpt_code", "63650").set("service_date", "2025-03-01")
                        .set("bill_type", "0137").set("place_of_service", "").set("prior_auth_number", "AB-12")
                        .toString(),
                // A well-formed number with blanks around it: cells are trimmed before validation.
                DataFolder.claim("H3", "1").set("cpt_code", "63650").set("service_date", "2025-03-01")
                        .set("bill_type", "0131").set("place_of_service", "").set("prior_auth_number", "  " + UTN + " ")
                        .toString(),
                DataFolder.claim("H4", "1").set("cpt_code", "63650").set("service_date", "2025-03-01")
                        .set("bill_type", "0851").set("place_of_service", "").toString(),
                DataFolder.claim("C1", "1").set("cpt_code", "63650").set("service_date", "2025-03-01").toString());
        CliRun run = CliRun.of("audit", dataPath.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);

        List<String> found = new ArrayList<>();
        String blockerMessage = null;
        for (CSVRecord r : csv(out.resolve("findings.csv"))) {
            if (r.get("rule_id").equals(RULE)) {
                found.add(r.get("rule_id") + " " + r.get("claim_id") + ":" + r.get("line_number") + " "
                        + r.get("severity"));
                if (r.get("claim_id").equals("H1")) {
                    blockerMessage = r.get("message");
                }
            }
        }
        assertEquals(expected("NM-PA-MISSING H1:1 BLOCKER", "NM-PA-MISSING H2:1 HIGH"), found.stream().sorted().toList());
        assertTrue(blockerMessage.contains("bill type 131"), blockerMessage);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }
}
