package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.facts.PerformedBy;
import org.nmaudit.findings.Finding;

/**
 * NM-PROG-REP (extended-rules.md): a programming line whose patient has a programming-sessions.csv row
 * on the same date performed by a MANUFACTURER_REP and no PHYSICIAN or QHP row that day.
 */
class NmProgRepTest {
    private static final String RULE = "NM-PROG-REP";

    @ParameterizedTest
    @ValueSource(strings = {"95970", "95971", "95972"})
    void aRepOnlySessionFlagsEachProgrammingCode(String cpt) {
        assertEquals(expected("NM-PROG-REP C1:1 HIGH"), rules()
                .line(claim("C1").on("2025-03-01").cpt(cpt))
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP).findings(RULE));
    }

    @Test
    void aPhysicianSessionTheSameDayClearsTheLine() {
        assertEquals(List.of(), rules()
                .line(claim("C1").on("2025-03-01").cpt("95971"))
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP)
                .session("P1", "2025-03-01", PerformedBy.PHYSICIAN).findings(RULE));
    }

    @Test
    void aQhpSessionTheSameDayClearsTheLine() {
        assertEquals(List.of(), rules()
                .line(claim("C1").on("2025-03-01").cpt("95972"))
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP)
                .session("P1", "2025-03-01", PerformedBy.QHP).findings(RULE));
    }

    @Test
    void aPhysicianSessionOnlyIsNotFlagged() {
        assertEquals(List.of(), rules()
                .line(claim("C1").on("2025-03-01").cpt("95970"))
                .session("P1", "2025-03-01", PerformedBy.PHYSICIAN).findings(RULE));
    }

    @Test
    void aRepSessionOnAnotherDayIsNotFlagged() {
        assertEquals(List.of(), rules()
                .line(claim("C1").on("2025-03-01").cpt("95970"))
                .session("P1", "2025-02-28", PerformedBy.MANUFACTURER_REP)
                .session("P1", "2025-03-02", PerformedBy.MANUFACTURER_REP).findings(RULE));
    }

    @Test
    void aPhysicianSessionOnAnotherDayDoesNotClearTheRepDay() {
        assertEquals(expected("NM-PROG-REP C1:1 HIGH"), rules()
                .line(claim("C1").on("2025-03-01").cpt("95970"))
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP)
                .session("P1", "2025-03-02", PerformedBy.PHYSICIAN).findings(RULE));
    }

    @Test
    void noSessionRowIsNotFlagged() {
        // Without programming-sessions.csv there is no evidence of who programmed the device.
        assertEquals(List.of(), rules()
                .line(claim("C1").on("2025-03-01").cpt("95970")).findings(RULE));
    }

    @Test
    void anotherPatientsRepSessionIsNotFlagged() {
        assertEquals(List.of(), rules()
                .line(claim("C1").patient("P1").on("2025-03-01").cpt("95970"))
                .session("P2", "2025-03-01", PerformedBy.MANUFACTURER_REP).findings(RULE));
    }

    @Test
    void anotherPatientsPhysicianSessionDoesNotClearTheLine() {
        assertEquals(expected("NM-PROG-REP C1:1 HIGH"), rules()
                .line(claim("C1").patient("P1").on("2025-03-01").cpt("95970"))
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP)
                .session("P2", "2025-03-01", PerformedBy.PHYSICIAN).findings(RULE));
    }

    @Test
    void twoProgrammingLinesTheSameDayAreBothFlagged() {
        assertEquals(expected("NM-PROG-REP C1:1 HIGH", "NM-PROG-REP C2:1 HIGH"), rules()
                .lines(claim("C1").on("2025-03-01").cpt("95970"),
                        claim("C2").on("2025-03-01").cpt("95971"))
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP).findings(RULE));
    }

    @Test
    void twoLinesOfOneClaimTheSameDayAreBothFlagged() {
        assertEquals(expected("NM-PROG-REP C1:1 HIGH", "NM-PROG-REP C1:2 HIGH"), rules()
                .lines(claim("C1", 1).on("2025-03-01").cpt("95970"),
                        claim("C1", 2).on("2025-03-01").cpt("95972"))
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP).findings(RULE));
    }

    @Test
    void twoRepRowsThatDayGiveOneFindingPerLine() {
        assertEquals(expected("NM-PROG-REP C1:1 HIGH", "NM-PROG-REP C2:1 HIGH"), rules()
                .lines(claim("C1").on("2025-03-01").cpt("95970"),
                        claim("C2").on("2025-03-01").cpt("95971"))
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP)
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP).findings(RULE));
    }

    @Test
    void otherCodesAreNotProgrammingLines() {
        assertEquals(List.of(), rules()
                .lines(claim("C1").on("2025-03-01").cpt("95976"),
                        claim("C2").on("2025-03-01").cpt("99213"))
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP).findings(RULE));
    }

    @Test
    void anInstitutionalProgrammingLineIsFlaggedToo() {
        assertEquals(expected("NM-PROG-REP H1:1 HIGH"), rules()
                .line(claim("H1").on("2025-03-01").cpt("95970").institutional())
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP).findings(RULE));
    }

    @Test
    void messageSaysTheRepPerformedTheSession() {
        List<Finding> found = rules()
                .line(claim("C1").on("2025-03-01").cpt("95971"))
                .session("P1", "2025-03-01", PerformedBy.MANUFACTURER_REP).findingsOf(RULE);
        assertEquals(1, found.size());
        String message = found.get(0).message();
        assertTrue(message.contains("95971") && message.contains("2025-03-01")
                && message.contains("manufacturer's representative"), message);
    }
}
