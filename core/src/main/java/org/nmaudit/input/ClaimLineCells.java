package org.nmaudit.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * One claim line from another source than claims.csv (an X12 837 file), as the claims.csv cell texts
 * it maps to, so that {@link ClaimLineValidator} validates it exactly like a claims.csv row. Each cell
 * remembers where it came from: its position in the file (an X12 segment ordinal) and a label, such as
 * {@code 2400 SV1-02}, that starts the reason of any reject of that cell. Problems the source found
 * itself (an ICD-9 qualifier, a diagnosis pointer out of range) are added as they are.
 */
public final class ClaimLineCells {
    private final String file;
    private final long position;
    private final String positionName;
    /** By column index ({@link ClaimLineValidator#COLUMN_INDEX}): a line sets a dozen cells, a map per line cost more. */
    private final Cell[] cells = new Cell[ClaimLineValidator.COLUMNS.size()];
    private final List<Reject> problems = new ArrayList<>();

    /** Where a cell came from; its source is worded only for a reject (most cells are never rejected). */
    record Cell(String text, long position, Supplier<String> source) {
        /** The loop and element, or null. */
        String sourceText() {
            return source == null ? null : source.get();
        }
    }

    /**
     * @param file the file name rejects name
     * @param position the row's own position (the segment ordinal of the X12 LX segment): the line of a
     *     loaded {@link org.nmaudit.facts.ClaimLine} and of rejects that concern the whole row
     * @param positionName what positions count ("segment" in an X12 file), for messages naming them
     */
    public ClaimLineCells(String file, long position, String positionName) {
        this.file = file;
        this.position = position;
        this.positionName = positionName;
    }

    /**
     * Sets a column (a data-format.md claims.csv column) to a cell text; null is a blank cell.
     *
     * @param source the loop and element it came from, e.g. {@code 2400 SV1-02}; a reject of this cell
     *     gives its reason as "source: reason"
     */
    public ClaimLineCells cell(String column, String text, long cellPosition, String source) {
        return cell(column, text, cellPosition, source == null ? null : () -> source);
    }

    /** Sets a column, like {@link #cell(String, String, long, String)}, with a source worded when a reject needs it. */
    public ClaimLineCells cell(String column, String text, long cellPosition, Supplier<String> source) {
        Integer index = ClaimLineValidator.COLUMN_INDEX.get(column);
        if (index == null) {
            throw new IllegalArgumentException(column + " is not a claims.csv column");
        }
        cells[index] = new Cell(text == null ? "" : text, cellPosition, source);
        return this;
    }

    /**
     * A problem the source found in a column; the row is rejected with it. Leave the column's cell blank
     * (or do not set it) so that it is not reported twice.
     */
    public ClaimLineCells problem(String column, String value, long problemPosition, String reason) {
        problems.add(new Reject(file, problemPosition, column, value == null ? "" : value, reason));
        return this;
    }

    public String file() {
        return file;
    }

    public long position() {
        return position;
    }

    String positionName() {
        return positionName;
    }

    Cell cell(String column) {
        Integer index = ClaimLineValidator.COLUMN_INDEX.get(column);
        return index == null ? null : cells[index];
    }

    /** The cell texts in {@link ClaimLineValidator#COLUMNS} order, "" where unset. */
    List<String> texts() {
        List<String> texts = new ArrayList<>(cells.length);
        for (Cell c : cells) {
            texts.add(c == null ? "" : c.text());
        }
        return texts;
    }

    List<Reject> problems() {
        return Collections.unmodifiableList(problems);
    }
}
