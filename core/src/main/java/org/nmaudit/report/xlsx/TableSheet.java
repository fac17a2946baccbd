package org.nmaudit.report.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A sheet that is one table: a bold header row, frozen, with filters over every column, and typed cells
 * (text, counts, money, dates), so sorting, filtering and sums work. Rows are streamed (SXSSF keeps only a
 * window of them in memory). A table longer than a sheet allows goes on in "Name (2)", "Name (3)", ...
 * with the same header.
 */
final class TableSheet {
    /** Data rows a sheet holds under its header row. */
    static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;
    /** The longest text a cell holds. */
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /** A column: its header and its width in characters. */
    record Column(String header, int width) {
    }

    private final SXSSFWorkbook workbook;
    private final XlsxStyles styles;
    private final String name;
    private final List<Column> columns;
    private final int maxDataRows;
    private SXSSFSheet sheet;
    private int part;
    private int dataRows;
    private Row row;
    private int cell;

    TableSheet(SXSSFWorkbook workbook, XlsxStyles styles, String name, List<Column> columns) {
        this(workbook, styles, name, columns, MAX_DATA_ROWS);
    }

    /** @param maxDataRows rows per sheet before the next part starts (tests use a small number) */
    TableSheet(SXSSFWorkbook workbook, XlsxStyles styles, String name, List<Column> columns, int maxDataRows) {
        this.workbook = workbook;
        this.styles = styles;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.maxDataRows = maxDataRows;
        startPart();
    }

    private void startPart() {
        if (sheet != null) {
            finishPart();
        }
        part++;
        sheet = workbook.createSheet(part == 1 ? name : name + " (" + part + ")");
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(columns.get(i).header());
            c.setCellStyle(styles.header);
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        }
        sheet.createFreezePane(0, 1);
        dataRows = 0;
    }

    private void finishPart() {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, dataRows), 0, columns.size() - 1));
    }

    /** Starts the next row; fill it left to right with the typed cell methods. */
    TableSheet row() {
        if (dataRows == maxDataRows) {
            startPart();
        }
        dataRows++;
        row = sheet.createRow(dataRows);
        cell = 0;
        return this;
    }

    /** Text as text, never a formula; a value that starts like a formula keeps a quote prefix. Null: no cell. */
    TableSheet text(String value) {
        if (value == null || value.isEmpty()) {
            return skip();
        }
        Cell c = next();
        c.setCellValue(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value);
        c.setCellStyle(looksLikeFormula(value) ? styles.quotedText : styles.text);
        return this;
    }

    /** A count, with thousands separators. Null: no cell. */
    TableSheet count(Number value) {
        if (value == null) {
            return skip();
        }
        Cell c = next();
        c.setCellValue(value.doubleValue());
        c.setCellStyle(styles.count);
        return this;
    }

    /** A whole number shown as is (a line number). Null: no cell. */
    TableSheet whole(Number value) {
        if (value == null) {
            return skip();
        }
        Cell c = next();
        c.setCellValue(value.doubleValue());
        c.setCellStyle(styles.whole);
        return this;
    }

    /** Dollars, as a number with the currency format. Null: no cell. */
    TableSheet money(BigDecimal value) {
        if (value == null) {
            return skip();
        }
        Cell c = next();
        c.setCellValue(value.doubleValue());
        c.setCellStyle(styles.money);
        return this;
    }

    /** A date cell (a serial number with a date format). Null: no cell. */
    TableSheet date(LocalDate value) {
        if (value == null) {
            return skip();
        }
        Cell c = next();
        c.setCellValue(value);
        c.setCellStyle(styles.date);
        return this;
    }

    TableSheet dateTime(LocalDateTime value) {
        if (value == null) {
            return skip();
        }
        Cell c = next();
        c.setCellValue(value);
        c.setCellStyle(styles.dateTime);
        return this;
    }

    /** A fraction shown as a percentage (0.156 as 15.6%). Null: no cell. */
    TableSheet percent(Double value) {
        if (value == null) {
            return skip();
        }
        Cell c = next();
        c.setCellValue(value);
        c.setCellStyle(styles.percent);
        return this;
    }

    TableSheet bool(boolean value) {
        next().setCellValue(value);
        return this;
    }

    /** Leaves the next cell empty. */
    TableSheet skip() {
        cell++;
        return this;
    }

    /** Sets the filters over the last part's rows. */
    void finish() {
        finishPart();
    }

    private Cell next() {
        return row.createCell(cell++);
    }

    /** As findings-format.md lists them for CSV: =, +, -, @, a tab or a carriage return first. */
    static boolean looksLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
