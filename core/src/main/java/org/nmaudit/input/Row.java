package org.nmaudit.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One data row being validated. Reading a column through it records every problem instead of
 * stopping at the first, so a rejected row lists all that is wrong with it.
 */
final class Row {
    /** A cell format: a trimmed, non-blank cell in, a value out, or the reason it is invalid. */
    @FunctionalInterface
    interface Format<T> {
        T parse(String cell) throws InvalidCell;
    }

    private final String file;
    private final long line;
    private final Map<String, Integer> columns;
    private final List<String> cells;
    private final List<Reject> problems = new ArrayList<>();

    Row(String file, long line, Map<String, Integer> columns, List<String> cells) {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.cells = cells;
    }

    long line() {
        return line;
    }

    String file() {
        return file;
    }

    /** The trimmed cell, or "" when blank, when the file has no such column, or the row is too short for it. */
    String cell(String column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() ? "" : cells.get(index).trim();
    }

    /** A required column: a blank cell is a problem. Returns null when the cell is blank or invalid. */
    <T> T required(String column, Format<T> format) {
        String v = cell(column);
        if (v.isEmpty()) {
            problem(column, v, column + " is required and is blank");
            return null;
        }
        return parse(column, v, format);
    }

    /** A required free-text column. */
    String requiredText(String column) {
        return required(column, v -> v);
    }

    /** An optional column: blank means "not known" and gives null. */
    <T> T optional(String column, Format<T> format) {
        String v = cell(column);
        return v.isEmpty() ? null : parse(column, v, format);
    }

    /** An optional free-text column; null when blank. */
    String optionalText(String column) {
        return optional(column, v -> v);
    }

    private <T> T parse(String column, String v, Format<T> format) {
        try {
            return format.parse(v);
        } catch (InvalidCell e) {
            problem(column, v, column + " " + EchoedText.of(v) + " " + e.getMessage());
            return null;
        }
    }

    void problem(String column, String value, String reason) {
        problems.add(new Reject(file, line, column, value, reason));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    List<Reject> problems() {
        return problems;
    }
}
