package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_B;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.facts.PayerType;
import org.nmaudit.findings.Finding;

/**
 * NM-DUP-LINE (extended-rules.md): a line that repeats, on another claim, the same patient,
 * service_date, cpt_code, rendering_npi, claim type and set of modifiers. Ordered by claim_id (text),
 * then line_number, a line is flagged when an earlier line with the same key sits on a different claim.
 */
class NmDupLineTest {
    private static final String RULE = "NM-DUP-LINE";

    @Test
    void theLineOnTheLaterClaimIsFlaggedNotTheFirst() {
        assertEquals(expected("NM-DUP-LINE C2:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-01").cpt("95970")).findings(RULE));
    }

    @Test
    void claimIdsAreOrderedAsText() {
        // "C10" < "C9" as text: C9 is the later claim.
        assertEquals(expected("NM-DUP-LINE C9:1 HIGH"), rules().lines(
                claim("C9").on("2025-03-01").cpt("95970"),
                claim("C10").on("2025-03-01").cpt("95970")).findings(RULE));
    }

    @Test
    void theLineNumberDoesNotMatterAcrossClaims() {
        assertEquals(expected("NM-DUP-LINE C2:1 HIGH"), rules().lines(
                claim("C1", 7).on("2025-03-01").cpt("95970"),
                claim("C2", 1).on("2025-03-01").cpt("95970")).findings(RULE));
    }

    @Test
    void twoIdenticalLinesOnOneClaimAreNotDuplicates() {
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63650"),
                claim("C1", 2).on("2025-03-01").cpt("63650")).findings(RULE));
    }

    @Test
    void threeClaimsFlagTheSecondAndThird() {
        assertEquals(expected("NM-DUP-LINE C2:1 HIGH", "NM-DUP-LINE C3:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-01").cpt("95970"),
                claim("C3").on("2025-03-01").cpt("95970")).findings(RULE));
    }

    @Test
    void aClaimWithTwoCopiesOfAnEarlierClaimsLineHasBothFlagged() {
        assertEquals(expected("NM-DUP-LINE C2:1 HIGH", "NM-DUP-LINE C2:2 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("63650"),
                claim("C2", 1).on("2025-03-01").cpt("63650"),
                claim("C2", 2).on("2025-03-01").cpt("63650")).findings(RULE));
    }

    @Test
    void twoCopiesOnTheEarlierClaimAndOneOnTheLaterFlagOnlyTheLater() {
        assertEquals(expected("NM-DUP-LINE C2:1 HIGH"), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63650"),
                claim("C1", 2).on("2025-03-01").cpt("63650"),
                claim("C2", 1).on("2025-03-01").cpt("63650")).findings(RULE));
    }

    // ---- Modifiers are a set -------------------------------------------------------------------------

    @Test
    void modifiersInAnotherOrderAreTheSameSet() {
        assertEquals(expected("NM-DUP-LINE C2:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970").modifiers("59", "XU"),
                claim("C2").on("2025-03-01").cpt("95970").modifiers("XU", "59")).findings(RULE));
    }

    @Test
    void differentModifiersAreNotDuplicates() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970").modifiers("59"),
                claim("C2").on("2025-03-01").cpt("95970").modifiers("XU"),
                claim("C3").on("2025-03-01").cpt("95970"),
                claim("C4").on("2025-03-01").cpt("95970").modifiers("59", "XU")).findings(RULE));
    }

    // ---- The rest of the key ---------------------------------------------------------------------------

    @Test
    void professionalAndInstitutionalLinesWithTheSameNpiAreNotDuplicates() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63685"),
                claim("C2").on("2025-03-01").cpt("63685").institutional()).findings(RULE));
    }

    @Test
    void twoInstitutionalClaimsAreDuplicates() {
        // Claim type, not bill type, is part of the key.
        assertEquals(expected("NM-DUP-LINE H2:1 HIGH"), rules().lines(
                claim("H1").on("2025-03-01").cpt("63685").billType("131"),
                claim("H2").on("2025-03-01").cpt("63685").billType("831")).findings(RULE));
    }

    @Test
    void anotherNpiIsNotADuplicate() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-01").cpt("95970").npi(NPI_B)).findings(RULE));
    }

    @Test
    void anotherPatientDateOrCodeIsNotADuplicate() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").patient("P2").on("2025-03-01").cpt("95970"),
                claim("C3").on("2025-03-02").cpt("95970"),
                claim("C4").on("2025-03-01").cpt("95971")).findings(RULE));
    }

    @Test
    void payerUnitsAndAmountsAreNotPartOfTheKey() {
        assertEquals(expected("NM-DUP-LINE C2:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("63650").paid("407.00"),
                claim("C2").on("2025-03-01").cpt("63650").payer(PayerType.COMMERCIAL).units("2").billed("900.00"))
                .findings(RULE));
    }

    @Test
    void messageNamesTheEarlierLine() {
        List<Finding> found = rules().lines(
                claim("C1", 3).on("2025-03-01").cpt("95970").modifiers("XU", "59"),
                claim("C2").on("2025-03-01").cpt("95970").modifiers("59", "XU")).findingsOf(RULE);
        assertEquals(1, found.size());
        assertEquals("95970 on 2025-03-01 by 1234567893 (professional, modifiers 59;XU) repeats claim C1 line 3: the"
                + " same service billed on two claims.", found.get(0).message());
    }
}
