package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;

/** NM-OFFICE-REVISION (extended-rules.md): 63661 or 63663 with place of service 11. */
class NmOfficeRevisionTest {
    private static final String RULE = "NM-OFFICE-REVISION";

    @Test
    void leadRemovalInTheOfficeIsFlagged() {
        assertEquals(expected("NM-OFFICE-REVISION C1:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("63661").pos("11")).findings(RULE));
    }

    @Test
    void leadRevisionInTheOfficeIsFlagged() {
        assertEquals(expected("NM-OFFICE-REVISION C1:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("63663").pos("11")).findings(RULE));
    }

    @Test
    void ambulatorySurgicalCenterIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63661").pos("24"),
                claim("C2").on("2025-03-01").cpt("63663").pos("24")).findings(RULE));
    }

    @Test
    void outpatientHospitalAndBlankAreNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63661").pos("22"),
                claim("C2").on("2025-03-01").cpt("63663"),
                claim("C3").on("2025-03-01").cpt("63661")).findings(RULE));
    }

    @Test
    void trialLeadPlacementInTheOfficeIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("63650").pos("11")).findings(RULE));
    }

    @Test
    void onlyTheOfficeLinesOfAPatientAreFlagged() {
        assertEquals(expected("NM-OFFICE-REVISION C2:1 HIGH"), rules().lines(
                claim("C1").on("2025-03-01").cpt("63661").pos("24"),
                claim("C2").on("2025-03-05").cpt("63663").pos("11")).findings(RULE));
    }

    @Test
    void messageNamesCodeDateAndOffice() {
        List<Finding> found = rules().lines(claim("C1").on("2025-03-01").cpt("63663").pos("11")).findingsOf(RULE);
        assertEquals(1, found.size());
        assertEquals("63663 on 2025-03-01 is billed with place of service 11 (office), where removal or revision of"
                + " percutaneous leads is included in 63650 and not paid.", found.get(0).message());
    }
}
