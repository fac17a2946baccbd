package org.nmaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The apostrophe guard of findings-format.md, "Safe to open", and its exact inverse. */
class SpreadsheetSafeCsvTest {
    @Test
    void aTextCellStartingAFormulaGetsOneApostrophe() {
        assertEquals(List.of("'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'-P1", "'+1", "'\tP2", "'\rP3", "'-12.50"),
                List.of("=HYPERLINK(\"http://x\")", "@SUM(A1)", "-P1", "+1", "\tP2", "\rP3", "-12.50").stream()
                        .map(SpreadsheetSafeCsv::text).toList());
    }

    @Test
    void otherCellsAreWrittenAsTheyAre() {
        List<String> plain = List.of("", "C1", "P00000001", " =1", "a=b", "'abc", "'", "''", "x-1", "1234567893");
        assertEquals(plain, plain.stream().map(SpreadsheetSafeCsv::text).toList());
        assertEquals("", SpreadsheetSafeCsv.text(null));
    }

    @Test
    void aValueThatAlreadyStartsWithApostrophesAndAFormulaGetsOneMoreSoTheRoundTripIsExact() {
        assertEquals("''=1", SpreadsheetSafeCsv.text("'=1"));
        assertEquals("'''-x", SpreadsheetSafeCsv.text("''-x"));
    }

    @Test
    void originalUndoesTextForEveryValue() {
        for (String v : List.of("", "C1", "=1", "'=1", "''=1", "'abc", "'", "''", "-", "+", "@", "\t", "\r\n",
                "-12.50", "=HYPERLINK(\"http://x\")", " =1", "'''")) {
            assertEquals(v, SpreadsheetSafeCsv.original(SpreadsheetSafeCsv.text(v)), v);
        }
    }

    @Test
    void numbersNmauditReadBackStayPlainAndAnythingElseIsGuarded() {
        assertEquals(List.of("-12.50", "29617.00", "3", "", "'=1+1", "'-1e5"),
                List.of("-12.50", "29617.00", "3", "", "=1+1", "-1e5").stream().map(SpreadsheetSafeCsv::number)
                        .toList());
    }
}
