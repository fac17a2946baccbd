package org.nmaudit.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The policy dates rules write as text: the same day on every call, and a bad text refused on every call. */
class DatesTest {
    @Test
    void aDateIsItsEpochDayEveryTime() {
        int expected = (int) LocalDate.of(2021, 7, 1).toEpochDay();
        for (int i = 0; i < 3; i++) {
            assertEquals(expected, Dates.day("2021-07-01"));
        }
        assertEquals((int) LocalDate.of(2024, 10, 1).toEpochDay(), Dates.day("2024-10-01"));
        assertEquals(-1, Dates.day("1969-12-31"));
    }

    @Test
    void aBadDateIsRefusedEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThrows(DateTimeParseException.class, () -> Dates.day("2021-02-30"));
            assertThrows(DateTimeParseException.class, () -> Dates.day("07/01/2021"));
        }
    }
}
