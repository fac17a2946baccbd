package org.nmaudit.input;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What reading a data set found, apart from the rows themselves (which went to an {@link InputSink}).
 *
 * @param files one summary per input file, in the order of data-format.md (absent ones included)
 * @param warnings header warnings and other remarks that do not reject rows
 * @param latestServiceDate the latest service_date among loaded claim lines: the default as-of date
 */
public record DataSetSummary(List<FileSummary> files, List<String> warnings, Optional<LocalDate> latestServiceDate) {

    public long rowsRejected() {
        return files.stream().mapToLong(FileSummary::rowsRejected).sum();
    }

    public long rowsLoaded() {
        return files.stream().mapToLong(FileSummary::rowsLoaded).sum();
    }

    /** Claim lines loaded to be audited: claims.csv's, and the 837 files' not replaced or voided. */
    public long claimLinesLoaded() {
        long lines = 0;
        for (FileSummary f : files) {
            if (f.fileName().equals(ClaimsFile.NAME)) {
                lines += f.rowsLoaded();
            } else if (f.x12() != null && !f.x12().remittance()) {
                lines += f.rowsLoaded() - f.x12().replaced() - f.x12().voided();
            }
        }
        return lines;
    }

    /** The files claim lines come from: claims.csv when present, and the 837 files. */
    public List<FileSummary> claimFiles() {
        return files.stream().filter(f -> f.present() && (f.fileName().equals(ClaimsFile.NAME)
                || f.x12() != null && !f.x12().remittance())).toList();
    }

    /** The files of data-format.md that the folder does not have. */
    public List<String> absentFiles() {
        return files.stream().filter(f -> !f.present()).map(FileSummary::fileName).toList();
    }
}
