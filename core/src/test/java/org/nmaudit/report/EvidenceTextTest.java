package org.nmaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.testing.ClaimLineBuilder.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nmaudit.facts.AsOf;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.Conversion;
import org.nmaudit.facts.DailyUnits;
import org.nmaudit.facts.EvidenceFact;
import org.nmaudit.facts.FeeScheduleRate;
import org.nmaudit.facts.PayerType;
import org.nmaudit.facts.PerformedBy;
import org.nmaudit.facts.PermanentImplant;
import org.nmaudit.facts.ProcedureCode;
import org.nmaudit.facts.ProgrammingLine;
import org.nmaudit.facts.ProgrammingSession;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.facts.PsychEvaluation;
import org.nmaudit.facts.RatedPhysician;
import org.nmaudit.facts.RepeatTrialJustification;
import org.nmaudit.facts.TrialEpisode;
import org.nmaudit.facts.TrialLine;
import org.nmaudit.facts.TrialOutcome;
import org.nmaudit.facts.TrialStatus;

/**
 * Every evidence fact type in words, from the fact as findings.json keeps it (its evidence() map written
 * as JSON and read back), so a renamed evidence key shows up here and not as a generic line in explain.
 */
class EvidenceTextTest {
    private static final String NPI = "1234567893";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ClaimLine TRIAL_LINE = claim("C123", 2).patient("P1").on("2025-03-04").cpt("63650")
            .pos("19").dx("M96.1", "G89.4").billed("1188.00").paid("407.00").sourceLine(29).build();

    @Test
    void claimLineSaysWhatWasBilledForWhomByWhomAndWhatWasPaid() {
        assertEquals(List.of(
                "Claim C123 line 2: 63650 on 2025-03-04 for patient P1, rendered by 1234567893 (professional,"
                        + " MEDICARE), paid $407.00",
                "units 1; diagnoses M96.1, G89.4; place of service 19; billed $1,188.00; claims.csv line 29"),
                text(TRIAL_LINE));
    }

    @Test
    void anUnpaidInstitutionalLineWithModifiersAndPriorAuthorization() {
        ClaimLine line = claim("H9", 3).patient("P2").payer(PayerType.COMMERCIAL).on("2025-05-06").cpt("95972")
                .institutional().modifiers("76", "59").units("2").priorAuth("PA7").billed("29617.00").sourceLine(8)
                .build();
        assertEquals(List.of(
                "Claim H9 line 3: 95972 on 2025-05-06 for patient P2, rendered by 1234567893 (institutional,"
                        + " COMMERCIAL), billed $29,617.00, not paid",
                "units 2; modifiers 76, 59; bill type 131; prior authorization PA7; claims.csv line 8"), text(line));
    }

    @Test
    void trialAndProgrammingLinesAreClaimLinesInARole() {
        assertEquals("Claim C123 line 2 (trial line): 63650 on 2025-03-04 for patient P1, rendered by 1234567893"
                + " (professional, MEDICARE), paid $407.00", text(new TrialLine(TRIAL_LINE)).get(0));
        ClaimLine programming = claim("C7").on("2025-04-01").cpt("95971").billed("111.00").sourceLine(12).build();
        assertEquals(List.of("Claim C7 line 1 (analysis/programming line): 95971 on 2025-04-01 for patient P1, rendered"
                + " by 1234567893 (professional, MEDICARE), billed $111.00, not paid", "units 1; claims.csv line 12"),
                text(new ProgrammingLine(programming)));
    }

    @Test
    void trialEpisodeAndItsStatus() {
        TrialEpisode trial = new TrialEpisode("P1", LocalDate.parse("2025-02-01"), NPI, true);
        TrialEpisode institutional = new TrialEpisode("P1", LocalDate.parse("2025-02-01"), NPI, false);
        PermanentImplant implant = PermanentImplant.newImplant("P1", LocalDate.parse("2025-04-15"));
        assertEquals(List.of("Trial episode on 2025-02-01 of patient P1, owned by 1234567893"), text(trial));
        assertEquals(List.of("Trial episode on 2025-02-01 of patient P1, owned by 1234567893 (seen on institutional"
                + " claims only, so not counted in the physician's conversion ratio)"), text(institutional));
        assertEquals(List.of("Trial episode on 2025-02-01 of patient P1, owned by 1234567893: CONVERTED by the new"
                + " implant of 2025-04-15"), text(TrialStatus.converted(new Conversion(trial, implant))));
        assertEquals(List.of("Trial episode on 2025-02-01 of patient P1, owned by 1234567893: PENDING (within the"
                + " conversion window on the as-of date)"), text(TrialStatus.pending(trial)));
        assertEquals(List.of("Trial episode on 2025-02-01 of patient P1, owned by 1234567893: FAILED (no new implant"
                + " within the conversion window)"), text(TrialStatus.failed(trial)));
        assertEquals(List.of("Conversion: the trial of 2025-02-01 of patient P1 was followed by the new implant of"
                + " 2025-04-15"), text(new Conversion(trial, implant)));
    }

    @Test
    void permanentImplants() {
        assertEquals(List.of("New implant on 2025-06-02 for patient P1 (no earlier implant, no replacement diagnosis,"
                + " no 63688)"), text(PermanentImplant.newImplant("P1", LocalDate.parse("2025-06-02"))));
        assertEquals(List.of("Replacement implant on 2025-06-02 for patient P1 (Z45.42 on a 63685 line)"),
                text(PermanentImplant.replacement("P1", LocalDate.parse("2025-06-02"), "Z45.42 on a 63685 line")));
    }

    @Test
    void documentationRows() {
        assertEquals(List.of("Programming session on 2025-03-04 for patient P1 performed by MANUFACTURER_REP"
                + " (Jane Doe)", "programming-sessions.csv line 5"), text(new ProgrammingSession("P1",
                LocalDate.parse("2025-03-04"), PerformedBy.MANUFACTURER_REP, "Jane Doe", 5)));
        assertEquals(List.of("Programming session on 2025-03-04 for patient P1 performed by QHP",
                "programming-sessions.csv line 6"), text(new ProgrammingSession("P1", LocalDate.parse("2025-03-04"),
                PerformedBy.QHP, null, 6)));
        assertEquals(List.of("Trial outcome documented on 2025-02-09 for patient P1: pain relief 40%, analgesic"
                + " reduction not documented, functional improvement yes", "trial-outcomes.csv line 3"),
                text(new TrialOutcome("P1", LocalDate.parse("2025-02-09"), 40.0, null, true, NPI, null, 3)));
        assertEquals(List.of("Trial outcome documented on 2025-02-09 for patient P1: pain relief 62.5%, analgesic"
                + " reduction 50%, functional improvement not documented", "trial-outcomes.csv line 4"),
                text(new TrialOutcome("P1", LocalDate.parse("2025-02-09"), 62.5, 50.0, null, NPI, null, 4)));
        assertEquals(List.of("Repeat-trial justification documented on 2025-03-01 for patient P1: \"lead migration\"",
                "repeat-trial-justifications.csv line 2"), text(new RepeatTrialJustification("P1",
                LocalDate.parse("2025-03-01"), "lead migration", 2)));
        assertEquals(List.of("Psychological evaluation on 2024-12-01 of patient P1 by a PhD",
                "psych-evaluations.csv line 7"), text(new PsychEvaluation("P1", LocalDate.parse("2024-12-01"), "PhD",
                7)));
    }

    @Test
    void referenceData() {
        assertEquals(List.of("Fee schedule: MEDICARE 63650 FACILITY PROFESSIONAL $407.00 from 2024-01-01",
                "source: CMS PFS 2024; fee-schedule.csv line 2"), text(new FeeScheduleRate(PayerType.MEDICARE,
                "63650", "FACILITY", "PROFESSIONAL", new BigDecimal("407.00"), LocalDate.parse("2024-01-01"),
                "CMS PFS 2024", 2)));
        assertEquals(List.of("Code 63650: percutaneous implantation of neurostimulator electrode array (work RVU 7.15,"
                + " global period 010)"), text(new ProcedureCode("63650",
                "percutaneous implantation of neurostimulator electrode array", new BigDecimal("7.15"), "010", 3)));
        assertEquals(List.of("As-of date of the audit: 2025-12-31"), text(new AsOf(LocalDate.parse("2025-12-31"))));
    }

    @Test
    void providerTallyAndDailyUnits() {
        assertEquals(List.of("Trial conversion tally of rendering NPI 1234567893: 47 trials, 7 converted, 35 failed,"
                + " 5 pending; 7 of 42 decided trials converted (16.7%)"),
                text(new ProviderRatio(NPI, 7, 35, 5, new BigDecimal("100.00"))));
        assertEquals(List.of("Trial conversion tally of rendering NPI 1234567893: 2 trials, 0 converted, 0 failed,"
                + " 2 pending; no trial decided yet"), text(new ProviderRatio(NPI, 0, 0, 2, null)));
        assertEquals(List.of("Rendering NPI 1234567893 owns trials seen on a professional claim, so the conversion"
                + " ratio rates it"), text(new RatedPhysician(NPI)));
        ClaimLine a = claim("C1", 1).on("2025-03-04").cpt("63650").units("2").build();
        ClaimLine b = claim("C2", 1).on("2025-03-04").cpt("63650").units("1.0").build();
        assertEquals(List.of("3 unit(s) of 63650 for patient P1 on 2025-03-04 on professional claims (2 line(s))"),
                text(DailyUnits.of(List.of(a, b))));
    }

    @Test
    void aFactTypeItDoesNotKnowIsWrittenAsKeyValuePairs() {
        Map<String, String> fact = new LinkedHashMap<>();
        fact.put("fact", "ImplantRegistryEntry");
        fact.put("patient_id", "P1");
        fact.put("device", "IPG-9");
        fact.put("explanted", null);
        assertEquals(List.of("ImplantRegistryEntry: patient_id=P1, device=IPG-9, explanted="),
                EvidenceText.describe(fact));
    }

    @Test
    void aKnownFactTypeMissingAFieldIsWrittenAsKeyValuePairs() {
        Map<String, String> fact = new LinkedHashMap<>();
        fact.put("fact", "TrialEpisode");
        fact.put("patient_id", "P1");
        fact.put("trial_day", "20120");
        assertEquals(List.of("TrialEpisode: patient_id=P1, trial_day=20120"), EvidenceText.describe(fact));
    }

    /** The fact as explain reads it: findings.json's entry {"fact": type, ...evidence()} as text values. */
    static List<String> text(EvidenceFact fact) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("fact", fact.factType());
        entry.putAll(fact.evidence());
        try {
            JsonNode node = ReportedRun.JSON.readTree(JSON.writeValueAsString(entry));
            Map<String, String> read = new LinkedHashMap<>();
            node.properties().forEach(e -> read.put(e.getKey(), ReportedRun.scalar(e.getValue())));
            return EvidenceText.describe(read);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
