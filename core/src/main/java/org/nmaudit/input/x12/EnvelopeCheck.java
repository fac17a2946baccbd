package org.nmaudit.input.x12;

import java.util.Set;

/**
 * Checks the envelope of a file {@link SegmentScanner} reads, on the way through to the handler it
 * wraps: whether StAEDI, which validates the envelope against its X12 control schema, would find nothing
 * to report. It passes only a strict, well-formed envelope: ISA, GS, ST ... SE, GE and IEA in their order
 * with nothing between them, every value of the form the control schema requires (ISA's fixed widths and
 * code lists, dates, times, numbers), SE01 the number of segments from ST to SE, GE01 the number of
 * transaction sets, IEA01 the number of groups, and each trailer's control number the same text as its
 * header's. Anything else, such as a wrong count, another code or a segment between two transaction sets,
 * is left to StAEDI, which reads the file again and words the problem (x12-input.md §6).
 */
final class EnvelopeCheck implements SegmentHandler {
    private static final Set<String> AUTHORIZATION_QUALIFIERS = Set.of("00", "01", "02", "03", "04", "05", "06");
    private static final Set<String> SECURITY_QUALIFIERS = Set.of("00", "01");
    private static final Set<String> ID_QUALIFIERS = Set.of("01", "02", "03", "04", "07", "08", "09", "10", "11",
            "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29",
            "30", "31", "32", "33", "34", "35", "36", "37", "38", "AM", "NR", "SA", "SN", "ZZ");
    /** GS01 of claims (HC) and of payment advice (HP): the functional groups nmaudit reads. */
    private static final Set<String> FUNCTIONAL_CODES = Set.of("HC", "HP");
    private static final Set<String> VERSIONS = Set.of("005010X222A1", "005010X222A2", "005010X223A2",
            "005010X223A3", "005010X221A1");

    private enum Place { START, INTERCHANGE, GROUP, TRANSACTION, AFTER_TRANSACTION, AFTER_GROUP, AFTER_INTERCHANGE }

    private final SegmentHandler next;
    private boolean passed = true;
    private Place place = Place.START;
    private long last;
    private String interchangeControl = "";
    private String groupControl = "";
    private String transactionControl = "";
    private long transactionStart;
    private long groups;
    private long transactions;

    EnvelopeCheck(SegmentHandler next) {
        this.next = next;
    }

    /** Whether the envelope read so far is one StAEDI passes, and the file ended after an IEA. */
    boolean passed() {
        return passed && place == Place.AFTER_INTERCHANGE;
    }

    @Override
    public boolean wants(String tag) {
        return envelope(tag) || next.wants(tag);
    }

    /**
     * The scanner hands on only segments {@link #wants wanted}: one that is not the envelope's is the next
     * handler's.
     */
    @Override
    public boolean segment(Segment segment) throws X12Exception {
        if (!envelope(segment.tag())) {
            return next.segment(segment);
        }
        if (passed) {
            passed = segment instanceof ScannedSegment s && check(s);
            last = segment.ordinal();
        }
        return !next.wants(segment.tag()) || next.segment(segment);
    }

    /** Segments of the envelope StAEDI knows; the last four never appear in a plain claim or remittance file. */
    private static boolean envelope(String tag) {
        return switch (tag) {
            case "ISA", "GS", "ST", "SE", "GE", "IEA", "TA1", "ISB", "ISE", "ISX" -> true;
            default -> false;
        };
    }

    /** One envelope segment in its place; moves on to the place after it. */
    private boolean check(ScannedSegment s) {
        boolean adjacent = s.ordinal() == last + 1; // no segment between two envelope segments
        switch (s.tag()) {
            case "ISA" -> {
                if (!(place == Place.START || place == Place.AFTER_INTERCHANGE && adjacent) || !interchangeHeader(s)) {
                    return false;
                }
                interchangeControl = s.raw(13);
                groups = 0;
                place = Place.INTERCHANGE;
            }
            case "GS" -> {
                if (!(place == Place.INTERCHANGE || place == Place.AFTER_GROUP) || !adjacent || !groupHeader(s)) {
                    return false;
                }
                groupControl = s.raw(6);
                groups++;
                transactions = 0;
                place = Place.GROUP;
            }
            case "ST" -> {
                if (!(place == Place.GROUP || place == Place.AFTER_TRANSACTION) || !adjacent || !transactionHeader(s)) {
                    return false;
                }
                transactionControl = s.raw(2);
                transactionStart = s.ordinal();
                transactions++;
                place = Place.TRANSACTION;
            }
            case "SE" -> {
                if (place != Place.TRANSACTION || !trailer(s, 10, s.ordinal() - transactionStart + 1, transactionControl)) {
                    return false;
                }
                place = Place.AFTER_TRANSACTION;
            }
            case "GE" -> {
                if (place != Place.AFTER_TRANSACTION || !adjacent || !trailer(s, 6, transactions, groupControl)) {
                    return false;
                }
                place = Place.AFTER_GROUP;
            }
            case "IEA" -> {
                if (place != Place.AFTER_GROUP || !adjacent || !trailer(s, 5, groups, interchangeControl)) {
                    return false;
                }
                place = Place.AFTER_INTERCHANGE;
            }
            default -> {
                return false; // TA1, ISB, ISE, ISX
            }
        }
        return true;
    }

    /** ISA01-ISA16 as the control schema (X12 00402 and later) has them, in their fixed widths. */
    private static boolean interchangeHeader(ScannedSegment s) {
        if (s.elementCount() != 16) {
            return false;
        }
        String repetition = s.raw(11);
        String component = s.raw(16);
        for (int e = 1; e <= 15; e++) {
            String v = s.raw(e);
            if (e != 11 && (v.contains(repetition) || v.contains(component))) {
                return false;
            }
        }
        return AUTHORIZATION_QUALIFIERS.contains(s.raw(1)) && s.raw(2).length() == 10
                && SECURITY_QUALIFIERS.contains(s.raw(3)) && s.raw(4).length() == 10
                && ID_QUALIFIERS.contains(s.raw(5)) && s.raw(6).length() == 15
                && ID_QUALIFIERS.contains(s.raw(7)) && s.raw(8).length() == 15
                && date(s.raw(9), 6) && time(s.raw(10), 4, 4) && repetition.length() == 1
                && s.raw(12).equals("00501") && digits(s.raw(13), 9, 9) && (s.raw(14).equals("0")
                        || s.raw(14).equals("1")) && Set.of("T", "P", "I").contains(s.raw(15))
                && component.length() == 1;
    }

    private static boolean groupHeader(ScannedSegment s) {
        return s.elementCount() == 8 && simple(s, 8) && FUNCTIONAL_CODES.contains(s.raw(1))
                && length(s.raw(2), 2, 15) && length(s.raw(3), 2, 15) && date(s.raw(4), 8) && time(s.raw(5), 4, 8)
                && digits(s.raw(6), 1, 9) && s.raw(7).equals("X") && VERSIONS.contains(s.raw(8));
    }

    private static boolean transactionHeader(ScannedSegment s) {
        int n = s.elementCount();
        return (n == 2 || n == 3) && simple(s, n) && length(s.raw(1), 3, 3) && length(s.raw(2), 4, 9)
                && (n == 2 || length(s.raw(3), 1, 35));
    }

    /** SE, GE or IEA: element 1 the count (canonical digits, at most {@code countDigits}), element 2 the control number. */
    private static boolean trailer(ScannedSegment s, int countDigits, long count, String control) {
        return s.elementCount() == 2 && simple(s, 2) && digits(s.raw(1), 1, countDigits)
                && s.raw(1).equals(Long.toString(count)) && s.raw(2).equals(control);
    }

    /** Elements 1..n are each one component and one occurrence. */
    private static boolean simple(ScannedSegment s, int n) {
        for (int e = 1; e <= n; e++) {
            if (!s.simple(e)) {
                return false;
            }
        }
        return true;
    }

    private static boolean length(String v, int min, int max) {
        return v.length() >= min && v.length() <= max;
    }

    private static boolean digits(String v, int min, int max) {
        if (!length(v, min, max)) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** YYMMDD or CCYYMMDD that exists (a two-digit year is read in this century; 2000 was a leap year). */
    private static boolean date(String v, int length) {
        if (!digits(v, length, length)) {
            return false;
        }
        int year = Integer.parseInt(v.substring(0, length - 4));
        int month = Integer.parseInt(v.substring(length - 4, length - 2));
        int day = Integer.parseInt(v.substring(length - 2));
        int days = switch (month) {
            case 1, 3, 5, 7, 8, 10, 12 -> 31;
            case 4, 6, 9, 11 -> 30;
            case 2 -> year % 4 == 0 && (length == 6 || year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            default -> 0;
        };
        return day >= 1 && day <= days;
    }

    /** HHMM, HHMMSS or HHMMSSd.. of a time that exists. */
    private static boolean time(String v, int min, int max) {
        if (!digits(v, min, max) || v.length() % 2 != 0 && v.length() < 7) {
            return false;
        }
        int hour = Integer.parseInt(v.substring(0, 2));
        int minute = Integer.parseInt(v.substring(2, 4));
        int second = v.length() >= 6 ? Integer.parseInt(v.substring(4, 6)) : 0;
        return hour < 24 && minute < 60 && second < 60;
    }
}
