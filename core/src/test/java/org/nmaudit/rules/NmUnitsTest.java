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
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.ClaimLineBuilder;

/**
 * NM-UNITS (extended-rules.md): (a) all 63650 lines of a (patient, date, claim type) whose units sum
 * above 2; (b) all 63685 lines of a (patient, date, claim type) whose units sum above 1; (c) any
 * programming line with units above 1. Professional and institutional claims are counted apart.
 */
class NmUnitsTest {
    private static final String RULE = "NM-UNITS";
    private static final String DAY = "2025-03-01";

    private static ClaimLineBuilder hospital(String claimId, int line) {
        return claim(claimId, line).on(DAY).institutional().npi(ClaimLineBuilder.NPI_HOSPITAL);
    }

    // ---- (a) 63650: at most 2 units per patient, date and claim type ----------------------------------

    @Test
    void twoUnitsOf63650OnOneLineAreAllowed() {
        assertEquals(List.of(), rules().line(claim("C1").on(DAY).cpt("63650").units("2")).findings(RULE));
    }

    @Test
    void twoLinesOfOneUnitOf63650AreAllowed() {
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on(DAY).cpt("63650"),
                claim("C1", 2).on(DAY).cpt("63650")).findings(RULE));
    }

    @Test
    void threeUnitsOf63650FlagEveryLineOfThatClaimType() {
        // The professional lines sum to 3; the hospital's single line that day is within its own limit.
        assertEquals(expected("NM-UNITS C1:1 HIGH", "NM-UNITS C1:2 HIGH"), rules().lines(
                claim("C1", 1).on(DAY).cpt("63650").units("2"),
                claim("C1", 2).on(DAY).cpt("63650"),
                claim("C1", 3).on(DAY).cpt("99213").modifiers("25"),
                hospital("H1", 1).cpt("63650")).findings(RULE));
    }

    @Test
    void threeUnitsOn63650InstitutionalLinesFlagThoseLines() {
        assertEquals(expected("NM-UNITS H1:1 HIGH", "NM-UNITS H1:2 HIGH"), rules().lines(
                hospital("H1", 1).cpt("63650").units("2"),
                hospital("H1", 2).cpt("63650"),
                claim("C1").on(DAY).cpt("63650").units("2")).findings(RULE));
    }

    @Test
    void twoProfessionalAndTwoInstitutionalUnitsAreCountedApart() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on(DAY).cpt("63650").units("2"),
                hospital("H1", 1).cpt("63650"),
                hospital("H1", 2).cpt("63650")).findings(RULE));
    }

    @Test
    void unitsOnTwoClaimsOfOneClaimTypeAreSummed() {
        assertEquals(expected("NM-UNITS C1:1 HIGH", "NM-UNITS C2:1 HIGH"), rules().lines(
                claim("C1").on(DAY).cpt("63650").units("2"),
                claim("C2").on(DAY).cpt("63650").npi(ClaimLineBuilder.NPI_B)).findings(RULE));
    }

    @Test
    void decimalUnitsSummingToExactlyTwoAreAllowed() {
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on(DAY).cpt("63650").units("0.7"),
                claim("C1", 2).on(DAY).cpt("63650").units("0.7"),
                claim("C2").on(DAY).cpt("63650").units("0.6")).findings(RULE));
    }

    @Test
    void decimalUnitsSummingAboveTwoAreFlagged() {
        assertEquals(expected("NM-UNITS C1:1 HIGH", "NM-UNITS C1:2 HIGH", "NM-UNITS C2:1 HIGH"), rules().lines(
                claim("C1", 1).on(DAY).cpt("63650").units("0.7"),
                claim("C1", 2).on(DAY).cpt("63650").units("0.7"),
                claim("C2").on(DAY).cpt("63650").units("0.61")).findings(RULE));
    }

    @Test
    void anotherPatientOrAnotherDayIsNotSummed() {
        assertEquals(List.of(), rules().lines(
                claim("C1").patient("P1").on(DAY).cpt("63650").units("2"),
                claim("C2").patient("P2").on(DAY).cpt("63650").units("2"),
                claim("C3").patient("P1").on("2025-03-02").cpt("63650").units("2")).findings(RULE));
    }

    @Test
    void the63650LinesOfPermanentLeadsAreCountedToo() {
        // (a) counts all 63650 lines, trial or not.
        assertEquals(expected("NM-UNITS C1:1 HIGH", "NM-UNITS C1:2 HIGH"), rules().lines(
                claim("C1", 1).on(DAY).cpt("63650").units("2"),
                claim("C1", 2).on(DAY).cpt("63650"),
                claim("C1", 3).on(DAY).cpt("63685")).findings(RULE));
    }

    @Test
    void otherLeadCodesAreNotCounted() {
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on(DAY).cpt("63655").units("3"),
                claim("C1", 2).on(DAY).cpt("64555").units("3"),
                claim("C1", 3).on(DAY).cpt("63688").units("2")).findings(RULE));
    }

    // ---- (b) 63685: at most 1 unit per patient, date and claim type -----------------------------------

    @Test
    void oneUnitOf63685IsAllowed() {
        assertEquals(List.of(), rules().line(claim("C1").on(DAY).cpt("63685")).findings(RULE));
    }

    @Test
    void twoUnitsOf63685OnOneLineAreFlagged() {
        assertEquals(expected("NM-UNITS C1:1 HIGH"), rules().line(claim("C1").on(DAY).cpt("63685").units("2"))
                .findings(RULE));
    }

    @Test
    void twoLinesOfOneUnitOf63685OnTwoClaimsOfOneClaimTypeAreBothFlagged() {
        assertEquals(expected("NM-UNITS C1:1 HIGH", "NM-UNITS C2:1 HIGH"), rules().lines(
                claim("C1").on(DAY).cpt("63685"),
                claim("C2").on(DAY).cpt("63685").npi(ClaimLineBuilder.NPI_B)).findings(RULE));
    }

    @Test
    void twoInstitutionalLinesOf63685AreBothFlagged() {
        assertEquals(expected("NM-UNITS H1:1 HIGH", "NM-UNITS H2:1 HIGH"), rules().lines(
                hospital("H1", 1).cpt("63685"),
                hospital("H2", 1).cpt("63685"),
                claim("C1").on(DAY).cpt("63685")).findings(RULE));
    }

    @Test
    void oneProfessionalAndOneInstitutionalUnitOf63685AreCountedApart() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on(DAY).cpt("63685"),
                hospital("H1", 1).cpt("63685")).findings(RULE));
    }

    @Test
    void a63685HalfUnitAboveOneIsFlagged() {
        assertEquals(expected("NM-UNITS C1:1 HIGH"), rules().line(claim("C1").on(DAY).cpt("63685").units("1.5"))
                .findings(RULE));
    }

    // ---- (c) programming lines: at most 1 unit per line ------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"95970", "95971", "95972"})
    void oneUnitOnAProgrammingLineIsAllowed(String cpt) {
        assertEquals(List.of(), rules().line(claim("C1").on(DAY).cpt(cpt)).findings(RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"95970", "95971", "95972"})
    void twoUnitsOnAProgrammingLineAreFlagged(String cpt) {
        assertEquals(expected("NM-UNITS C1:1 HIGH"), rules().line(claim("C1").on(DAY).cpt(cpt).units("2"))
                .findings(RULE));
    }

    @Test
    void oneAndAHalfUnitsOnAProgrammingLineAreFlagged() {
        assertEquals(expected("NM-UNITS C1:1 HIGH"), rules().line(claim("C1").on(DAY).cpt("95971").units("1.5"))
                .findings(RULE));
    }

    @Test
    void oneUnitWrittenAsADecimalIsAllowed() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on(DAY).cpt("95970").units("1.0"),
                claim("C2").on(DAY).cpt("95971").units("0.5")).findings(RULE));
    }

    @Test
    void programmingUnitsAreCountedPerLineNotPerDay() {
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on(DAY).cpt("95970"),
                claim("C1", 2).on(DAY).cpt("95970"),
                claim("C2").on(DAY).cpt("95972")).findings(RULE));
    }

    @Test
    void onlyTheProgrammingLineAboveTheLimitIsFlagged() {
        assertEquals(expected("NM-UNITS C1:2 HIGH"), rules().lines(
                claim("C1", 1).on(DAY).cpt("95970"),
                claim("C1", 2).on(DAY).cpt("95972").units("2"),
                claim("C1", 3).on(DAY).cpt("95976").units("3")).findings(RULE));
    }

    // ---- Parameters -------------------------------------------------------------------------------------

    @Test
    void unitsMax63650PerDayOverride() {
        // With 3: three units on P1's day are allowed, four on P2's are not.
        assertEquals(expected("NM-UNITS C2:1 HIGH"), rules().lines(
                claim("C1").patient("P1").on(DAY).cpt("63650").units("3"),
                claim("C2").patient("P2").on(DAY).cpt("63650").units("4"))
                .param("units_max_63650_per_day", "3").findings(RULE));
    }

    @Test
    void unitsMax63650PerDayOverrideCanLowerTheLimit() {
        assertEquals(expected("NM-UNITS C1:1 HIGH", "NM-UNITS C1:2 HIGH"), rules().lines(
                claim("C1", 1).on(DAY).cpt("63650"),
                claim("C1", 2).on(DAY).cpt("63650"))
                .param("units_max_63650_per_day", "1").findings(RULE));
    }

    @Test
    void unitsMax63685PerDayOverride() {
        assertEquals(expected("NM-UNITS C2:1 HIGH", "NM-UNITS C3:1 HIGH"), rules().lines(
                claim("C1").patient("P1").on(DAY).cpt("63685").units("2"),
                claim("C2").patient("P2").on(DAY).cpt("63685").units("2"),
                claim("C3").patient("P2").on(DAY).cpt("63685"))
                .param("units_max_63685_per_day", "2").findings(RULE));
    }

    @Test
    void unitsMaxProgrammingLineOverride() {
        assertEquals(expected("NM-UNITS C2:1 HIGH"), rules().lines(
                claim("C1").on(DAY).cpt("95970").units("2"),
                claim("C2").on(DAY).cpt("95971").units("3"))
                .param("units_max_programming_line", "2").findings(RULE));
    }

    @Test
    void aDecimalProgrammingLimit() {
        assertEquals(expected("NM-UNITS C2:1 HIGH"), rules().lines(
                claim("C1").on(DAY).cpt("95970").units("1.5"),
                claim("C2").on(DAY).cpt("95971").units("1.6"))
                .param("units_max_programming_line", "1.5").findings(RULE));
    }

    // ---- Messages ----------------------------------------------------------------------------------------

    @Test
    void the63650MessageStatesTheTotalTheClaimTypeAndTheLimit() {
        List<Finding> found = rules().lines(
                claim("C1", 1).on(DAY).cpt("63650").units("2"),
                claim("C1", 2).on(DAY).cpt("63650")).findingsOf(RULE);
        assertEquals(2, found.size());
        String message = found.get(0).message();
        assertTrue(message.startsWith("3 units of 63650") && message.contains("professional")
                && message.contains(DAY) && message.contains("at most 2"), message);
    }

    @Test
    void theProgrammingMessageStatesTheUnits() {
        List<Finding> found = rules().line(claim("C1").on(DAY).cpt("95972").units("1.5")).findingsOf(RULE);
        assertEquals(1, found.size());
        String message = found.get(0).message();
        assertTrue(message.contains("95972") && message.contains("1.5 units") && message.contains("at most 1"),
                message);
    }
}
