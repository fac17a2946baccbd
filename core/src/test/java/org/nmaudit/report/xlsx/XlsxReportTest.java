package org.nmaudit.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.DataFolder.NPI_A;
import static org.nmaudit.input.DataFolder.claim;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.findings.FindingId;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;

/**
 * findings.xlsx of a real audit, read back with POI: the four sheets, frozen headers with filters, and
 * typed cells equal to findings.csv, provider-ratios.csv and rejects.csv; input text that looks like a
 * formula stays text.
 */
class XlsxReportTest {
    static final String FORMULA_CLAIM = "=1+2";
    static final String FORMULA_VALUE = "=cmd|' /C calc'!A0";

    @TempDir
    static Path tmp;
    private static XSSFWorkbook book;

    /** One audit for every test: they only read its workbook. */
    @BeforeAll
    static void audit() throws IOException {
        DataFolder.in(tmp.resolve("data")).claims(
                claim("T1", "1").set("patient_id", "P1").set("cpt_code", "63650").set("service_date", "2025-01-10")
                        .toString(),
                claim(FORMULA_CLAIM, "1").set("patient_id", "P2").set("cpt_code", "63685")
                        .set("service_date", "2025-02-20").set("place_of_service", "24")
                        .set("billed_amount", "$29,617.00").toString(),
                claim("C9", "1").set("payer_type", FORMULA_VALUE).toString())
                .file("psych-evaluations.csv", "patient_id,evaluation_date", "P1,2024-12-01");
        CliRun run = CliRun.of("audit", tmp.resolve("data").toString(), "--out", out().toString());
        assertEquals(5, run.exitCode(), run::toString);
        book = new XSSFWorkbook(Files.newInputStream(out().resolve(XlsxReport.FILE_NAME)));
    }

    private static Path out() {
        return tmp.resolve("out");
    }

    @AfterAll
    static void close() throws IOException {
        book.close();
    }

    private List<CSVRecord> csv(String file) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out().resolve(file)))).getRecords();
    }

    @Test
    void hasTheFourSheetsEachWithAFrozenFilteredHeaderRow() {
        List<String> names = new ArrayList<>();
        book.forEach(s -> names.add(s.getSheetName()));
        assertEquals(List.of("Summary", "Findings", "Providers", "Rejects"), names);
        assertHeader("Summary", "A1:C", List.of("item", "value", "amount_at_risk"));
        assertHeader("Findings", "A1:L2", List.of("finding_id", "rule_id", "severity", "scope", "claim_id",
                "line_number", "patient_id", "rendering_npi", "service_date", "amount_at_risk", "message", "citation"));
        assertHeader("Providers", "A1:H2", List.of("rendering_npi", "trials", "converted", "failed", "pending", "ratio",
                "flagged", "trial_lines_amount"));
        assertHeader("Rejects", "A1:F2", List.of("file", "line", "column", "value", "reason", "reason_pattern"));
    }

    private void assertHeader(String sheet, String filter, List<String> columns) {
        XSSFSheet s = book.getSheet(sheet);
        Row header = s.getRow(0);
        List<String> got = new ArrayList<>();
        header.forEach(c -> got.add(c.getStringCellValue()));
        assertEquals(columns, got, sheet);
        assertTrue(book.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold(), sheet + " header bold");
        assertTrue(s.getPaneInformation().isFreezePane(), sheet + " frozen");
        assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition(), sheet + " header row frozen");
        String ref = s.getCTWorksheet().getAutoFilter().getRef();
        assertTrue(ref.startsWith(filter), sheet + " filter " + ref);
    }

    @Test
    void findingsAreFindingsCsvWithTypedCells() throws IOException {
        List<CSVRecord> expected = csv("findings.csv");
        assertEquals(1, expected.size());
        Sheet s = book.getSheet("Findings");
        assertEquals(1, s.getLastRowNum());
        CSVRecord e = expected.get(0);
        Row r = s.getRow(1);
        assertText(FindingId.ofLine("NM-TRIAL-DOC", FORMULA_CLAIM, 1), r.getCell(0));
        assertEquals(e.get("finding_id"), r.getCell(0).getStringCellValue());
        assertText("NM-TRIAL-DOC", r.getCell(1));
        assertText("HIGH", r.getCell(2));
        assertText("LINE", r.getCell(3));
        assertText(FORMULA_CLAIM, r.getCell(4));
        assertTrue(r.getCell(4).getCellStyle().getQuotePrefixed(), "a claim id that starts with = is quote-prefixed");
        assertFalse(r.getCell(1).getCellStyle().getQuotePrefixed());
        assertNumber(1, "0", r.getCell(5));
        assertText("P2", r.getCell(6));
        assertText(NPI_A, r.getCell(7));
        assertDate(LocalDate.parse("2025-02-20"), r.getCell(8));
        assertEquals(e.get("service_date"), "2025-02-20");
        assertNumber(29617.00, XlsxStyles.MONEY_FORMAT, r.getCell(9));
        assertEquals(new BigDecimal(e.get("amount_at_risk")).doubleValue(), r.getCell(9).getNumericCellValue());
        assertText(e.get("message"), r.getCell(10));
        assertText(e.get("citation"), r.getCell(11));
    }

    @Test
    void providersAreProviderRatiosCsvWithTypedCells() throws IOException {
        List<CSVRecord> expected = csv("provider-ratios.csv");
        assertEquals(List.of(NPI_A, "1", "0", "0", "1", "", "false"), expected.get(0).toList());
        Row r = book.getSheet("Providers").getRow(1);
        assertText(NPI_A, r.getCell(0));
        assertNumber(1, XlsxStyles.COUNT_FORMAT, r.getCell(1));
        assertNumber(0, XlsxStyles.COUNT_FORMAT, r.getCell(2));
        assertNumber(0, XlsxStyles.COUNT_FORMAT, r.getCell(3));
        assertNumber(1, XlsxStyles.COUNT_FORMAT, r.getCell(4));
        assertTrue(r.getCell(5) == null, "no decided trial: no ratio");
        assertEquals(CellType.BOOLEAN, r.getCell(6).getCellType());
        assertFalse(r.getCell(6).getBooleanCellValue());
        assertNumber(100.00, XlsxStyles.MONEY_FORMAT, r.getCell(7));
        assertEquals(1, book.getSheet("Providers").getLastRowNum());
    }

    @Test
    void rejectsAreRejectsCsvWithTheirReasonPattern() throws IOException {
        List<CSVRecord> expected = csv("rejects.csv");
        assertEquals(1, expected.size());
        Row r = book.getSheet("Rejects").getRow(1);
        assertText("claims.csv", r.getCell(0));
        assertNumber(4, "0", r.getCell(1));
        assertText("payer_type", r.getCell(2));
        assertText(FORMULA_VALUE, r.getCell(3));
        assertTrue(r.getCell(3).getCellStyle().getQuotePrefixed());
        assertText(expected.get(0).get("reason"), r.getCell(4));
        assertText("payer_type \u2026 is not one of MEDICARE, MEDICARE_ADVANTAGE, MEDICAID, COMMERCIAL, OTHER",
                r.getCell(5));
    }

    @Test
    void theSummaryHoldsTheRunAndItsFiguresAsNumbersAndDates() {
        Sheet s = book.getSheet("Summary");
        assertText(tmp.resolve("data").toString(), s, "Data");
        assertDate(LocalDate.parse("2025-02-20"), row(s, "As-of date").getCell(1));
        assertNumber(2, XlsxStyles.COUNT_FORMAT, row(s, "Claim lines audited").getCell(1));
        assertNumber(4, XlsxStyles.COUNT_FORMAT, row(s, "Input rows read").getCell(1), "3 claim rows, 1 psych evaluation");
        assertNumber(1, XlsxStyles.COUNT_FORMAT, row(s, "Input rows rejected").getCell(1));
        assertNumber(1, XlsxStyles.COUNT_FORMAT, row(s, "Findings").getCell(1));
        assertNumber(29617.00, XlsxStyles.MONEY_FORMAT, row(s, "Findings").getCell(2));
        assertNumber(1, XlsxStyles.COUNT_FORMAT, row(s, "Findings HIGH").getCell(1));
        assertNumber(0, XlsxStyles.COUNT_FORMAT, row(s, "Findings BLOCKER").getCell(1));
        assertNumber(1, XlsxStyles.COUNT_FORMAT, row(s, "Findings NM-TRIAL-DOC").getCell(1));
        assertNumber(0.5, XlsxStyles.PERCENT_FORMAT, row(s, "ratio_threshold").getCell(1));
        assertText("none (every loaded claim line)", row(s, "Period").getCell(1));
        assertEquals(64, row(s, "Rules SHA-256 (over its files' SHA-256, as report.html says)").getCell(1)
                .getStringCellValue().length());
    }

    @Test
    void noCellIsAFormula() {
        for (Sheet s : book) {
            for (Row r : s) {
                for (Cell c : r) {
                    assertFalse(c.getCellType() == CellType.FORMULA, s.getSheetName() + " " + c.getAddress());
                }
            }
        }
    }

    private static Row row(Sheet s, String item) {
        for (Row r : s) {
            if (r.getRowNum() > 0 && r.getCell(0).getStringCellValue().equals(item)) {
                return r;
            }
        }
        throw new AssertionError("Summary has no row " + item);
    }

    private static void assertText(String value, Sheet s, String item) {
        assertText(value, row(s, item).getCell(1));
    }

    private static void assertText(String expected, Cell c) {
        assertEquals(CellType.STRING, c.getCellType(), c.getAddress().toString());
        assertEquals(expected, c.getStringCellValue());
    }

    private static void assertNumber(double expected, String format, Cell c, String why) {
        assertEquals(expected, c.getNumericCellValue(), why);
        assertNumber(expected, format, c);
    }

    private static void assertNumber(double expected, String format, Cell c) {
        assertEquals(CellType.NUMERIC, c.getCellType(), c.getAddress().toString());
        assertEquals(expected, c.getNumericCellValue(), c.getAddress().toString());
        assertEquals(format, c.getCellStyle().getDataFormatString(), c.getAddress().toString());
    }

    private static void assertDate(LocalDate expected, Cell c) {
        assertEquals(CellType.NUMERIC, c.getCellType(), c.getAddress().toString());
        assertTrue(DateUtil.isCellDateFormatted(c), c.getAddress() + " has a date format");
        assertEquals(XlsxStyles.DATE_FORMAT, c.getCellStyle().getDataFormatString());
        assertEquals(expected, c.getLocalDateTimeCellValue().toLocalDate());
    }
}
