package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_B;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_HOSPITAL;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.RuleHarness;

/** NM-UNBUNDLE-63688 (extended-rules.md): 63688 on the same (patient, date) as a 63685 line. */
class NmUnbundle63688Test {
    private static final String RULE = "NM-UNBUNDLE-63688";

    @Test
    void removalWithInsertionOnOneClaimFlagsTheRemoval() {
        assertEquals(expected("NM-UNBUNDLE-63688 C1:2 MEDIUM"), rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63685").pos("24"),
                claim("C1", 2).on("2025-03-01").cpt("63688").pos("24")).findings(RULE));
    }

    @Test
    void removalOnAnotherClaimThanTheInsertionIsFlagged() {
        assertEquals(expected("NM-UNBUNDLE-63688 C2:1 MEDIUM"), rules().lines(
                claim("C1").on("2025-03-01").cpt("63685"),
                claim("C2").on("2025-03-01").cpt("63688")).findings(RULE));
    }

    @Test
    void removalByAnotherNpiIsStillFlagged() {
        // The rule joins on patient and date only.
        assertEquals(expected("NM-UNBUNDLE-63688 C2:1 MEDIUM"), rules().lines(
                claim("C1").on("2025-03-01").cpt("63685"),
                claim("C2").on("2025-03-01").cpt("63688").npi(NPI_B)).findings(RULE));
    }

    @Test
    void institutionalLinesAreFlaggedToo() {
        // The hospital's removal line and the physician's are each a payment at risk.
        assertEquals(expected("NM-UNBUNDLE-63688 H1:2 MEDIUM", "NM-UNBUNDLE-63688 P1:2 MEDIUM"), rules().lines(
                claim("P1", 1).on("2025-03-01").cpt("63685"),
                claim("P1", 2).on("2025-03-01").cpt("63688"),
                claim("H1", 1).on("2025-03-01").cpt("63685").npi(NPI_HOSPITAL).institutional(),
                claim("H1", 2).on("2025-03-01").cpt("63688").npi(NPI_HOSPITAL).institutional()).findings(RULE));
    }

    @Test
    void institutionalRemovalWithOnlyAProfessionalInsertionIsFlagged() {
        assertEquals(expected("NM-UNBUNDLE-63688 H1:1 MEDIUM"), rules().lines(
                claim("P1").on("2025-03-01").cpt("63685"),
                claim("H1").on("2025-03-01").cpt("63688").npi(NPI_HOSPITAL).institutional()).findings(RULE));
    }

    @Test
    void removalAloneIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63688")).findings(RULE));
    }

    @Test
    void insertionTheDayBeforeIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-02-28").cpt("63685"),
                claim("C2").on("2025-03-01").cpt("63688")).findings(RULE));
    }

    @Test
    void insertionTheDayAfterIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-02").cpt("63685"),
                claim("C2").on("2025-03-01").cpt("63688")).findings(RULE));
    }

    @Test
    void anotherPatientsInsertionIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").patient("P2").on("2025-03-01").cpt("63685"),
                claim("C2").patient("P1").on("2025-03-01").cpt("63688")).findings(RULE));
    }

    @Test
    void theInsertionLineItselfIsNotFlagged() {
        // Only the 63688 line is flagged, never the 63685 line.
        List<Finding> found = rules().lines(
                claim("C1", 1).on("2025-03-01").cpt("63685"),
                claim("C1", 2).on("2025-03-01").cpt("63688")).findingsOf(RULE);
        assertEquals(expected("NM-UNBUNDLE-63688 C1:2 MEDIUM"), RuleHarness.compact(found));
        assertTrue(found.get(0).message().contains("claim C1 line 1"), found.get(0).message());
        assertTrue(found.get(0).message().startsWith("63688 (generator removal) on 2025-03-01"),
                found.get(0).message());
    }
}
