package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_A;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_B;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_HOSPITAL;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.ratio;
import static org.nmaudit.testing.RuleHarness.rules;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.ClaimLineBuilder;
import org.nmaudit.testing.RuleHarness;

/**
 * NM-RATIO (core-rules.md): a physician's trial-to-permanent conversion ratio below 50% once at least 5
 * trials are decided. Every fixture runs as of 2025-12-31, one patient per trial episode:
 * <ul>
 * <li>converted: trial 2025-01-10, new implant 2025-02-09;</li>
 * <li>failed: trial 2025-01-10, no implant (355 days on the as-of date);</li>
 * <li>pending: trial 2025-12-01 (30 days on the as-of date).</li>
 * </ul>
 */
class NmRatioTest {
    private static final String RULE = "NM-RATIO";
    private static final String AS_OF = "2025-12-31";

    private static ClaimLineBuilder[] converted(String patient, String npi) {
        return new ClaimLineBuilder[] {
            claim("T-" + patient).patient(patient).npi(npi).on("2025-01-10").cpt("63650"),
            claim("I-" + patient).patient(patient).npi(npi).on("2025-02-09").cpt("63685") };
    }

    private static ClaimLineBuilder failed(String patient, String npi) {
        return claim("T-" + patient).patient(patient).npi(npi).on("2025-01-10").cpt("63650");
    }

    private static ClaimLineBuilder pending(String patient, String npi) {
        return claim("T-" + patient).patient(patient).npi(npi).on("2025-12-01").cpt("63650");
    }

    private static String onlyMessage(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0).message();
    }

    private static void assertStates(String message, String... facts) {
        for (String fact : facts) {
            assertTrue(message.contains(fact), "message lacks \"" + fact + "\": " + message);
        }
    }

    @Test
    void fiveDecidedWithTwoConvertedIsFlagged() {
        RuleHarness h = rules()
                .lines(converted("P1", NPI_A)).lines(converted("P2", NPI_A))
                .lines(failed("P3", NPI_A), failed("P4", NPI_A), failed("P5", NPI_A))
                .asOf(AS_OF);
        assertEquals(expected("NM-RATIO 1234567893 HIGH"), h.findings(RULE));
        assertEquals(List.of(ratio(NPI_A, 2, 3, 0)), h.ratios());
        assertStates(onlyMessage(h.findingsOf(RULE)), "2 converted", "3 failed", "0 pending", "40%");
    }

    @Test
    void fourDecidedIsNotFlaggedEvenWithNoConversion() {
        RuleHarness h = rules()
                .lines(failed("P1", NPI_A), failed("P2", NPI_A), failed("P3", NPI_A), failed("P4", NPI_A))
                .asOf(AS_OF);
        assertEquals(List.of(), h.findings(RULE));
        assertEquals(List.of(ratio(NPI_A, 0, 4, 0)), h.ratios());
    }

    @Test
    void exactlyHalfThreeOfSixIsNotFlagged() {
        RuleHarness h = rules()
                .lines(converted("P1", NPI_A)).lines(converted("P2", NPI_A)).lines(converted("P3", NPI_A))
                .lines(failed("P4", NPI_A), failed("P5", NPI_A), failed("P6", NPI_A))
                .asOf(AS_OF);
        assertEquals(List.of(), h.findings(RULE));
        assertEquals(List.of(ratio(NPI_A, 3, 3, 0)), h.ratios());
    }

    @Test
    void pendingIsLeftOutOfDecidedButReportedInTheMessage() {
        // 2 of 5 decided = 40%; counted as failures the pending trials would give 2 of 7.
        RuleHarness h = rules()
                .lines(converted("P1", NPI_A)).lines(converted("P2", NPI_A))
                .lines(failed("P3", NPI_A), failed("P4", NPI_A), failed("P5", NPI_A))
                .lines(pending("P6", NPI_A), pending("P7", NPI_A))
                .asOf(AS_OF);
        assertEquals(expected("NM-RATIO 1234567893 HIGH"), h.findings(RULE));
        assertEquals(List.of(ratio(NPI_A, 2, 3, 2)), h.ratios());
        assertStates(onlyMessage(h.findingsOf(RULE)), "2 converted", "3 failed", "2 pending", "40%");
    }

    @Test
    void pendingDoesNotCountTowardsTheFiveDecided() {
        RuleHarness h = rules()
                .lines(failed("P1", NPI_A), failed("P2", NPI_A), failed("P3", NPI_A), failed("P4", NPI_A))
                .lines(pending("P5", NPI_A), pending("P6", NPI_A), pending("P7", NPI_A))
                .asOf(AS_OF);
        assertEquals(List.of(), h.findings(RULE));
        assertEquals(List.of(ratio(NPI_A, 0, 4, 3)), h.ratios());
    }

    @Test
    void minDecidedTrialsOverrideFlagsFourDecided() {
        RuleHarness h = rules()
                .lines(converted("P1", NPI_A))
                .lines(failed("P2", NPI_A), failed("P3", NPI_A), failed("P4", NPI_A))
                .param("ratio_min_decided_trials", "4")
                .asOf(AS_OF);
        assertEquals(expected("NM-RATIO 1234567893 HIGH"), h.findings(RULE));
        assertStates(onlyMessage(h.findingsOf(RULE)), "1 converted", "3 failed", "0 pending", "25%");
    }

    @Test
    void thresholdOverrideAboveHalfFlagsThreeOfSix() {
        assertEquals(expected("NM-RATIO 1234567893 HIGH"), rules()
                .lines(converted("P1", NPI_A)).lines(converted("P2", NPI_A)).lines(converted("P3", NPI_A))
                .lines(failed("P4", NPI_A), failed("P5", NPI_A), failed("P6", NPI_A))
                .param("ratio_threshold", "0.60")
                .asOf(AS_OF).findings(RULE));
    }

    @Test
    void thresholdOverrideEqualToTheRatioDoesNotFlagTwoOfFive() {
        assertEquals(List.of(), rules()
                .lines(converted("P1", NPI_A)).lines(converted("P2", NPI_A))
                .lines(failed("P3", NPI_A), failed("P4", NPI_A), failed("P5", NPI_A))
                .param("ratio_threshold", "0.40")
                .asOf(AS_OF).findings(RULE));
    }

    @Test
    void institutionalOnlyEpisodesAreLeftOutOfTheRatio() {
        // NPI_A's converted trial seen only on a hospital claim (NPI_A on it) would make 3 of 6 = 50%;
        // left out, NPI_A stands at 2 of 5. The hospital's own five failed days give it no row at all.
        RuleHarness h = rules()
                .lines(converted("P1", NPI_A)).lines(converted("P2", NPI_A))
                .lines(failed("P3", NPI_A), failed("P4", NPI_A), failed("P5", NPI_A))
                .lines(claim("H6").patient("P6").npi(NPI_A).on("2025-01-10").cpt("63650").institutional(),
                        claim("I-P6").patient("P6").npi(NPI_A).on("2025-02-09").cpt("63685"))
                .lines(failed("P7", NPI_HOSPITAL).institutional(), failed("P8", NPI_HOSPITAL).institutional(),
                        failed("P9", NPI_HOSPITAL).institutional(), failed("P10", NPI_HOSPITAL).institutional(),
                        failed("P11", NPI_HOSPITAL).institutional())
                .asOf(AS_OF);
        assertEquals(expected("NM-RATIO 1234567893 HIGH"), h.findings(RULE));
        assertEquals(List.of(ratio(NPI_A, 2, 3, 0)), h.ratios());
        assertStates(onlyMessage(h.findingsOf(RULE)), "2 converted", "3 failed", "0 pending", "40%");
    }

    @Test
    void anNpiWithOnlyPendingTrialsHasARatioRowAndNoFinding() {
        RuleHarness h = rules()
                .lines(converted("P1", NPI_A))
                .lines(failed("P2", NPI_A), failed("P3", NPI_A), failed("P4", NPI_A), failed("P5", NPI_A))
                .lines(pending("P6", NPI_B), pending("P7", NPI_B))
                .asOf(AS_OF);
        assertEquals(expected("NM-RATIO 1234567893 HIGH"), h.findings(RULE));
        assertEquals(expected(ratio(NPI_A, 1, 4, 0), ratio(NPI_B, 0, 0, 2)), h.ratios());
    }

    @Test
    void amountAtRiskIsPaidElseBilledSummedOverTheNpisTrialLines() {
        // Read as: every trial line rendered by the NPI (here all on episodes it owns, whatever their
        // status); paid_amount when adjudicated (0.00 included), billed_amount when unpaid. The 63650
        // line billed with a generator (P6) is permanent leads, not a trial line.
        RuleHarness h = rules()
                .lines(claim("T-P1").patient("P1").on("2025-01-10").cpt("63650").billed("1000.00").paid("407.00"),
                        claim("I-P1").patient("P1").on("2025-02-09").cpt("63685").billed("30000.00").paid("29617.00"))
                .lines(claim("T-P2").patient("P2").on("2025-01-10").cpt("63650").billed("1200.00"),
                        claim("T-P3", 1).patient("P3").on("2025-01-10").cpt("63650").paid("300.00"),
                        claim("T-P3", 2).patient("P3").on("2025-01-10").cpt("63650").units("2").paid("250.00"),
                        claim("T-P4").patient("P4").on("2025-01-10").cpt("63650").billed("900.00").paid("0.00"),
                        claim("T-P5").patient("P5").on("2025-01-10").cpt("63650").paid("100.00"))
                .lines(claim("I-P6", 1).patient("P6").on("2025-03-01").cpt("63650").paid("5000.00"),
                        claim("I-P6", 2).patient("P6").on("2025-03-01").cpt("63685").paid("29617.00"))
                .asOf(AS_OF);
        List<Finding> found = h.findingsOf(RULE);
        assertEquals(expected("NM-RATIO 1234567893 HIGH"), RuleHarness.compact(found));
        assertEquals(List.of(ratio(NPI_A, 1, 4, 0)), h.ratios());
        // 407.00 + 1200.00 + 300.00 + 250.00 + 0.00 + 100.00
        assertEquals(0, new BigDecimal("2257.00").compareTo(found.get(0).amountAtRisk()),
                "amount at risk " + found.get(0).amountAtRisk());
    }
}
