package org.nmaudit.input;

/**
 * One problem of a rejected row, as rejects.csv lists it.
 *
 * @param file the data file name, e.g. claims.csv
 * @param line the 1-based physical line where the row starts
 * @param column the column at fault, or blank when the whole row is malformed
 */
public record Reject(String file, long line, String column, String value, String reason) {
}
