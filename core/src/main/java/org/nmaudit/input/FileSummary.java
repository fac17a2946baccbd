package org.nmaudit.input;

/**
 * What was read from one data file: rows read = rows loaded + rows rejected (fully empty lines and the
 * header are not rows).
 *
 * @param present false when an optional file is absent (then the counts are 0 and sha256 is null)
 */
public record FileSummary(String fileName, boolean present, String sha256, long rowsRead, long rowsLoaded,
        long rowsRejected) {

    static FileSummary absent(String fileName) {
        return new FileSummary(fileName, false, null, 0, 0, 0);
    }
}
