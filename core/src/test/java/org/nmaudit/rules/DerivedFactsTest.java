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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.findings.Finding;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.RuleHarness;

/**
 * The derived facts of core-rules.md ("The clinical picture in claims"): trial lines, trial episodes and
 * their owner, new and replacement implants, conversion and trial status. They raise no finding of
 * their own, so they are observed through the provider ratios (provider-ratios.csv) and the rules that
 * rest on them.
 */
class DerivedFactsTest {
    private static final String TRIAL_DOC = "NM-TRIAL-DOC";
    private static final String REPEAT = "NM-REPEAT-TRIAL";

    // ---- Trial line ---------------------------------------------------------------------------------

    @Test
    void a63650WithASameDay63685IsNotATrialLine() {
        // 2025-01-10 carries the permanent leads; only 2025-03-01 is a trial (and it is not a repeat).
        RuleHarness h = rules().lines(
                claim("C1", 1).on("2025-01-10").cpt("63650"),
                claim("C1", 2).on("2025-01-10").cpt("63685"),
                claim("C2").on("2025-03-01").cpt("63650"))
                .asOf("2025-12-31");
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), h.ratios());
        assertEquals(List.of(), h.findings(REPEAT));
    }

    @Test
    void anInstitutional63685TheSameDayAlsoMakesThe63650PermanentLeads() {
        RuleHarness h = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("H1").on("2025-01-10").cpt("63685").institutional().npi(NPI_HOSPITAL))
                .asOf("2025-12-31");
        assertEquals(List.of(), h.ratios());
    }

    @Test
    void anotherPatientsSameDay63685DoesNotMatter() {
        assertEquals(List.of(ratio(NPI_A, 0, 0, 1)), rules().lines(
                claim("C1").patient("P1").on("2025-01-10").cpt("63650"),
                claim("C2").patient("P2").on("2025-01-10").cpt("63685")).ratios());
    }

    // ---- Trial episode and its owner ------------------------------------------------------------------

    @Test
    void severalLinesUnitsAndClaimsOnOneDayAreOneEpisode() {
        RuleHarness h = rules().lines(
                claim("C1", 1).on("2025-01-10").cpt("63650").units("2"),
                claim("C1", 2).on("2025-01-10").cpt("63650"),
                claim("C2", 1).on("2025-01-10").cpt("63650"))
                .asOf("2025-12-31");
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), h.ratios());
        assertEquals(List.of(), h.findings(REPEAT));
    }

    @Test
    void ownerIsTheFirstProfessionalLineByClaimIdAsText() {
        // As text "C10" sorts before "C9": the episode is NPI_A's, and NPI_B owns nothing.
        assertEquals(List.of(ratio(NPI_A, 0, 0, 1)), rules().lines(
                claim("C9").on("2025-01-10").cpt("63650").npi(NPI_B),
                claim("C10").on("2025-01-10").cpt("63650").npi(NPI_A)).ratios());
    }

    @Test
    void ownerIsTheFirstProfessionalLineByLineNumberAsAnInteger() {
        // Line 2 comes before line 10 (as text "10" would sort first).
        assertEquals(List.of(ratio(NPI_B, 0, 0, 1)), rules().lines(
                claim("C1", 10).on("2025-01-10").cpt("63650").npi(NPI_A),
                claim("C1", 2).on("2025-01-10").cpt("63650").npi(NPI_B)).ratios());
    }

    @Test
    void ownerIsTheProfessionalLineEvenWhenAnInstitutionalLineSortsFirst() {
        assertEquals(List.of(ratio(NPI_B, 0, 0, 1)), rules().lines(
                claim("A1").on("2025-01-10").cpt("63650").institutional().npi(NPI_HOSPITAL),
                claim("B1").on("2025-01-10").cpt("63650").npi(NPI_B)).ratios());
    }

    @Test
    void aDaySeenOnlyOnInstitutionalClaimsIsLeftOutOfTheRatio() {
        // Whether the hospital's NPI or a physician's NPI is on the institutional line.
        assertEquals(List.of(), rules().lines(
                claim("H1").patient("P1").on("2025-01-10").cpt("63650").institutional().npi(NPI_HOSPITAL),
                claim("H2").patient("P2").on("2025-01-10").cpt("63650").institutional().npi(NPI_A))
                .asOf("2025-12-31").ratios());
    }

    @Test
    void aDaySeenOnlyOnInstitutionalClaimsIsStillATrialEpisode() {
        // The institutional-only day of 2025-02-09 lies between NPI_A's trial and the new implant, so
        // NPI_A's trial is not converted; and it is a repeat of NPI_A's trial.
        RuleHarness h = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650").npi(NPI_A),
                claim("H1").on("2025-02-09").cpt("63650").institutional().npi(NPI_HOSPITAL),
                claim("C2").on("2025-03-11").cpt("63685").npi(NPI_A))
                .outcome("P1", "2025-02-20", 80.0, null, true)
                .asOf("2025-12-31");
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), h.ratios());
        assertEquals(expected("NM-REPEAT-TRIAL H1:1 HIGH"), h.findings(REPEAT));
        // The outcome of 2025-02-20 lies after the institutional-only trial: the implant is documented.
        assertEquals(List.of(), h.findings(TRIAL_DOC));
    }

    // ---- Permanent implant: new or replacement --------------------------------------------------------

    @Test
    void anEarlierImplantMakesAReplacement() {
        assertEquals(expected("NM-TRIAL-DOC C1:1 HIGH"), rules().lines(
                claim("C1").on("2024-01-10").cpt("63685"),
                claim("C2").on("2025-01-10").cpt("63685")).findings(TRIAL_DOC));
    }

    @Test
    void z4542OnAny63685LineThatDayMakesAReplacementThatConvertsNothing() {
        // Only the institutional 63685 line carries Z45.42; the whole day is a replacement.
        RuleHarness h = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-02-09").cpt("63685"),
                claim("H2").on("2025-02-09").cpt("63685").institutional().npi(NPI_HOSPITAL).dx("Z45.42"))
                .asOf("2025-12-31");
        assertEquals(List.of(), h.findings(TRIAL_DOC));
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), h.ratios());
    }

    @Test
    void aDiagnosisStartingWithT851MakesAReplacement() {
        RuleHarness h = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-02-09").cpt("63685").dx("G89.4", "T85.192A"))
                .asOf("2025-12-31");
        assertEquals(List.of(), h.findings(TRIAL_DOC));
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), h.ratios());
    }

    @Test
    void aSameDay63688MakesAReplacement() {
        RuleHarness h = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2", 1).on("2025-02-09").cpt("63685"),
                claim("C2", 2).on("2025-02-09").cpt("63688"))
                .asOf("2025-12-31");
        assertEquals(List.of(), h.findings(TRIAL_DOC));
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), h.ratios());
    }

    @Test
    void z4542OnAnotherCodeThatDayLeavesANewImplant() {
        // The spec looks for Z45.42 on a 63685 line: on the E/M line it does not make a replacement.
        RuleHarness h = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2", 1).on("2025-02-09").cpt("63685"),
                claim("C2", 2).on("2025-02-09").cpt("99213").dx("Z45.42"))
                .asOf("2025-12-31");
        assertEquals(List.of(ratio(NPI_A, 1, 0, 0)), h.ratios());
        List<Finding> doc = h.findingsOf(TRIAL_DOC);
        assertEquals(expected("NM-TRIAL-DOC C2:1 HIGH"), RuleHarness.compact(doc));
        assertTrue(doc.get(0).message().contains("NO_OUTCOME"), doc.get(0).message());
    }

    @Test
    void aReplacementDoesNotConvertATrial() {
        // Replacement by history: the patient had a generator implanted in 2024.
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), rules().lines(
                claim("C0").on("2024-01-10").cpt("63685"),
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-02-09").cpt("63685"))
                .asOf("2025-12-31").ratios());
    }

    // ---- Conversion -------------------------------------------------------------------------------

    @Test
    void aNewImplantExactly180DaysAfterTheTrialConvertsIt() {
        assertEquals(List.of(ratio(NPI_A, 1, 0, 0)), rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-07-09").cpt("63685")).ratios());
    }

    @Test
    void aNewImplant181DaysAfterTheTrialDoesNotConvertIt() {
        // As-of = 2025-07-10, the latest line: 181 days after the trial, so FAILED.
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-07-10").cpt("63685")).ratios());
    }

    @Test
    void aTrialBetweenTrialAndImplantBreaksTheEarlierConversion() {
        // NPI_A's trial of 2025-01-10 fails; NPI_B's of 2025-02-09 converts.
        assertEquals(expected(ratio(NPI_A, 0, 1, 0), ratio(NPI_B, 1, 0, 0)), rules().lines(
                claim("C1").on("2025-01-10").cpt("63650").npi(NPI_A),
                claim("C2").on("2025-02-09").cpt("63650").npi(NPI_B),
                claim("C3").on("2025-03-11").cpt("63685").npi(NPI_B))
                .asOf("2025-12-31").ratios());
    }

    // ---- Trial status and the as-of date ------------------------------------------------------------

    @Test
    void pendingAt179DaysFailedAt180() {
        assertEquals(List.of(ratio(NPI_A, 0, 0, 1)), rules().lines(
                claim("C1").on("2025-01-10").cpt("63650")).asOf("2025-07-08").ratios());
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), rules().lines(
                claim("C1").on("2025-01-10").cpt("63650")).asOf("2025-07-09").ratios());
    }

    @Test
    void asOfDefaultsToTheLatestServiceDateOfTheLoadedNotRejectedLines(@TempDir Path dir) throws IOException {
        // Through the real command: another patient's office visit 179 days after the trial is the latest
        // loaded line (PENDING); a row dated 180 days after is rejected (bad NPI check digit) and must not
        // move the as-of date (it would make the trial FAILED).
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("claims.csv"), String.join("\n",
                "claim_id,line_number,patient_id,payer_type,rendering_npi,service_date,cpt_code",
                "C1,1,P1,MEDICARE," + NPI_A + ",2025-01-10,63650",
                "C2,1,P2,MEDICARE," + NPI_A + ",2025-07-08,99213",
                "C3,1,P3,MEDICARE,1234567890,2025-07-09,99213", ""));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("audit", data.toString(), "--out", out.toString());
        assertEquals(5, run.exitCode(), run.out() + run.err());
        assertEquals(List.of("rendering_npi,trials,converted,failed,pending,ratio,flagged",
                NPI_A + ",1,0,0,1,,false"),
                Files.readAllLines(out.resolve("provider-ratios.csv")).stream().filter(l -> !l.isBlank()).toList());
    }

    @Test
    void aConvertedTrialStaysConvertedLongAfterTheWindow() {
        assertEquals(List.of(ratio(NPI_A, 1, 0, 0)), rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-02-09").cpt("63685"))
                .asOf("2026-06-30").ratios());
    }

    @Test
    void conversionWindowDaysOverrideNarrowsConversionAndPending() {
        // 100 days from trial to implant: converted by default, not within a 90-day window (and on the
        // as-of date, the implant day, the trial is then 100 >= 90 days old: FAILED).
        RuleHarness trial = rules().lines(
                claim("C1").on("2025-01-10").cpt("63650"),
                claim("C2").on("2025-04-20").cpt("63685"));
        assertEquals(List.of(ratio(NPI_A, 1, 0, 0)), trial.ratios());
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), trial.param("conversion_window_days", "90").ratios());
    }
}
