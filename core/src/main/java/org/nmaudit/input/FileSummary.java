package org.nmaudit.input;

/**
 * What was read from one data file: rows read = rows loaded + rows rejected (fully empty lines and the
 * header are not rows).
 *
 * @param present false when an optional file is absent (then the counts are 0 and sha256 is null)
 * @param afterPeriod in a period audit, the loaded rows dated after the period's end, which take part in no
 *     rule (periods.md); null in other audits
 */
public record FileSummary(String fileName, boolean present, String sha256, long rowsRead, long rowsLoaded,
        long rowsRejected, Long afterPeriod) {

    public FileSummary(String fileName, boolean present, String sha256, long rowsRead, long rowsLoaded,
            long rowsRejected) {
        this(fileName, present, sha256, rowsRead, rowsLoaded, rowsRejected, null);
    }

    static FileSummary absent(String fileName) {
        return new FileSummary(fileName, false, null, 0, 0, 0);
    }

    /** The same summary with the count of rows left out after a period's end. */
    public FileSummary withAfterPeriod(long rows) {
        return new FileSummary(fileName, present, sha256, rowsRead, rowsLoaded, rowsRejected, rows);
    }
}
