package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A remembered date reads as X12Values reads it, the first time and every time after. */
class DateCellsTest {

    @ParameterizedTest
    @CsvSource(value = {"D8|20250314", "D8|20240229", "D8|20250229", "D8|20251301", "D8|2025031", "D8|2025-03-14",
        "D8|２０２５０３１４", "D8|00000101", "RD8|20250301-20250314", "RD8|20250314", "RD8|20250314-20250301",
        "DT|202503141200", "|20250314"}, delimiter = '|')
    void readsAsX12ValuesEveryTime(String format, String text) {
        String qualifier = format == null ? "" : format;
        X12Values.Dates expected = X12Values.dates(qualifier, text);
        DateCells cells = new DateCells();
        for (int i = 0; i < 3; i++) {
            DateCells.Read read = cells.read(qualifier, text);
            assertEquals(expected, read.dates());
            if (expected.from() == null) {
                assertNull(read.fromText());
            } else {
                assertEquals(expected.from().toString(), read.fromText());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"20250314", "20250230"})
    void aSingleDateIsReadOnce(String text) {
        DateCells cells = new DateCells();
        assertSame(cells.read("D8", text), cells.read("D8", new String(text.toCharArray())));
    }
}
