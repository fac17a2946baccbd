package org.nmaudit.input.x12;

import java.util.HashMap;
import java.util.Map;

/**
 * The service dates of one file as the mapping reads them: a batch has a few hundred distinct dates on a
 * million lines, so each distinct D8 date is parsed, and its claims.csv text made, once. The memory stops
 * growing at {@value #MAX_ENTRIES} dates; other formats (a range, a wrong qualifier) are read every time.
 */
final class DateCells {
    private static final int MAX_ENTRIES = 10_000;

    /** A DTP date (or the problem with it) and the claims.csv text of its from date, or null when it has none. */
    record Read(X12Values.Dates dates, String fromText) {
    }

    private final Map<String, Read> singleDates = new HashMap<>();

    /** {@link X12Values#dates} of a DTP02 format qualifier and DTP03 text. */
    Read read(String format, String text) {
        if (!format.equals("D8")) {
            return of(X12Values.dates(format, text));
        }
        Read read = singleDates.get(text);
        if (read == null) {
            read = of(X12Values.dates(format, text));
            if (singleDates.size() < MAX_ENTRIES) {
                singleDates.put(text, read);
            }
        }
        return read;
    }

    private static Read of(X12Values.Dates dates) {
        return new Read(dates, dates.from() == null ? null : dates.from().toString());
    }
}
