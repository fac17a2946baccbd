package org.nmaudit.input;

/**
 * What was read from one data file: rows read = rows loaded + rows rejected (fully empty lines and the
 * header are not rows).
 *
 * @param present false when an optional file is absent (then the counts are 0 and sha256 is null)
 * @param x12 for an X12 file (x12-input.md) what it holds and what became of its rows; null for a CSV file
 * @param afterPeriod in a period audit, the loaded rows dated after the period's end, which take part in no
 *     rule (periods.md); null in other audits
 */
public record FileSummary(String fileName, boolean present, String sha256, long rowsRead, long rowsLoaded,
        long rowsRejected, X12Counts x12, Long afterPeriod) {

    /** An X12 file's summary. */
    public FileSummary(String fileName, boolean present, String sha256, long rowsRead, long rowsLoaded,
            long rowsRejected, X12Counts x12) {
        this(fileName, present, sha256, rowsRead, rowsLoaded, rowsRejected, x12, null);
    }

    /** A CSV file's summary. */
    public FileSummary(String fileName, boolean present, String sha256, long rowsRead, long rowsLoaded,
            long rowsRejected) {
        this(fileName, present, sha256, rowsRead, rowsLoaded, rowsRejected, null);
    }

    static FileSummary absent(String fileName) {
        return new FileSummary(fileName, false, null, 0, 0, 0);
    }

    /** The same summary with the count of rows left out after a period's end. */
    public FileSummary withAfterPeriod(long rows) {
        return new FileSummary(fileName, present, sha256, rowsRead, rowsLoaded, rowsRejected, x12, rows);
    }

    /**
     * The X12 side of a file's summary.
     *
     * @param transactions what the file holds: 837P, 837I, 837P+837I or 835
     * @param replaced of an 837's loaded lines, those a later claim with frequency 7 replaces (not audited)
     * @param voided of an 837's loaded lines, those a claim with frequency 8 voids, and the lines of the void
     *     claims themselves (not audited)
     * @param linesMatched of an 835's service lines (its rows), those that paid an 837 line
     * @param linesUnmatched of an 835's service lines, those that match no 837 line read
     */
    public record X12Counts(String transactions, long replaced, long voided, long linesMatched,
            long linesUnmatched) {

        public boolean remittance() {
            return "835".equals(transactions);
        }
    }
}
