package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.facts.FeeScheduleRate;
import org.nmaudit.facts.PayerType;
import org.nmaudit.facts.ProcedureCode;

/**
 * The reference folder (extended-rules.md, "Reference data shipped in data/reference/"): fee-schedule.csv
 * and codes.csv. Unlike a claim row, a bad reference row stops the run with every problem listed.
 */
class ReferenceReaderTest {
    static final String FEE_HEADER = "payer_type,cpt_code,setting,component,expected_amount,effective_from,source";
    static final String CODES_HEADER = "cpt_code,description,work_rvu,global_period,source";
    static final String GOOD_FEE = "MEDICARE,63650,FACILITY,PROFESSIONAL,407.00,2024-01-01,test";
    static final String GOOD_CODE = "63650,Trial or permanent percutaneous epidural leads,7.15,010,test";

    @TempDir
    Path tmp;

    private Path folder() {
        return tmp.resolve("reference");
    }

    private static ReferenceData read(Path folder) throws InputException {
        return new ReferenceReader(ReadProgress.SILENT).read(folder);
    }

    /** A reference folder with the given fee-schedule.csv and codes.csv lines (header first). */
    private DataFolder reference(List<String> fees, List<String> codes) {
        return DataFolder.in(folder()).file("fee-schedule.csv", fees.toArray(String[]::new))
                .file("codes.csv", codes.toArray(String[]::new));
    }

    private InputException failure(Path folder) {
        return assertThrows(InputException.class, () -> read(folder));
    }

    private String display() {
        return folder().toString().replace('\\', '/');
    }

    // ---- The shipped folder ------------------------------------------------------------------------------

    @Test
    void shippedReferenceDataLoads() throws InputException, IOException {
        ReferenceData data = read(Path.of("data", "reference"));
        assertEquals(11, data.rates().size());
        assertEquals(14, data.codes().size());
        assertEquals("data/reference", data.folder());
        assertEquals(List.of("fee-schedule.csv", "codes.csv"), data.files().stream().map(FileSummary::fileName).toList());
        for (FileSummary f : data.files()) {
            assertEquals(Sha256.hex(Files.readAllBytes(Path.of("data", "reference", f.fileName()))), f.sha256(),
                    f.fileName());
            assertEquals(0, f.rowsRejected(), f.fileName());
        }
        List<Long> counts = data.files().stream().map(FileSummary::rowsLoaded).toList();
        assertEquals(List.of(11L, 14L), counts);
    }

    @Test
    void shippedFeeScheduleHoldsTheTalksNationalAverages() throws InputException {
        Map<String, String> rates = new TreeMap<>();
        for (FeeScheduleRate r : read(Path.of("data", "reference")).rates()) {
            assertEquals(PayerType.MEDICARE, r.getPayerType());
            assertEquals("2024-01-01", r.getEffectiveFrom().toString());
            rates.put(r.getCptCode() + " " + r.getSetting() + " " + r.getComponent(),
                    r.getExpectedAmount().stripTrailingZeros().toPlainString());
        }
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("63650 FACILITY PROFESSIONAL", "407"),
                Map.entry("63650 NON_FACILITY PROFESSIONAL", "2236"),
                Map.entry("63650 FACILITY FACILITY_FEE", "6523"),
                Map.entry("63685 FACILITY PROFESSIONAL", "337"),
                Map.entry("63685 FACILITY FACILITY_FEE", "29617"),
                Map.entry("64555 FACILITY PROFESSIONAL", "317"),
                Map.entry("64555 FACILITY FACILITY_FEE", "6523"),
                Map.entry("95970 FACILITY PROFESSIONAL", "18"),
                Map.entry("95970 NON_FACILITY PROFESSIONAL", "18"),
                Map.entry("95971 FACILITY PROFESSIONAL", "38"),
                Map.entry("95971 NON_FACILITY PROFESSIONAL", "47")));
        assertEquals(expected, rates);
    }

    @Test
    void shippedCodesHoldTheTalksRvusAndGlobalPeriods() throws InputException {
        Map<String, String> codes = read(Path.of("data", "reference")).codes().stream()
                .filter(c -> c.getWorkRvu() != null || c.getGlobalPeriod() != null)
                .collect(Collectors.toMap(ProcedureCode::getCptCode,
                        c -> (c.getWorkRvu() == null ? "-" : c.getWorkRvu().toPlainString()) + " "
                                + (c.getGlobalPeriod() == null ? "-" : c.getGlobalPeriod()), (a, b) -> a,
                        TreeMap::new));
        assertEquals(Map.of("63650", "7.15 010", "63685", "5.19 010", "64555", "5.76 -", "95970", "0.35 -",
                "95971", "0.78 -"), codes);
    }

    // ---- A small custom folder ------------------------------------------------------------------------------

    @Test
    void aCustomFolderLoadsWithCaseInsensitiveValuesAndDollarAmounts() throws InputException {
        reference(List.of(FEE_HEADER,
                        "commercial,63685,facility,facility_fee,\"$31,250.50\",2025-01-01,contract 2025",
                        "Medicare_Advantage,95970,NON_FACILITY,PROFESSIONAL,19,2025-01-01,"),
                List.of(CODES_HEADER, GOOD_CODE));
        ReferenceData data = read(folder());
        assertEquals(List.of("COMMERCIAL 63685 FACILITY FACILITY_FEE $31250.50 from 2025-01-01",
                        "MEDICARE_ADVANTAGE 95970 NON_FACILITY PROFESSIONAL $19 from 2025-01-01"),
                data.rates().stream().map(FeeScheduleRate::toString).toList());
        assertEquals(List.of(2L, 3L), data.rates().stream().map(FeeScheduleRate::getSourceLine).toList());
        assertEquals(new BigDecimal("31250.50"), data.rates().get(0).getExpectedAmount());
    }

    @Test
    void headerOnlyFilesLoadNothing() throws InputException {
        reference(List.of(FEE_HEADER), List.of(CODES_HEADER));
        ReferenceData data = read(folder());
        assertEquals(0, data.rates().size());
        assertEquals(0, data.codes().size());
    }

    @Test
    void aZeroExpectedAmountIsAllowed() throws InputException {
        reference(List.of(FEE_HEADER, "MEDICARE,63661,NON_FACILITY,PROFESSIONAL,0.00,2024-01-01,"),
                List.of(CODES_HEADER, GOOD_CODE));
        assertEquals(1, read(folder()).rates().size());
    }

    @Test
    void twoRowsForOneKeyWithDifferentDatesAreAllowed() throws InputException {
        reference(List.of(FEE_HEADER, GOOD_FEE, "MEDICARE,63650,FACILITY,PROFESSIONAL,420.00,2025-01-01,test"),
                List.of(CODES_HEADER, GOOD_CODE));
        assertEquals(2, read(folder()).rates().size());
    }

    // ---- Bad rows stop the run, every problem listed ------------------------------------------------------

    @Test
    void everyProblemOfEveryBadRowIsListedWithFileLineColumnAndWhatIsAllowed() {
        reference(List.of(FEE_HEADER,
                        GOOD_FEE,
                        "MEDICARE,63650,HOSPITAL,PROFESSIONAL,-5.00,2024-01-01,test",
                        "SELF,63685,FACILITY,TECHNICAL,337.00,2024/01/01,test",
                        "MEDICARE,63685,FACILITY,PROFESSIONAL,337.00,2024-02-30,test"),
                List.of(CODES_HEADER, GOOD_CODE, "63685,Generator insertion,5.19,10,test"));
        String message = failure(folder()).getMessage();
        String fees = display() + "/fee-schedule.csv:";
        String codes = display() + "/codes.csv:";
        List<String> expected = List.of(
                fees + "3 column setting: setting HOSPITAL is not one of FACILITY, NON_FACILITY",
                fees + "3 column expected_amount: expected_amount -5.00 is negative; an expected payment is 0 or more",
                fees + "4 column payer_type: payer_type SELF is not one of MEDICARE, MEDICARE_ADVANTAGE, MEDICAID,"
                        + " COMMERCIAL, OTHER",
                fees + "4 column component: component TECHNICAL is not one of PROFESSIONAL, FACILITY_FEE",
                fees + "4 column effective_from: effective_from 2024/01/01 is not a date in yyyy-MM-dd form",
                fees + "5 column effective_from: effective_from 2024-02-30 is not a real calendar date",
                codes + "3 column global_period: global_period 10 is not a global period; write three digits"
                        + " (000, 010, 090) or XXX, YYY, ZZZ, MMM");
        for (String problem : expected) {
            assertTrue(message.contains(problem), () -> "should list\n  " + problem + "\nin:\n" + message);
        }
        assertTrue(message.contains(display()) && message.contains("7 problem(s)"), message);
        assertEquals(7, message.lines().filter(l -> l.startsWith("  " + display() + "/")).count(), message);
        assertTrue(!message.contains("fee-schedule.csv:2 "), "the good row is not a problem:\n" + message);
    }

    @Test
    void blankRequiredCellsAndABadCodeAreProblems() {
        reference(List.of(FEE_HEADER, "MEDICARE,6365,FACILITY,,407.00,,"),
                List.of(CODES_HEADER, "63650,,7.15,010,", "63685,Generator,five,010,"));
        String message = failure(folder()).getMessage();
        for (String problem : List.of(
                "fee-schedule.csv:2 column cpt_code: cpt_code 6365 is not a procedure code",
                "fee-schedule.csv:2 column component: component is required and is blank",
                "fee-schedule.csv:2 column effective_from: effective_from is required and is blank",
                "codes.csv:2 column description: description is required and is blank",
                "codes.csv:3 column work_rvu: work_rvu five is not a number")) {
            assertTrue(message.contains(problem), () -> "should list " + problem + " in:\n" + message);
        }
    }

    @Test
    void aRowWithTooFewFieldsIsAProblem() {
        reference(List.of(FEE_HEADER, "MEDICARE,63650,FACILITY"), List.of(CODES_HEADER, GOOD_CODE));
        String message = failure(folder()).getMessage();
        assertTrue(message.contains(display() + "/fee-schedule.csv:2: row has 3 fields but the header has 7"), message);
    }

    @Test
    void aRepeatedKeyAndDateIsAProblemNamingTheFirstLine() {
        reference(List.of(FEE_HEADER, GOOD_FEE, "MEDICARE,63685,FACILITY,PROFESSIONAL,337.00,2024-01-01,test",
                        "medicare,63650,FACILITY,PROFESSIONAL,450.00,2024-01-01,contract"),
                List.of(CODES_HEADER, GOOD_CODE));
        String message = failure(folder()).getMessage();
        assertTrue(message.contains(display() + "/fee-schedule.csv:4 column effective_from: repeats the payer_type,"
                + " cpt_code, setting, component and effective_from of line 2; keep one expected_amount"), message);
        assertTrue(message.contains("1 problem(s)"), message);
    }

    @Test
    void aRepeatedCodeIsAProblemNamingTheFirstLine() {
        reference(List.of(FEE_HEADER, GOOD_FEE),
                List.of(CODES_HEADER, GOOD_CODE, "63685,Generator,5.19,010,", "63650,Leads again,,,"));
        String message = failure(folder()).getMessage();
        assertTrue(message.contains(display() + "/codes.csv:4 column cpt_code: cpt_code 63650 is already described"
                + " on line 2; keep one row"), message);
        assertTrue(message.contains("1 problem(s)"), message);
    }

    // ---- Missing folder, file or column -----------------------------------------------------------------------

    @Test
    void aMissingColumnStopsTheRunNamingFileAndColumn() {
        reference(List.of("payer_type,cpt_code,setting,component,effective_from", "MEDICARE,63650,FACILITY,PROFESSIONAL,"
                + "2024-01-01"), List.of(CODES_HEADER, GOOD_CODE));
        String message = failure(folder()).getMessage();
        assertTrue(message.contains(display()) && message.contains("fee-schedule.csv is missing required column:"
                + " expected_amount"), message);
    }

    @Test
    void aMissingColumnOfCodesCsvStopsTheRun() {
        reference(List.of(FEE_HEADER, GOOD_FEE), List.of("cpt_code,work_rvu", "63650,7.15"));
        String message = failure(folder()).getMessage();
        assertTrue(message.contains("codes.csv is missing required column: description"), message);
    }

    @Test
    void aMissingFeeScheduleStopsTheRun() {
        DataFolder.in(folder()).file("codes.csv", CODES_HEADER, GOOD_CODE);
        String message = failure(folder()).getMessage();
        assertTrue(message.contains(display() + "/fee-schedule.csv not found"), message);
    }

    @Test
    void aPracticeFolderMayHoldOnlyItsFeeSchedule() throws InputException {
        DataFolder.in(folder()).file("fee-schedule.csv", FEE_HEADER, GOOD_FEE);
        ReferenceData data = new ReferenceReader(ReadProgress.SILENT).read(folder());
        assertEquals(1, data.rates().size());
        assertEquals(List.of(), data.codes());
        assertFalse(data.files().get(1).present(), "codes.csv is listed as absent in run.json");
    }

    @Test
    void anUnknownColumnInAReferenceFileIsAWarningNamingTheFolder() throws InputException {
        DataFolder.in(folder()).file("fee-schedule.csv", FEE_HEADER + ",region", GOOD_FEE + ",east");
        ReferenceData data = new ReferenceReader(ReadProgress.SILENT).read(folder());
        assertEquals(1, data.warnings().size(), data.warnings().toString());
        assertTrue(data.warnings().get(0).startsWith("reference folder " + display() + ": "), data.warnings().toString());
        assertTrue(data.warnings().get(0).contains("region"), data.warnings().toString());
    }

    @Test
    void anEmptyFeeScheduleStopsTheRun() {
        reference(List.of(FEE_HEADER), List.of(CODES_HEADER)).text("fee-schedule.csv", "");
        String message = failure(folder()).getMessage();
        assertTrue(message.contains("fee-schedule.csv is empty"), message);
    }

    @Test
    void aMissingFolderStopsTheRunNamingIt() {
        Path missing = tmp.resolve("no-such-reference");
        String message = failure(missing).getMessage();
        assertTrue(message.contains(missing.toString().replace('\\', '/')) && message.contains("does not exist")
                && message.contains("--reference"), message);
    }

    @Test
    void aFileInsteadOfAFolderStopsTheRun() throws IOException {
        Path file = Files.writeString(tmp.resolve("fees.csv"), FEE_HEADER + "\n");
        String message = failure(file).getMessage();
        assertTrue(message.contains("is not a folder"), message);
    }
}
