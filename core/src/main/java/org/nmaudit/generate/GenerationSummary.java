package org.nmaudit.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run wrote: rows per data file (claims.csv counts the deliberately broken rows too), how many
 * of those are broken, and where the labels went (null if not asked for).
 */
public record GenerationSummary(
        Path directory,
        long patients,
        LocalDate firstDay,
        LocalDate lastDay,
        Map<String, Long> rowsPerFile,
        long brokenClaimRows,
        Path labelsFile) {

    static GenerationSummary of(Path directory, DataWindow window, long patients, long[] rows, long broken, Path labels) {
        Map<String, Long> perFile = new LinkedHashMap<>();
        for (int i = 0; i < DataSetWriter.DATA_FILES.size(); i++) {
            perFile.put(DataSetWriter.DATA_FILES.get(i), rows[i]);
        }
        return new GenerationSummary(directory, patients, window.start(), window.end(), Map.copyOf(perFile), broken, labels);
    }
}
