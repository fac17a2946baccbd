package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.facts.PayerType;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.ClaimLineBuilder;
import org.nmaudit.testing.RuleHarness;

/**
 * NM-UNDERPAID (extended-rules.md): a line with units = 1 and paid_amount below expected × (1 − 0.05);
 * amount_at_risk = expected − paid. Expected comes from the fee-schedule row keyed by payer_type,
 * cpt_code, setting and component with the latest effective_from on or before the service date.
 */
class NmUnderpaidTest {
    private static final String RULE = "NM-UNDERPAID";

    /** Medicare 95970, professional, non-facility, $100.00 from 2024-01-01: the least payment is $95.00. */
    private static RuleHarness rate100() {
        return rules().rate(PayerType.MEDICARE, "95970", "NON_FACILITY", "PROFESSIONAL", "100.00", "2024-01-01");
    }

    /** A professional 95970 line in the office (non-facility), paid {@code paid}. */
    private static ClaimLineBuilder office(String paid) {
        return claim("C1").on("2025-03-01").cpt("95970").pos("11").paid(paid);
    }

    /** Each finding as "claim:line SEVERITY amount_at_risk". */
    private static List<String> withAmounts(RuleHarness harness) {
        return harness.findingsOf(RULE).stream()
                .map(f -> f.claimId() + ":" + f.lineNumber() + " " + f.severity() + " "
                        + (f.amountAtRisk() == null ? "-" : f.amountAtRisk().toPlainString()))
                .sorted().toList();
    }

    // ---- The tolerance ---------------------------------------------------------------------------------

    @Test
    void paidExactlyAtExpectedTimes095IsNotFlagged() {
        assertEquals(List.of(), rate100().line(office("95.00")).findings(RULE));
    }

    @Test
    void oneCentBelowIsFlaggedWithExpectedMinusPaidAtRisk() {
        assertEquals(List.of("C1:1 INFO 5.01"), withAmounts(rate100().line(office("94.99"))));
    }

    @Test
    void paidInFullOrMoreIsNotFlagged() {
        assertEquals(List.of(), rate100().lines(office("100.00"),
                claim("C2").on("2025-03-01").cpt("95970").pos("11").paid("120.00")).findings(RULE));
    }

    @Test
    void paidZeroIsFlagged() {
        assertEquals(List.of("C1:1 INFO 100.00"), withAmounts(rate100().line(office("0.00"))));
    }

    @Test
    void underpaymentToleranceOverride() {
        // With 10%: 90.00 is not short, 89.99 is.
        assertEquals(List.of(), rate100().line(office("90.00")).param("underpayment_tolerance", "0.10")
                .findings(RULE));
        assertEquals(List.of("C1:1 INFO 10.01"), withAmounts(rate100().line(office("89.99"))
                .param("underpayment_tolerance", "0.10")));
    }

    // ---- Lines that are skipped ------------------------------------------------------------------------

    @Test
    void twoUnitsAreSkipped() {
        assertEquals(List.of(), rate100().line(office("10.00").units("2")).findings(RULE));
    }

    @Test
    void halfAUnitIsSkipped() {
        assertEquals(List.of(), rate100().line(office("10.00").units("0.5")).findings(RULE));
    }

    @Test
    void unitsWrittenAs1Point0CountAsOne() {
        assertEquals(List.of("C1:1 INFO 90.00"), withAmounts(rate100().line(office("10.00").units("1.0"))));
    }

    @Test
    void aLineWithoutPaidAmountIsSkipped() {
        assertEquals(List.of(), rate100().line(office(null)).findings(RULE));
    }

    @Test
    void noFeeRowForTheCodeIsSkipped() {
        assertEquals(List.of(), rate100().line(
                claim("C1").on("2025-03-01").cpt("95971").pos("11").paid("1.00")).findings(RULE));
    }

    @Test
    void noFeeRowForThePayerIsSkipped() {
        assertEquals(List.of(), rate100().line(office("1.00").payer(PayerType.COMMERCIAL)).findings(RULE));
    }

    @Test
    void medicareAdvantageIsNotPaidAgainstMedicareRows() {
        assertEquals(List.of(), rate100().line(office("1.00").payer(PayerType.MEDICARE_ADVANTAGE)).findings(RULE));
    }

    @Test
    void aRowForThePayerTypeIsUsed() {
        assertEquals(List.of("C1:1 INFO 300.00"), withAmounts(rate100()
                .rate(PayerType.COMMERCIAL, "95970", "NON_FACILITY", "PROFESSIONAL", "400.00", "2024-01-01")
                .line(office("100.00").payer(PayerType.COMMERCIAL))));
    }

    // ---- The setting and component -------------------------------------------------------------------
    // Rows for Medicare 63650: FACILITY/PROFESSIONAL 100, NON_FACILITY/PROFESSIONAL 200,
    // FACILITY/FACILITY_FEE 1000, NON_FACILITY/FACILITY_FEE 5000 (never used). Paid 50.00: the amount at
    // risk names the row.

    private static RuleHarness fourRows() {
        return rules()
                .rate(PayerType.MEDICARE, "63650", "FACILITY", "PROFESSIONAL", "100.00", "2024-01-01")
                .rate(PayerType.MEDICARE, "63650", "NON_FACILITY", "PROFESSIONAL", "200.00", "2024-01-01")
                .rate(PayerType.MEDICARE, "63650", "FACILITY", "FACILITY_FEE", "1000.00", "2024-01-01")
                .rate(PayerType.MEDICARE, "63650", "NON_FACILITY", "FACILITY_FEE", "5000.00", "2024-01-01");
    }

    private static ClaimLineBuilder paid50() {
        return claim("C1").on("2025-03-01").cpt("63650").paid("50.00");
    }

    @Test
    void professionalInTheOfficeUsesTheNonFacilityRow() {
        assertEquals(List.of("C1:1 INFO 150.00"), withAmounts(fourRows().line(paid50().pos("11"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"19", "21", "22", "23", "24"})
    void professionalInAFacilityPlaceUsesTheFacilityRow(String pos) {
        assertEquals(List.of("C1:1 INFO 50.00"), withAmounts(fourRows().line(paid50().pos(pos))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "20", "49", "99"})
    void professionalInAnyOtherPlaceUsesTheNonFacilityRow(String pos) {
        assertEquals(List.of("C1:1 INFO 150.00"), withAmounts(fourRows().line(paid50().pos(pos))));
    }

    @Test
    void professionalWithBlankPlaceOfServiceUsesTheNonFacilityRow() {
        assertEquals(List.of("C1:1 INFO 150.00"), withAmounts(fourRows().line(paid50())));
    }

    @Test
    void institutionalUsesTheFacilityFeeRow() {
        assertEquals(List.of("C1:1 INFO 950.00"), withAmounts(fourRows().line(paid50().pos("22").institutional())));
    }

    @Test
    void institutionalIsFacilityWhateverThePlaceOfService() {
        assertEquals(List.of("C1:1 INFO 950.00", "C2:1 INFO 950.00"), withAmounts(fourRows().lines(
                paid50().pos("11").institutional(),
                claim("C2").on("2025-03-01").cpt("63650").paid("50.00").institutional())));
    }

    @Test
    void institutionalWithoutAFacilityFeeRowIsSkipped() {
        assertEquals(List.of(), rules()
                .rate(PayerType.MEDICARE, "63650", "FACILITY", "PROFESSIONAL", "100.00", "2024-01-01")
                .line(paid50().pos("22").institutional()).findings(RULE));
    }

    @Test
    void professionalWithOnlyTheOtherSettingsRowIsSkipped() {
        assertEquals(List.of(), rules()
                .rate(PayerType.MEDICARE, "63650", "FACILITY", "PROFESSIONAL", "100.00", "2024-01-01")
                .line(paid50().pos("11")).findings(RULE));
    }

    // ---- The row in force on the date of service ----------------------------------------------------------

    private static RuleHarness twoYears() {
        return rules()
                .rate(PayerType.MEDICARE, "95970", "NON_FACILITY", "PROFESSIONAL", "100.00", "2024-01-01")
                .rate(PayerType.MEDICARE, "95970", "NON_FACILITY", "PROFESSIONAL", "200.00", "2025-01-01");
    }

    @Test
    void theDayBeforeTheNewRowUsesTheOldRow() {
        assertEquals(List.of("C1:1 INFO 10.00"), withAmounts(twoYears().line(
                claim("C1").on("2024-12-31").cpt("95970").pos("11").paid("90.00"))));
    }

    @Test
    void theDayTheNewRowTakesEffectUsesIt() {
        assertEquals(List.of("C1:1 INFO 110.00"), withAmounts(twoYears().line(
                claim("C1").on("2025-01-01").cpt("95970").pos("11").paid("90.00"))));
    }

    @Test
    void aHigherOldRowDoesNotFlagAPaymentThatMeetsTheNewRow() {
        // 2024: 200, 2025: 100. Paid 100 in 2025 meets the row in force, though it is short of 2024's.
        assertEquals(List.of(), rules()
                .rate(PayerType.MEDICARE, "95970", "NON_FACILITY", "PROFESSIONAL", "200.00", "2024-01-01")
                .rate(PayerType.MEDICARE, "95970", "NON_FACILITY", "PROFESSIONAL", "100.00", "2025-01-01")
                .line(claim("C1").on("2025-06-01").cpt("95970").pos("11").paid("100.00")).findings(RULE));
    }

    @Test
    void rowsInAnyOrderGiveTheSameResult() {
        assertEquals(List.of("C1:1 INFO 10.00", "C2:1 INFO 110.00", "C3:1 INFO 210.00"), withAmounts(rules()
                .rate(PayerType.MEDICARE, "95970", "NON_FACILITY", "PROFESSIONAL", "300.00", "2026-01-01")
                .rate(PayerType.MEDICARE, "95970", "NON_FACILITY", "PROFESSIONAL", "100.00", "2024-01-01")
                .rate(PayerType.MEDICARE, "95970", "NON_FACILITY", "PROFESSIONAL", "200.00", "2025-01-01")
                .lines(claim("C1").on("2024-06-30").cpt("95970").pos("11").paid("90.00"),
                        claim("C2").on("2025-06-30").cpt("95970").pos("11").paid("90.00"),
                        claim("C3").on("2026-06-30").cpt("95970").pos("11").paid("90.00"))));
    }

    @Test
    void aServiceDateBeforeEveryRowIsSkipped() {
        assertEquals(List.of(), twoYears().line(
                claim("C1").on("2023-12-31").cpt("95970").pos("11").paid("1.00")).findings(RULE));
    }

    @Test
    void messageNamesPaidExpectedAndTheRow() {
        List<Finding> found = rate100().line(office("80.00")).findingsOf(RULE);
        assertEquals(expected("NM-UNDERPAID C1:1 INFO"), RuleHarness.compact(found));
        assertEquals("95970 on 2025-03-01 (MEDICARE, NON_FACILITY PROFESSIONAL) was paid $80.00 against $100.00"
                + " expected from 2024-01-01 (fee-schedule.csv line 2), more than 5% short: $20.00 to follow up.",
                found.get(0).message());
    }

    // ---- The shipped reference data -------------------------------------------------------------------

    @Test
    void shippedMedicare63650ProfessionalInAnAsc() {
        // $407.00 facility professional: the least payment is 407 × 0.95 = 386.65.
        assertEquals(List.of(), rules().shippedReferenceData().line(
                claim("C1").on("2025-03-01").cpt("63650").pos("24").paid("386.65")).findings(RULE));
        assertEquals(List.of("C1:1 INFO 20.36"), withAmounts(rules().shippedReferenceData().line(
                claim("C1").on("2025-03-01").cpt("63650").pos("24").paid("386.64"))));
    }

    @Test
    void shippedMedicareRowsForTheOtherSettings() {
        assertEquals(List.of("F1:1 INFO 523.00", "N1:1 INFO 236.00", "O1:1 INFO 9.00"), withAmounts(rules()
                .shippedReferenceData().lines(
                        claim("N1").on("2025-03-01").cpt("63650").pos("11").paid("2000.00"),
                        claim("F1").on("2025-03-01").cpt("63650").pos("22").institutional().paid("6000.00"),
                        claim("O1").on("2025-03-01").cpt("95971").pos("11").paid("38.00"),
                        claim("O2").on("2025-03-01").cpt("95971").pos("24").paid("38.00"))));
    }
}
