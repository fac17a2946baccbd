package org.nmaudit.input;

import java.util.List;

/**
 * One file of the input contract (data-format.md): its name, its columns, and how a row becomes a
 * fact. Implementations validate through {@link Row} and return null when the row has problems.
 */
interface DataFile<T> {
    String fileName();

    /** Only claims.csv is required; an absent documentation file contributes no facts. */
    boolean requiredFile();

    /** Columns the header must name (a missing one stops the run with exit code 2). */
    List<String> requiredColumns();

    List<String> optionalColumns();

    /** The fact for a row, or null when {@code row} has recorded problems. */
    T read(Row row);
}
