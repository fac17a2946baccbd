package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_HOSPITAL;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.RuleHarness;

/**
 * NM-REPEAT-TRIAL (core-rules.md): a trial T2 after an earlier trial T1 with no new implant strictly
 * between them, unless a justification is dated T1 &lt; date &lt;= T2 (T1 the latest earlier trial).
 * Most fixtures: T1 on 2025-01-10 (claim C1), T2 on 2025-03-11 (claim C3), 2025-02-09 in between.
 */
class NmRepeatTrialTest {
    private static final String RULE = "NM-REPEAT-TRIAL";

    private static RuleHarness twoTrials() {
        return rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C3").on("2025-03-11").cpt("63650"));
    }

    private static void assertEveryMessageNames(String date, List<Finding> findings) {
        for (Finding f : findings) {
            assertTrue(f.message().contains(date), "message lacks the earlier trial date " + date + ": " + f.message());
        }
    }

    @Test
    void unjustifiedRepeatFlagsEvery63650LineOfT2AndNamesT1() {
        // Two professional lines on one claim and the hospital's line on another; the E/M line is not a
        // 63650 line. (T1 is still PENDING on the as-of date: the definition does not wait for it to fail.)
        List<Finding> found = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C3", 1).on("2025-03-11").cpt("63650"),
                claim("C3", 2).on("2025-03-11").cpt("63650"),
                claim("C3", 3).on("2025-03-11").cpt("99213"),
                claim("H3").on("2025-03-11").cpt("63650").institutional().npi(NPI_HOSPITAL))
                .findingsOf(RULE);
        assertEquals(expected("NM-REPEAT-TRIAL C3:1 HIGH", "NM-REPEAT-TRIAL C3:2 HIGH", "NM-REPEAT-TRIAL H3:1 HIGH"),
                RuleHarness.compact(found));
        assertEveryMessageNames("2025-01-10", found);
    }

    @Test
    void justificationDatedOnT2Justifies() {
        assertEquals(List.of(), twoTrials().justification("P1", "2025-03-11").findings(RULE));
    }

    @Test
    void justificationDatedOnT1DoesNotJustify() {
        assertEquals(expected("NM-REPEAT-TRIAL C3:1 HIGH"),
                twoTrials().justification("P1", "2025-01-10").findings(RULE));
    }

    @Test
    void justificationDatedBetweenTheTrialsJustifies() {
        assertEquals(List.of(), twoTrials().justification("P1", "2025-02-09").findings(RULE));
    }

    @Test
    void justificationDatedTheDayAfterT2DoesNotJustify() {
        assertEquals(expected("NM-REPEAT-TRIAL C3:1 HIGH"),
                twoTrials().justification("P1", "2025-03-12").findings(RULE));
    }

    @Test
    void anotherPatientsJustificationDoesNotJustify() {
        assertEquals(expected("NM-REPEAT-TRIAL C3:1 HIGH"),
                twoTrials().justification("P2", "2025-02-09").findings(RULE));
    }

    @Test
    void aNewImplantBetweenMeansNoRepeat() {
        // The implant converts T1; T2 starts a new series.
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-02-09").cpt("63685"),
                claim("C3").on("2025-03-11").cpt("63650")).findings(RULE));
    }

    @Test
    void aNewImplantBetweenOutsideTheConversionWindowAlsoMeansNoRepeat() {
        // T1 2025-01-10 failed (the implant comes 203 days later), yet a new implant lies between.
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-08-01").cpt("63685"),
                claim("C3").on("2025-09-01").cpt("63650")).findings(RULE));
    }

    @Test
    void aReplacementByZ4542BetweenIsStillARepeat() {
        List<Finding> found = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-02-09").cpt("63685").dx("Z45.42"),
                claim("C3").on("2025-03-11").cpt("63650")).findingsOf(RULE);
        assertEquals(expected("NM-REPEAT-TRIAL C3:1 HIGH"), RuleHarness.compact(found));
        assertEveryMessageNames("2025-01-10", found);
    }

    @Test
    void aReplacementByAnEarlierImplantBetweenIsStillARepeat() {
        assertEquals(expected("NM-REPEAT-TRIAL C3:1 HIGH"), rules().lines(
                claim("C0").on("2024-01-10").cpt("63685"),
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-02-09").cpt("63685"),
                claim("C3").on("2025-03-11").cpt("63650")).findings(RULE));
    }

    @Test
    void threeTrialsJustificationCoveringOnlyT2FlagsT3AgainstT2() {
        List<Finding> found = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C3").on("2025-03-11").cpt("63650"),
                claim("C5").on("2025-05-10").cpt("63650"))
                .justification("P1", "2025-02-09")
                .findingsOf(RULE);
        assertEquals(expected("NM-REPEAT-TRIAL C5:1 HIGH"), RuleHarness.compact(found));
        assertEveryMessageNames("2025-03-11", found);
    }

    @Test
    void threeTrialsJustificationCoveringOnlyT3FlagsT2AgainstT1() {
        List<Finding> found = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C3").on("2025-03-11").cpt("63650"),
                claim("C5").on("2025-05-10").cpt("63650"))
                .justification("P1", "2025-04-10")
                .findingsOf(RULE);
        assertEquals(expected("NM-REPEAT-TRIAL C3:1 HIGH"), RuleHarness.compact(found));
        assertEveryMessageNames("2025-01-10", found);
    }

    @Test
    void anInstitutionalOnlyEarlierTrialCountsAsT1() {
        List<Finding> found = rules().lines(
                claim("H1").on("2025-01-10").cpt("63650").institutional().npi(NPI_HOSPITAL),
                claim("C3").on("2025-03-11").cpt("63650")).findingsOf(RULE);
        assertEquals(expected("NM-REPEAT-TRIAL C3:1 HIGH"), RuleHarness.compact(found));
        assertEveryMessageNames("2025-01-10", found);
    }

    @Test
    void permanentLeadsAreNotAnEarlierTrial() {
        // 2024-10-01 is a generator day (63650 + 63685): no trial episode precedes 2025-03-11.
        assertEquals(List.of(), rules().lines(
                claim("C1", 1).on("2024-10-01").cpt("63650"),
                claim("C1", 2).on("2024-10-01").cpt("63685"),
                claim("C3").on("2025-03-11").cpt("63650")).findings(RULE));
    }

    @Test
    void anotherPatientsTrialIsNoEarlierTrial() {
        assertEquals(List.of(), rules().lines(
                claim("C1").patient("P1").on("2025-01-10").cpt("63650"),
                claim("C3").patient("P2").on("2025-03-11").cpt("63650")).findings(RULE));
    }
}
