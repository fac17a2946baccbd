package org.nmaudit.report.monthly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.input.Reject;

/** rejects.csv grouped by reason for report.html: the row's own values cut out of each reason. */
class RejectSummaryTest {

    @Test
    void theRejectedValueIsCutOutOfItsReason() {
        assertEquals("rendering_npi \u2026 fails the NPI check digit", RejectSummary.pattern(new Reject("claims.csv",
                1690, "rendering_npi", "1360157553", "rendering_npi 1360157553 fails the NPI check digit")));
        assertEquals("modifiers \u2026 contains '\u2026', which is not a modifier: each is exactly two letters or"
                + " digits, separated by ;", RejectSummary.pattern(new Reject("claims.csv", 5252, "modifiers", "RTX",
                        "modifiers RTX contains 'RTX', which is not a modifier: each is exactly two letters or digits,"
                                + " separated by ;")));
        assertEquals("billed_amount \u2026 is not a dollar amount; write e.g. 407.00",
                RejectSummary.pattern(new Reject("claims.csv", 2004, "billed_amount", "$117,00",
                        "billed_amount $117,00 is not a dollar amount; write e.g. 407.00")));
    }

    @Test
    void otherClaimsAndLinesNamedInAReasonAreCutOutToo() {
        assertEquals("claim \u2026 line \u2026 duplicates the row already loaded from line \u2026; each (claim_id,"
                + " line_number) must be unique", RejectSummary.pattern(new Reject("claims.csv", 6104, "line_number", "1",
                        "claim C000005152 line 1 duplicates the row already loaded from line 6103; each (claim_id,"
                                + " line_number) must be unique")));
    }

    @Test
    void aValueInsideALongerWordOrNumberStays() {
        assertEquals("row has \u2026 but the header has 15; check for an unquoted comma", RejectSummary.pattern(
                new Reject("claims.csv", 7, "", "14 fields", "row has 14 fields but the header has 15; check for an"
                        + " unquoted comma")));
        assertEquals("units \u2026 must be more than \u2026 (e.g. 10 or 2)", RejectSummary.pattern(new Reject(
                "claims.csv", 9, "units", "0", "units 0 must be more than 0 (e.g. 10 or 2)")),
                "every whole occurrence is cut, which groups the same rows alike");
        assertEquals("x12 \u2026 is not 2", RejectSummary.cutToken("x12 1 is not 2", "1"));
        assertEquals("\u2026", RejectSummary.cutToken("A1", "A1"));
    }

    @Test
    void rejectsAreGroupedByFileColumnAndPatternLargestFirstWithTheFirstLinesAndValues() {
        List<Reject> rejects = List.of(
                new Reject("claims.csv", 3, "payer_type", "TRICARE", "payer_type TRICARE is not one of MEDICARE"),
                new Reject("claims.csv", 5, "rendering_npi", "1", "rendering_npi 1 fails the NPI check digit"),
                new Reject("claims.csv", 6, "rendering_npi", "2", "rendering_npi 2 fails the NPI check digit"),
                new Reject("claims.csv", 8, "rendering_npi", "2", "rendering_npi 2 fails the NPI check digit"),
                new Reject("trial-outcomes.csv", 2, "patient_id", "", "patient_id is required and is blank"),
                new Reject("claims.csv", 9, "payer_type", "BCBS", "payer_type BCBS is not one of MEDICARE"));
        assertEquals(List.of(
                new RejectGroup("claims.csv", "rendering_npi", "rendering_npi \u2026 fails the NPI check digit", 3,
                        List.of(5L, 6L, 8L), List.of("1", "2")),
                new RejectGroup("claims.csv", "payer_type", "payer_type \u2026 is not one of MEDICARE", 2,
                        List.of(3L, 9L), List.of("TRICARE", "BCBS")),
                new RejectGroup("trial-outcomes.csv", "patient_id", "patient_id is required and is blank", 1,
                        List.of(2L), List.of())),
                RejectSummary.of(rejects));
    }
}
