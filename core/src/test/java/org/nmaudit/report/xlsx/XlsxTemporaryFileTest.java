package org.nmaudit.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Severity;
import org.nmaudit.report.monthly.AuditReportInputs;
import org.nmaudit.report.monthly.ReportFigures;
import org.nmaudit.testing.FindingFixture;

/**
 * SXSSF keeps the rows it flushed in a temporary file, gzipped only for a large report. Either way the
 * workbook holds the same cells: written both ways from the same figures, with more findings than the row
 * window so most rows pass through the file, and compared cell by cell.
 */
class XlsxTemporaryFileTest {
    @Test
    void aPlainAndAGzippedTemporaryFileGiveTheSameWorkbook(@TempDir Path tmp) throws IOException {
        List<Finding> findings = new ArrayList<>();
        int count = XlsxReport.ROW_WINDOW * 3 + 17;
        for (int i = 1; i <= count; i++) {
            findings.add(FindingFixture.line("NM-UNITS", Severity.HIGH, String.format("C%06d", i), 1 + i % 3,
                    "2025-03-14", i + ".50", "line " + i + " \"quoted\" <b>&amp;</b>"));
        }
        ReportFigures figures = ReportFigures.of(AuditReportInputs.of(
                FindingFixture.run(LocalDate.of(2025, 12, 31), count, count, 0), findings, List.of(), List.of()));
        XlsxReport.write(figures, tmp.resolve("plain.xlsx"), false);
        XlsxReport.write(figures, tmp.resolve("gzipped.xlsx"), true);
        List<String> plain = cells(tmp.resolve("plain.xlsx"));
        assertEquals(cells(tmp.resolve("gzipped.xlsx")), plain);
        assertEquals(true, plain.contains("Findings!A" + (count + 1) + "=" + findings.get(count - 1).findingId()),
                "the last finding is in the workbook");
    }

    @Test
    void temporaryFilesGoToTheFolderGivenAndAreRemoved(@TempDir Path tmp) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= XlsxReport.ROW_WINDOW * 2; i++) {
            findings.add(FindingFixture.line("NM-UNITS", Severity.HIGH, String.format("C%06d", i), 1, "2025-03-14",
                    "10.00", "line " + i));
        }
        ReportFigures figures = ReportFigures.of(AuditReportInputs.of(
                FindingFixture.run(LocalDate.of(2025, 12, 31), findings.size(), findings.size(), 0), findings,
                List.of(), List.of()));
        // POI makes the folder for its temporary files when it first needs one: it exists afterwards only if they
        // went there, and is empty if they were all removed
        Path scratch = tmp.resolve("scratch").resolve("xlsx");
        XlsxReport.write(figures, tmp.resolve("findings.xlsx"), scratch);
        assertEquals(true, Files.isDirectory(scratch), "the temporary files were made in " + scratch);
        try (var left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList());
        }
        assertEquals(cells(tmp.resolve("findings.xlsx")).size(), cellsOf(figures, tmp.resolve("again.xlsx")).size());
    }

    private static List<String> cellsOf(ReportFigures figures, Path file) throws IOException {
        XlsxReport.write(figures, file);
        return cells(file);
    }

    private static List<String> cells(Path workbook) throws IOException {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        out.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + cell);
                    }
                }
            }
        }
        return out;
    }
}
