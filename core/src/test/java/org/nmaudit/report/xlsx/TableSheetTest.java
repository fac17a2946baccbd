package org.nmaudit.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table longer than a sheet goes on in "Name (2)", with the same frozen, filtered header. */
class TableSheetTest {
    @TempDir
    Path tmp;

    @Test
    void aLongTableContinuesOnNumberedSheets() throws IOException {
        Path file = tmp.resolve("t.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 10, true, false)) {
            TableSheet t = new TableSheet(wb, new XlsxStyles(wb), "Findings",
                    List.of(new TableSheet.Column("n", 5), new TableSheet.Column("text", 10)), 2);
            for (int i = 1; i <= 5; i++) {
                t.row().count(i).text("row " + i);
            }
            t.finish();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            List<String> got = new ArrayList<>();
            for (Sheet s : book) {
                XSSFSheet x = (XSSFSheet) s;
                List<String> rows = new ArrayList<>();
                s.forEach(r -> rows.add(r.getRowNum() == 0 ? r.getCell(0).getStringCellValue()
                        : (int) r.getCell(0).getNumericCellValue() + "=" + r.getCell(1).getStringCellValue()));
                got.add(s.getSheetName() + " " + x.getCTWorksheet().getAutoFilter().getRef() + " "
                        + s.getPaneInformation().getHorizontalSplitPosition() + " " + rows);
            }
            assertEquals(List.of("Findings A1:B3 1 [n, 1=row 1, 2=row 2]", "Findings (2) A1:B3 1 [n, 3=row 3, 4=row 4]",
                    "Findings (3) A1:B2 1 [n, 5=row 5]"), got);
        }
    }
}
