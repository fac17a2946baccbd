package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.RuleHarness;

/**
 * NM-IPG-PNS (extended-rules.md): a 63685 line whose (patient, date) also has a peripheral lead code
 * (64555, 64596, 64597) and no spinal lead code (63650, 63655).
 */
class NmIpgPnsTest {
    private static final String RULE = "NM-IPG-PNS";

    @Test
    void spinalGeneratorWith64555IsFlagged() {
        assertEquals(expected("NM-IPG-PNS C1:1 HIGH"), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63685"),
                claim("C1", 2).on("2025-03-01").cpt("64555")).findings(RULE));
    }

    @Test
    void spinalGeneratorWith64596IsFlagged() {
        assertEquals(expected("NM-IPG-PNS C1:1 HIGH"), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63685"),
                claim("C1", 2).on("2025-03-01").cpt("64596")).findings(RULE));
    }

    @Test
    void spinalGeneratorWith64597IsFlagged() {
        assertEquals(expected("NM-IPG-PNS C1:1 HIGH"), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63685"),
                claim("C1", 2).on("2025-03-01").cpt("64597")).findings(RULE));
    }

    @Test
    void peripheralLeadOnAnotherClaimThatDayIsFlagged() {
        assertEquals(expected("NM-IPG-PNS C2:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("64555"),
                claim("C2").on("2025-03-01").cpt("63685")).findings(RULE));
    }

    @Test
    void withPercutaneousSpinalLeadsTooIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63685"),
                claim("C1", 2).on("2025-03-01").cpt("64555"),
                claim("C1", 3).on("2025-03-01").cpt("63650")).findings(RULE));
    }

    @Test
    void withPaddleSpinalLeadsTooIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63685"),
                claim("C1", 2).on("2025-03-01").cpt("64597"),
                claim("C1", 3).on("2025-03-01").cpt("63655")).findings(RULE));
    }

    @Test
    void spinalLeadOnAnotherClaimThatDayAlsoClearsIt() {
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63685"),
                claim("C1", 2).on("2025-03-01").cpt("64596"),
                claim("H1").on("2025-03-01").cpt("63650").institutional()).findings(RULE));
    }

    @Test
    void peripheralGenerator64590IsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("64590"),
                claim("C1", 2).on("2025-03-01").cpt("64555")).findings(RULE));
    }

    @Test
    void integratedSystemRemoval64598IsNotALeadCode() {
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63685"),
                claim("C1", 2).on("2025-03-01").cpt("64598")).findings(RULE));
    }

    @Test
    void spinalGeneratorAloneIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63685")).findings(RULE));
    }

    @Test
    void peripheralLeadOnAnotherDayIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-02-20").cpt("64555"),
                claim("C2").on("2025-03-01").cpt("63685")).findings(RULE));
    }

    @Test
    void anotherPatientsPeripheralLeadIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").patient("P2").on("2025-03-01").cpt("64555"),
                claim("C2").patient("P1").on("2025-03-01").cpt("63685")).findings(RULE));
    }

    @Test
    void aSpinalLeadOfAnotherPatientDoesNotClearIt() {
        assertEquals(expected("NM-IPG-PNS C1:1 HIGH"), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63685"),
                claim("C1", 2).on("2025-03-01").cpt("64555"),
                claim("C9").patient("P2").on("2025-03-01").cpt("63650")).findings(RULE));
    }

    @Test
    void onlyThe63685LineIsFlaggedAndTheMessageNamesTheLead() {
        List<Finding> found = rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("64555"),
                claim("C1", 2).on("2025-03-01").cpt("63685")).findingsOf(RULE);
        assertEquals(expected("NM-IPG-PNS C1:2 HIGH"), RuleHarness.compact(found));
        String message = found.get(0).message();
        assertTrue(message.contains("64555") && message.contains("claim C1 line 1") && message.contains("64590"),
                message);
    }
}
