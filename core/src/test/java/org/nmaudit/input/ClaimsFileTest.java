package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.nmaudit.input.DataFolder.NPI_A;
import static org.nmaudit.input.DataFolder.assertCounts;
import static org.nmaudit.input.DataFolder.assertCellReason;
import static org.nmaudit.input.DataFolder.assertReason;
import static org.nmaudit.input.DataFolder.claim;
import static org.nmaudit.input.DataFolder.key;
import static org.nmaudit.input.DataFolder.keys;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PayerType;

/**
 * claims.csv read through {@link DataSetReader}: each validation of data-format.md gives exactly one
 * reject naming the file, the physical line, the column and the trimmed value; valid cells load
 * normalised.
 */
class ClaimsFileTest {
    private static final String CLAIMS = "claims.csv";

    @TempDir
    Path dir;

    /** One claim row (line 2) with one cell changed. */
    private DataSet oneRow(String column, String value) throws InputException {
        return DataFolder.in(dir).claims(claim().set(column, value).toString()).read();
    }

    private ClaimLine loadedWith(String column, String value) throws InputException {
        DataSet data = oneRow(column, value);
        assertEquals(List.of(), keys(data.rejects()), column + "='" + value + "' should load");
        assertCounts(data, CLAIMS, 1, 1, 0);
        return data.claimLines().get(0);
    }

    /** Exactly one reject, on line 2 in {@code column} with the trimmed value; the row is not loaded. */
    private Reject rejectedWith(String column, String value, String... keyWords) throws InputException {
        DataSet data = oneRow(column, value);
        assertEquals(List.of(key(CLAIMS, 2, column, value.trim())), keys(data.rejects()),
                column + "='" + value + "' should be rejected once");
        assertEquals(List.of(), data.claimLines());
        assertCounts(data, CLAIMS, 1, 0, 1);
        Reject r = data.rejects().get(0);
        assertCellReason(r, keyWords);
        return r;
    }

    @Test
    void aValidRowLoadsEveryColumn() throws InputException {
        DataSet data = DataFolder.in(dir).claims(claim("CLM-9", "2").set("patient_id", "MRN0042")
                .set("payer_type", "Commercial").set("rendering_npi", NPI_A).set("service_date", "2025-03-14")
                .set("cpt_code", "63650").set("modifiers", "59;xu").set("units", "2")
                .set("diagnosis_codes", "G89.4;M961").set("place_of_service", "22").set("bill_type", "0131")
                .set("prior_auth_number", "UTN12345678901").set("billed_amount", "$29,617.00")
                .set("paid_amount", "-12.50").toString()).read();
        assertEquals(List.of(), data.rejects());
        ClaimLine c = data.claimLines().get(0);
        assertEquals("CLM-9", c.getClaimId());
        assertEquals(2, c.getLineNumber());
        assertEquals("MRN0042", c.getPatientId());
        assertEquals(PayerType.COMMERCIAL, c.getPayerType());
        assertEquals(NPI_A, c.getRenderingNpi());
        assertEquals(LocalDate.of(2025, 3, 14), c.getServiceDate());
        assertEquals("63650", c.getCptCode());
        assertEquals(List.of("59", "XU"), c.getModifiers());
        assertAmount("2", c.getUnits());
        assertEquals(List.of("G89.4", "M96.1"), c.getDiagnosisCodes());
        assertEquals("22", c.getPlaceOfService());
        assertEquals("131", c.getBillType());
        assertEquals("UTN12345678901", c.getPriorAuthNumber());
        assertAmount("29617.00", c.getBilledAmount());
        assertAmount("-12.50", c.getPaidAmount());
        assertEquals(2, c.getSourceLine());
    }

    @Test
    void cellsAreTrimmedBeforeValidation() throws InputException {
        DataSet data = DataFolder.in(dir).claims(claim(" C1 ", " 03 ").set("patient_id", "  P1 ")
                .set("payer_type", " medicare ").set("rendering_npi", " " + NPI_A + " ")
                .set("service_date", " 2025-03-14 ").set("cpt_code", " l8680 ").set("units", " 2 ")
                .set("billed_amount", " $407.00 ").toString()).read();
        assertEquals(List.of(), data.rejects());
        ClaimLine c = data.claimLines().get(0);
        assertEquals("C1", c.getClaimId());
        assertEquals(3, c.getLineNumber());
        assertEquals("P1", c.getPatientId());
        assertEquals(NPI_A, c.getRenderingNpi());
        assertEquals("L8680", c.getCptCode());
        assertAmount("407.00", c.getBilledAmount());
    }

    // ---- required columns ------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"claim_id", "line_number", "patient_id", "payer_type", "rendering_npi", "service_date", "cpt_code"})
    void aBlankRequiredCellIsRejected(String column) throws InputException {
        rejectedWith(column, "", column);
    }

    @ParameterizedTest
    @CsvSource({"claim_id", "patient_id", "cpt_code"})
    void aWhitespaceOnlyRequiredCellIsBlank(String column) throws InputException {
        DataSet data = oneRow(column, "   ");
        assertEquals(List.of(key(CLAIMS, 2, column, "")), keys(data.rejects()));
    }

    // ---- line_number --------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0", "+3", "3.0", "-1", "99999999999999999999", "three", "1 2"})
    void lineNumberRejected(String value) throws InputException {
        rejectedWith("line_number", value, "line_number");
    }

    @Test
    void lineNumberWithLeadingZeroLoadsAsTheInteger() throws InputException {
        assertEquals(3, loadedWith("line_number", "03").getLineNumber());
    }

    // ---- duplicates: (claim_id, line_number), line numbers compared as integers ---------------------

    @Test
    void duplicateLineNumberComparedAsIntegerRejectsTheLaterRow() throws InputException {
        DataSet data = DataFolder.in(dir).claims(
                claim("C1", "3").set("cpt_code", "95970").toString(),
                claim("C1", "03").set("cpt_code", "95971").toString(),
                claim("C2", "3").toString()).read();
        assertEquals(List.of(key(CLAIMS, 3, "line_number", "03")), keys(data.rejects()));
        assertReason(data.rejects().get(0), "duplicate", "C1");
        assertEquals(List.of("C1:3:95970:2", "C2:3:95970:4"), idsOf(data.claimLines()));
        assertCounts(data, CLAIMS, 3, 2, 1);
    }

    @Test
    void duplicateKeepsTheFirstLoadedRowWhenTheFirstRowWasRejected() throws InputException {
        DataSet data = DataFolder.in(dir).claims(
                claim("C1", "3").set("rendering_npi", "1234567890").toString(),   // line 2: bad NPI
                claim("C1", "03").set("cpt_code", "95971").toString(),            // line 3: loads
                claim("C1", "3").set("cpt_code", "95972").toString()).read();      // line 4: duplicate of line 3
        assertEquals(List.of(key(CLAIMS, 2, "rendering_npi", "1234567890"), key(CLAIMS, 4, "line_number", "3")),
                keys(data.rejects()));
        assertReason(data.rejects().get(1), "duplicate");
        assertEquals(List.of("C1:3:95971:3"), idsOf(data.claimLines()));
        assertCounts(data, CLAIMS, 3, 1, 2);
    }

    @Test
    void sameLineNumberOnDifferentClaimsIsNoDuplicate() throws InputException {
        DataSet data = DataFolder.in(dir).claims(claim("C1", "1").toString(), claim("C2", "1").toString(),
                claim("C1", "2").toString()).read();
        assertEquals(List.of(), data.rejects());
        assertCounts(data, CLAIMS, 3, 3, 0);
    }

    @Test
    void duplicateOfTrimmedClaimIdIsADuplicate() throws InputException {
        DataSet data = DataFolder.in(dir).claims(claim("C1", "1").toString(), claim(" C1 ", "1").toString()).read();
        assertEquals(List.of(key(CLAIMS, 3, "line_number", "1")), keys(data.rejects()));
    }

    // ---- payer_type ---------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"medicare, MEDICARE", "MEDICARE, MEDICARE", "Medicare_Advantage, MEDICARE_ADVANTAGE",
        "medicaid, MEDICAID", "COMMERCIAL, COMMERCIAL", "Other, OTHER"})
    void payerTypeIsCaseInsensitive(String value, PayerType expected) throws InputException {
        assertEquals(expected, loadedWith("payer_type", value).getPayerType());
    }

    @ParameterizedTest
    @CsvSource({"SELF_PAY", "Medicare Advantage", "BCBS"})
    void unknownPayerTypeRejected(String value) throws InputException {
        rejectedWith("payer_type", value, "payer_type");
    }

    // ---- rendering_npi ----------------------------------------------------------------------------------

    @Test
    void npiFailingTheCheckDigitIsRejectedWithTheSpecReason() throws InputException {
        // data-format.md: a reason a person can act on ("rendering_npi 1234567890 fails the NPI check digit")
        Reject r = rejectedWith("rendering_npi", "1234567890", "rendering_npi", "check digit");
        assertEquals("rendering_npi 1234567890 fails the NPI check digit", r.reason());
    }

    @ParameterizedTest
    @CsvSource({"123456789", "12345678931", "12345X7893", "1234 567893"})
    void npiNotTenDigitsRejected(String value) throws InputException {
        rejectedWith("rendering_npi", value, "rendering_npi");
    }

    @Test
    void validNpiLoads() throws InputException {
        assertEquals("1234567893", loadedWith("rendering_npi", "1234567893").getRenderingNpi());
    }

    // ---- service_date -------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"2025-02-30", "2025-2-3", "20250203", "2025-02-29", "14/03/2025"})
    void badServiceDateRejected(String value) throws InputException {
        rejectedWith("service_date", value, "service_date", "date");
    }

    @Test
    void leapDayLoads() throws InputException {
        assertEquals(LocalDate.of(2024, 2, 29), loadedWith("service_date", "2024-02-29").getServiceDate());
    }

    // ---- cpt_code -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"l8680, L8680", "L8680, L8680", "0587T, 0587T", "0587t, 0587T", "63685, 63685"})
    void cptCodeLoadsUpperCased(String value, String expected) throws InputException {
        assertEquals(expected, loadedWith("cpt_code", value).getCptCode());
    }

    @ParameterizedTest
    @CsvSource({"9597", "636500", "ABCDE", "L868"})
    void badCptCodeRejected(String value) throws InputException {
        rejectedWith("cpt_code", value, "cpt_code");
    }

    // ---- modifiers ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"59;xu|59,XU", "59;;XU ;|59,XU", "26|26", "26;59;XU;KX|26,59,XU,KX"})
    void modifiersLoadUpperCasedWithoutEmptyItems(String value, String expected) throws InputException {
        assertEquals(List.of(expected.split(",")), loadedWith("modifiers", value).getModifiers());
    }

    @Test
    void blankModifiersAreNone() throws InputException {
        assertEquals(List.of(), loadedWith("modifiers", "").getModifiers());
    }

    @ParameterizedTest
    @CsvSource({"26;59;XU;KX;76", "ABC", "59;A", "59;XU;ABC"})
    void badModifiersRejected(String value) throws InputException {
        rejectedWith("modifiers", value, "modifiers");
    }

    // ---- units --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(value = {"'', 1", "2, 2", "1.5, 1.5"})
    void unitsLoad(String value, String expected) throws InputException {
        assertAmount(expected, loadedWith("units", value).getUnits());
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "two"})
    void badUnitsRejected(String value) throws InputException {
        rejectedWith("units", value, "units");
    }

    // ---- diagnosis_codes -------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"M961|M96.1", "m96.1|M96.1", "G89.4;M961|G89.4,M96.1", "Z4542|Z45.42",
        "G89|G89", "g89.4 ; ;z4542|G89.4,Z45.42"})
    void diagnosisCodesLoadDotted(String value, String expected) throws InputException {
        assertEquals(List.of(expected.split(",")), loadedWith("diagnosis_codes", value).getDiagnosisCodes());
    }

    @Test
    void blankDiagnosisCodesAreNone() throws InputException {
        assertEquals(List.of(), loadedWith("diagnosis_codes", "").getDiagnosisCodes());
    }

    // ---- place_of_service ---------------------------------------------------------------------------------

    @Test
    void placeOfServiceTwoDigitsLoads() throws InputException {
        assertEquals("11", loadedWith("place_of_service", "11").getPlaceOfService());
    }

    @Test
    void blankPlaceOfServiceIsUnknown() throws InputException {
        assertNull(loadedWith("place_of_service", "").getPlaceOfService());
    }

    @ParameterizedTest
    @CsvSource({"1", "111", "O1"})
    void badPlaceOfServiceRejected(String value) throws InputException {
        rejectedWith("place_of_service", value, "place_of_service");
    }

    // ---- bill_type ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"131, 131", "0131, 131"})
    void billTypeLoads(String value, String expected) throws InputException {
        ClaimLine c = loadedWith("bill_type", value);
        assertEquals(expected, c.getBillType());
        assertEquals(true, c.isInstitutional());
    }

    @Test
    void blankBillTypeIsAProfessionalLine() throws InputException {
        ClaimLine c = loadedWith("bill_type", "");
        assertNull(c.getBillType());
        assertEquals(true, c.isProfessional());
    }

    @ParameterizedTest
    @CsvSource({"1310", "13", "13A"})
    void badBillTypeRejected(String value) throws InputException {
        rejectedWith("bill_type", value, "bill_type");
    }

    // ---- amounts --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"$29,617.00|29617.00", "407|407", "-12.50|-12.50",
        "1,234,567.89|1234567.89"})
    void amountsLoad(String value, String expected) throws InputException {
        assertAmount(expected, loadedWith("billed_amount", value).getBilledAmount());
        assertAmount(expected, loadedWith("paid_amount", value).getPaidAmount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"$1,23", "12,34", "abc"})
    void badAmountsRejected(String value) throws InputException {
        rejectedWith("billed_amount", value, "billed_amount");
        rejectedWith("paid_amount", value, "paid_amount");
    }

    @Test
    void blankPaidAmountIsNotYetAdjudicated() throws InputException {
        assertNull(loadedWith("paid_amount", "").getPaidAmount());
    }

    // ---- all problems of a row -------------------------------------------------------------------------------

    @Test
    void everyProblemOfARowIsReported() throws InputException {
        DataSet data = DataFolder.in(dir).claims(
                claim("C1", "1").toString(),
                claim("C1", "2").set("rendering_npi", "1234567890").set("service_date", "2025-02-30")
                        .set("cpt_code", "ABCDE").toString(),
                claim("C1", "3").toString()).read();
        assertEquals(List.of(key(CLAIMS, 3, "cpt_code", "ABCDE"), key(CLAIMS, 3, "rendering_npi", "1234567890"),
                key(CLAIMS, 3, "service_date", "2025-02-30")), sortedKeys(data.rejects()));
        for (Reject r : data.rejects()) {
            assertCellReason(r, r.column());
        }
        assertCounts(data, CLAIMS, 3, 2, 1);
        assertEquals(List.of("C1:1:95970:2", "C1:3:95970:4"), idsOf(data.claimLines()));
    }

    @Test
    void rejectsOfSeveralRowsComeInLineOrder() throws InputException {
        DataSet data = DataFolder.in(dir).claims(
                claim("C1", "1").set("units", "0").toString(),
                claim("C1", "2").toString(),
                claim("C1", "3").set("place_of_service", "111").toString(),
                claim("C1", "4").set("payer_type", "SELF").toString()).read();
        assertEquals(List.of(key(CLAIMS, 2, "units", "0"), key(CLAIMS, 4, "place_of_service", "111"),
                key(CLAIMS, 5, "payer_type", "SELF")), keys(data.rejects()));
        assertCounts(data, CLAIMS, 4, 1, 3);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static List<String> idsOf(List<ClaimLine> lines) {
        List<String> out = new ArrayList<>();
        for (ClaimLine c : lines) {
            out.add(c.getClaimId() + ":" + c.getLineNumber() + ":" + c.getCptCode() + ":" + c.getSourceLine());
        }
        return out;
    }

    private static List<String> sortedKeys(List<Reject> rejects) {
        List<Reject> sorted = new ArrayList<>(rejects);
        sorted.sort(Comparator.comparing(Reject::file).thenComparingLong(Reject::line).thenComparing(Reject::column));
        return keys(sorted);
    }

    static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }
}
