package org.nmaudit.input.x12;

import java.util.List;
import org.nmaudit.input.FileSummary;

/**
 * What reading the X12 files of a data set gave besides the loaded lines and the rejects.
 *
 * @param files one summary per file, in reading order (ISA09, ISA10, then name)
 * @param warnings remarks that reject nothing: date ranges read on their from date, minutes not loaded as
 *     units, 835 lines that match no 837 line, replacement claims with nothing to replace ...
 */
public record X12Reading(List<FileSummary> files, List<String> warnings) {

    public long rowsRejected() {
        return files.stream().mapToLong(FileSummary::rowsRejected).sum();
    }
}
