package org.nmaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.testing.ClaimLineBuilder.claim;
import static org.nmaudit.testing.RuleHarness.expected;
import static org.nmaudit.testing.RuleHarness.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmaudit.findings.Finding;

/** NM-PROG-FREQ (core-rules.md): analysis/programming more than once in 30 days. */
class NmProgFreqTest {
    private static final String RULE = "NM-PROG-FREQ";

    @Test
    void twentyNineDaysApartIsFlagged() {
        assertEquals(expected("NM-PROG-FREQ C2:1 MEDIUM"), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-30").cpt("95971")).findings(RULE));
    }

    @Test
    void thirtyDaysApartIsNotFlagged() {
        assertEquals(List.of(), rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-31").cpt("95972")).findings(RULE));
    }

    @Test
    void messageNamesTheImmediatelyPrecedingLine() {
        List<Finding> found = rules().lines(
                claim("C1").on("2025-03-01").cpt("95970"),
                claim("C2").on("2025-03-10").cpt("95971"),
                claim("C3").on("2025-03-20").cpt("95972")).findingsOf(RULE);
        assertEquals(2, found.size());
        assertEquals("95972 on 2025-03-20 is 10 days after the previous analysis/programming line (claim C2 line 1,"
                + " 95971 on 2025-03-10); one is allowed every 30 days outside the first month after an implant.",
                found.get(1).message());
    }
}
