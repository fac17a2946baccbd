package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;

/** NM-POS-PERM (extended-rules.md): 63685 or 63655 with place of service 11 (office). */
class NmPosPermTest {
    private static final String RULE = "NM-POS-PERM";

    @Test
    void generatorInTheOfficeIsFlagged() {
        assertEquals(expected("NM-POS-PERM C1:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("63685").pos("11")).findings(RULE));
    }

    @Test
    void paddleLeadsInTheOfficeAreFlagged() {
        assertEquals(expected("NM-POS-PERM C1:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("63655").pos("11")).findings(RULE));
    }

    @Test
    void bothCodesOnOneOfficeClaimAreEachFlagged() {
        assertEquals(expected("NM-POS-PERM C1:1 HIGH", "NM-POS-PERM C1:2 HIGH"), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63655").pos("11"),
                claim("C1", 2).on("2025-03-01").cpt("63685").pos("11")).findings(RULE));
    }

    @Test
    void outpatientHospitalIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63685").pos("22"),
                claim("C2").on("2025-03-01").cpt("63655").pos("22")).findings(RULE));
    }

    @Test
    void ambulatorySurgicalCenterIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63685").pos("24"),
                claim("C2").on("2025-03-01").cpt("63655").pos("24")).findings(RULE));
    }

    @Test
    void blankPlaceOfServiceIsNotFlagged() {
        // Blank means "not known": nothing says the office.
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63685"),
                claim("C2").on("2025-03-01").cpt("63655")).findings(RULE));
    }

    @Test
    void percutaneousLeadsInTheOfficeAreNotThisRule() {
        // 63650 (a trial) is done in the office.
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63650").pos("11")).findings(RULE));
    }

    @Test
    void institutionalLineWithPlaceOfService11IsFlagged() {
        // The rule reads place_of_service only; the claim type does not matter.
        assertEquals(expected("NM-POS-PERM C1:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("63685").pos("11").institutional()).findings(RULE));
    }

    @Test
    void messageNamesCodeDateAndOffice() {
        List<Finding> found = rules().lines(
                claim("C1").on("2025-03-01").cpt("63685").pos("11").paid("337.00")).findingsOf(RULE);
        assertEquals(1, found.size());
        assertEquals("63685 on 2025-03-01 is billed with place of service 11 (office); a permanent neurostimulator"
                + " must be placed in an ASC or a hospital.", found.get(0).message());
        assertEquals(new BigDecimal("337.00"), found.get(0).amountAtRisk());
    }
}
