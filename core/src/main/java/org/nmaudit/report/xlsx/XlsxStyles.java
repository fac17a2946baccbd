package org.nmaudit.report.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of findings.xlsx, made once per workbook (a workbook holds at most 64,000 styles). */
final class XlsxStyles {
    /** Dollars with cents; negative amounts with a minus sign. */
    static final String MONEY_FORMAT = "\"$\"#,##0.00;-\"$\"#,##0.00";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
    static final String COUNT_FORMAT = "#,##0";
    static final String PERCENT_FORMAT = "0.0%";

    final CellStyle header;
    final CellStyle text;
    /** Text that a spreadsheet would take for a formula if typed in: shown and kept as text (quote prefix). */
    final CellStyle quotedText;
    final CellStyle count;
    final CellStyle whole;
    final CellStyle money;
    final CellStyle date;
    final CellStyle dateTime;
    final CellStyle percent;

    XlsxStyles(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = wb.createCellStyle();
        quotedText = wb.createCellStyle();
        quotedText.setQuotePrefixed(true);
        count = formatted(wb, COUNT_FORMAT);
        whole = formatted(wb, "0");
        money = formatted(wb, MONEY_FORMAT);
        date = formatted(wb, DATE_FORMAT);
        dateTime = formatted(wb, DATE_TIME_FORMAT);
        percent = formatted(wb, PERCENT_FORMAT);
    }

    private static CellStyle formatted(Workbook wb, String format) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        return s;
    }
}
