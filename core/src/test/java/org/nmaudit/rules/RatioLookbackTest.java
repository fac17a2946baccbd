package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_A;
import static org.nmaudit.testing.ClaimLineBuilder.NPI_B;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.ratio;
import static org.nmaudit.testing.RuleHarness.rules;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.testing.ClaimLineBuilder;
import org.nmaudit.testing.RuleHarness;

/**
 * ratio_lookback_days (periods.md): 0 counts every trial episode in NM-RATIO and provider-ratios.csv;
 * N &gt; 0 only episodes with as-of - N &lt; T &lt;= as-of. Statuses are worked out as before. As of
 * 2025-12-31 with N = 365 the window is 2025-01-01 .. 2025-12-31: 2024-12-31 is out, 2025-01-01 in.
 */
class RatioLookbackTest {
    private static final String AS_OF = "2025-12-31";

    private static ClaimLineBuilder failed(String patient, String npi, String day) {
        return claim("T-" + patient).patient(patient).npi(npi).on(day).cpt("63650");
    }

    /** NPI_A: five failed trials on the first day of the window, one the day before it. */
    private static RuleHarness fiveInsideOneOutside() {
        return rules()
                .lines(failed("P1", NPI_A, "2025-01-01"), failed("P2", NPI_A, "2025-01-01"),
                        failed("P3", NPI_A, "2025-01-01"), failed("P4", NPI_A, "2025-01-01"),
                        failed("P5", NPI_A, "2025-01-01"), failed("P6", NPI_A, "2024-12-31"))
                .asOf(AS_OF);
    }

    @Test
    void zeroCountsEveryEpisode() {
        RuleHarness h = fiveInsideOneOutside().param("ratio_lookback_days", "0");
        assertEquals(List.of(ratio(NPI_A, 0, 6, 0)), h.ratios());
        assertEquals(expected("NM-RATIO 1234567893 HIGH"), h.findings("NM-RATIO"));
        assertEquals(new BigDecimal("600.00"), h.findingsOf("NM-RATIO").get(0).amountAtRisk());
    }

    @Test
    void aWindowCountsTheEpisodesAfterAsOfMinusNUpToAsOf() {
        RuleHarness h = fiveInsideOneOutside().param("ratio_lookback_days", "365");
        assertEquals(List.of(ratio(NPI_A, 0, 5, 0)), h.ratios());
        assertEquals(expected("NM-RATIO 1234567893 HIGH"), h.findings("NM-RATIO"));
        assertEquals(new BigDecimal("500.00"), h.findingsOf("NM-RATIO").get(0).amountAtRisk(),
                "the amount at risk sums the lines of the counted episodes");
    }

    @Test
    void oneDayShorterLeavesTheFirstDayOutAndTheRatioUndecidedForLackOfTrials() {
        RuleHarness h = fiveInsideOneOutside().param("ratio_lookback_days", "364");
        assertEquals(List.of(), h.ratios(), "an NPI none of whose episodes is counted gets no row");
        assertEquals(List.of(), h.findings("NM-RATIO"));
    }

    @Test
    void episodesAfterTheAsOfDateAreNotCountedWithAWindow() {
        RuleHarness h = rules()
                .lines(failed("P1", NPI_A, "2025-01-10"), failed("P2", NPI_B, "2026-01-05"))
                .asOf(AS_OF).param("ratio_lookback_days", "400");
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0)), h.ratios());
        RuleHarness all = rules()
                .lines(failed("P1", NPI_A, "2025-01-10"), failed("P2", NPI_B, "2026-01-05"))
                .asOf(AS_OF);
        assertEquals(List.of(ratio(NPI_A, 0, 1, 0), ratio(NPI_B, 0, 0, 1)), all.ratios(),
                "without a window every episode counts, as before");
    }
}
