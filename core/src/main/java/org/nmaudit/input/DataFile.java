package org.nmaudit.input;

import java.util.List;

/**
 * One file of the input contract (data-format.md): its name, its columns, and how a row becomes a
 * fact. Implementations validate through {@link Row} and return null when the row has problems.
 */
abstract class DataFile<T> {
    private final String fileName;
    private final boolean requiredFile;
    private final List<String> requiredColumns;
    private final List<String> optionalColumns;

    /**
     * @param requiredFile only claims.csv is required; an absent documentation file contributes no facts
     * @param requiredColumns columns the header must name (a missing one stops the run with exit code 2)
     */
    DataFile(String fileName, boolean requiredFile, List<String> requiredColumns, List<String> optionalColumns) {
        this.fileName = fileName;
        this.requiredFile = requiredFile;
        this.requiredColumns = List.copyOf(requiredColumns);
        this.optionalColumns = List.copyOf(optionalColumns);
    }

    final String fileName() {
        return fileName;
    }

    final boolean requiredFile() {
        return requiredFile;
    }

    final List<String> requiredColumns() {
        return requiredColumns;
    }

    final List<String> optionalColumns() {
        return optionalColumns;
    }

    /** The fact for a row, or null when {@code row} has recorded problems. */
    abstract T read(Row row);

    /** Told of a row rejected before its cells were read (its field count differs from the header's). */
    void malformed(Row row) {
    }
}
