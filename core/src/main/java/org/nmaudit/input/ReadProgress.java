package org.nmaudit.input;

/** Told how far a long read has got, so the console can show it is not stuck. */
@FunctionalInterface
public interface ReadProgress {
    ReadProgress SILENT = (file, rows) -> { };

    void rowsRead(String fileName, long rows);
}
