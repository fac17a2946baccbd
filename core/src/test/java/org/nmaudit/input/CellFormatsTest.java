package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.facts.PayerType;
import org.nmaudit.facts.PerformedBy;

/**
 * The cell formats of data-format.md, one by one. CellFormats takes a trimmed, non-blank cell (the
 * reader trims and handles blanks), so blank and padding cases are in {@link ClaimsFileTest}.
 */
class CellFormatsTest {

    // ---- line_number: integer >= 1, digits only ----------------------------------------------------

    @ParameterizedTest
    @CsvSource({"1, 1", "3, 3", "03, 3", "12, 12", "007, 7"})
    void lineNumberAcceptsDigits(String cell, int expected) throws InvalidCell {
        assertEquals(expected, CellFormats.lineNumber(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "00", "+3", "3.0", "-1", "3a", "three", "1e2", "99999999999999999999"})
    void lineNumberRejects(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.lineNumber(cell));
    }

    // ---- rendering_npi: 10 digits, Luhn over 80840 + the 9 leading digits --------------------------

    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1245319599", "1982765434"})
    void npiAcceptsValidCheckDigit(String cell) throws InvalidCell {
        assertEquals(cell, CellFormats.npi(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "1234567891", "1234567894", "1245319590"})
    void npiRejectsWrongCheckDigit(String cell) {
        InvalidCell e = assertThrows(InvalidCell.class, () -> CellFormats.npi(cell));
        assertContains(e.getMessage(), "check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678931", "123456789A", "12345-7893", "+234567893"})
    void npiRejectsNotTenDigits(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.npi(cell));
    }

    // ---- dates: ISO yyyy-MM-dd that must exist ----------------------------------------------------

    @ParameterizedTest
    @CsvSource({"2024-02-29, 2024-02-29", "2025-01-01, 2025-01-01", "2025-12-31, 2025-12-31"})
    void dateAcceptsRealIsoDates(String cell, String expected) throws InvalidCell {
        assertEquals(LocalDate.parse(expected), CellFormats.date(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2025-02-29", "2025-2-3", "20250203", "2025-13-01", "2025-04-31",
        "03/14/2025", "2025/03/14", "2025-03-14T10:00", "25-03-14"})
    void dateRejects(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.date(cell));
    }

    /**
     * The date reader is written by hand for speed; this is what it replaced, the definition of the format:
     * four, two and two ASCII digits, then the strict ISO calendar. Both must give the same date, or fail
     * with the same reason, on every cell.
     */
    @Test
    void dateReadsAsTheRegexAndTheStrictIsoFormatterDo() {
        Pattern shape = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
        DateTimeFormatter strict = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
        List<String> cells = new ArrayList<>(List.of("0000-01-01", "9999-12-31", "2024-02-29", "2100-02-29",
                "2000-02-29", "2025-00-10", "2025-01-00", "2025-06-31", "2025-06-30", "\u0662\u0660\u0662\u0665-01-01",
                "2025-01-1a", "+025-01-01", "2025-01-01 ", "2025\u201401-01", "-2025-01-01", "2025-1-01", "20250-01-01",
                "2025-01-001", "2025--01-01", ""));
        Random random = new Random(20251);
        for (int k = 0; k < 100_000; k++) {
            char[] c = String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(20),
                    random.nextInt(40)).toCharArray();
            if (random.nextInt(4) == 0) {
                c[random.nextInt(c.length)] = "0123456789-/ x".charAt(random.nextInt(14));
            }
            cells.add(new String(c));
        }
        for (String cell : cells) {
            String expected;
            if (!shape.matcher(cell).matches()) {
                expected = "shape";
            } else {
                try {
                    expected = LocalDate.parse(cell, strict).toString();
                } catch (DateTimeParseException e) {
                    expected = "calendar";
                }
            }
            String got;
            try {
                got = CellFormats.date(cell).toString();
            } catch (InvalidCell e) {
                got = e.getMessage().contains("real calendar date") ? "calendar" : "shape";
            }
            assertEquals(expected, got, cell);
        }
    }

    // ---- cpt_code: upper-cased, then 5 digits, 4 digits + T/F/U, or a letter + 4 digits ----------

    @ParameterizedTest
    @CsvSource({"63650, 63650", "l8680, L8680", "L8680, L8680", "0587T, 0587T", "0587t, 0587T", "1234F, 1234F",
        "0001U, 0001U", "c1767, C1767"})
    void cptAcceptsAndUpperCases(String cell, String expected) throws InvalidCell {
        assertEquals(expected, CellFormats.cpt(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9597", "636500", "ABCDE", "0587X", "L868", "LL868", "6365O", "63 50"})
    void cptRejects(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.cpt(cell));
    }

    // ---- modifiers: up to 4 of exactly two letters/digits, ;-separated, upper-cased -------------------

    @Test
    void modifiersAreUpperCasedAndEmptyItemsDropped() throws InvalidCell {
        assertEquals(List.of("59", "XU"), CellFormats.modifiers("59;xu"));
        assertEquals(List.of("59", "XU"), CellFormats.modifiers("59;;XU ;"));
        assertEquals(List.of("26", "59", "XU", "KX"), CellFormats.modifiers("26; 59 ;xu;Kx"));
        // four modifiers once the empty items are dropped
        assertEquals(List.of("59", "XU", "26", "KX"), CellFormats.modifiers(";59;;XU;;26;KX;"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "59;A", "59;XU;26;KX;76", "5", "59,XU", "X-"})
    void modifiersRejects(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.modifiers(cell));
    }

    // ---- units: number > 0 -------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "1.5, 1.5", "10, 10"})
    void unitsAcceptsPositiveNumbers(String cell, String expected) throws InvalidCell {
        assertEquals(0, new BigDecimal(expected).compareTo(CellFormats.units(cell)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-1", "abc", "1,5"})
    void unitsRejects(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.units(cell));
    }

    // ---- diagnosis_codes: upper-cased, dotted after the third character --------------------------

    @Test
    void diagnosisCodesAreNormalisedToTheDottedForm() {
        assertEquals(List.of("M96.1"), CellFormats.diagnosisCodes("M961"));
        assertEquals(List.of("M96.1"), CellFormats.diagnosisCodes("m96.1"));
        assertEquals(List.of("M96.1"), CellFormats.diagnosisCodes("M96.1"));
        assertEquals(List.of("G89.4", "M96.1"), CellFormats.diagnosisCodes("G89.4;M961"));
        assertEquals(List.of("Z45.42"), CellFormats.diagnosisCodes("Z4542"));
        assertEquals(List.of("G89"), CellFormats.diagnosisCodes("G89"));
        assertEquals(List.of("M62.85", "G90.50"), CellFormats.diagnosisCodes(" m6285 ;; g9050 ;"));
    }

    // ---- place_of_service: 2 digits ------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"11", "19", "21", "22", "24"})
    void placeOfServiceAcceptsTwoDigits(String cell) throws InvalidCell {
        assertEquals(cell, CellFormats.placeOfService(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "111", "1A", "OF"})
    void placeOfServiceRejects(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.placeOfService(cell));
    }

    // ---- bill_type: 3 digits, or 4 digits whose leading 0 is dropped --------------------------------

    @ParameterizedTest
    @CsvSource({"131, 131", "0131, 131", "831, 831", "0831, 831"})
    void billTypeAccepts(String cell, String expected) throws InvalidCell {
        assertEquals(expected, CellFormats.billType(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1310", "13", "01310", "13A"})
    void billTypeRejects(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.billType(cell));
    }

    // ---- amounts: US dollars, leading $ and -, thousands in groups of three ---------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"$29,617.00|29617.00", "407|407", "-12.50|-12.50", "1,234,567.89|1234567.89",
        "$407.00|407.00", "0|0", "999|999", "1,000|1000", "-$12.50|-12.50"})
    void amountAccepts(String cell, String expected) throws InvalidCell {
        BigDecimal got = CellFormats.amount(cell);
        assertEquals(0, new BigDecimal(expected).compareTo(got), cell + " -> " + got);
    }

    /** The plain form skips the regex: it must give exactly what the general form gives, scale included. */
    @ParameterizedTest
    @ValueSource(strings = {"234.00", "-12.50", "0", "-0.00", "007.10", "12345678901234567890.123", "5.0000"})
    void aPlainDecimalParsesAsTheGeneralFormDoes(String cell) throws InvalidCell {
        assertTrue(CellFormats.isPlainDecimal(cell), cell);
        BigDecimal general = new BigDecimal(cell.replace("-", ""));
        general = cell.startsWith("-") ? general.negate() : general;
        BigDecimal got = CellFormats.amount(cell);
        assertEquals(general, got, cell + ": value and scale");
        assertEquals(general.scale(), got.scale(), cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".5", "5.", "1,000", "$5", "--5", "5-", "1.2.3", "\u0665", "+5", "5e3", " 5"})
    void otherFormsAreNotPlainDecimals(String cell) {
        assertFalse(CellFormats.isPlainDecimal(cell), cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$1,23", "12,34", "abc", "1,2345", "1234,567", ",123", "1,234,56", "12.", "$", "-",
        "1.2.3", "12 34", "USD 12"})
    void amountRejects(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.amount(cell));
    }

    /**
     * The general amount form is read by hand for speed; this regex is its definition. On structured and on
     * random cells both must accept the same ones and give the same value, scale included.
     */
    @Test
    void amountReadsAsTheRegexOfTheFormatDoes() {
        Pattern amount = Pattern.compile("(-\\$?|\\$-?)?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
        List<String> cells = new ArrayList<>(List.of("$106,273.00", "-$1,000", "$-1,000.5", "$", "-", "$-", "-$",
                "$$1", "--1", "1,000,", ",000", "1,00", "1,0000", "1234,567", "12,345,678.9", "1.", ".5", "1.2.3",
                "1,234.", "$1,234.56", "-0", "$0.00", "1,234,567,890,123,456,789.01"));
        Random random = new Random(20251);
        String alphabet = "0123456789$,-.";
        for (int k = 0; k < 300_000; k++) {
            StringBuilder cell = new StringBuilder();
            if (k % 2 == 0) {
                cell.append(List.of("", "-", "$", "-$", "$-").get(random.nextInt(5)));
                cell.append(1 + random.nextInt(999));
                for (int g = random.nextInt(4); g > 0; g--) {
                    cell.append(',').append(String.format("%03d", random.nextInt(1000)));
                }
                if (random.nextBoolean()) {
                    cell.append('.').append(random.nextInt(100));
                }
                if (random.nextInt(3) == 0) {
                    cell.setCharAt(random.nextInt(cell.length()), alphabet.charAt(random.nextInt(alphabet.length())));
                }
            } else {
                for (int n = 1 + random.nextInt(10); n > 0; n--) {
                    cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            cells.add(cell.toString());
        }
        for (String cell : cells) {
            BigDecimal expected = null;
            if (amount.matcher(cell).matches()) {
                expected = new BigDecimal(cell.replace("$", "").replace(",", "").replace("-", ""));
                expected = cell.indexOf('-') >= 0 ? expected.negate() : expected;
            }
            BigDecimal got;
            try {
                got = CellFormats.amount(cell);
            } catch (InvalidCell e) {
                got = null;
            }
            assertEquals(expected, got, cell); // BigDecimal.equals: value and scale
        }
    }

    // ---- percents (trial outcomes): 0 to 100 ---------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0, 0", "100, 100", "49.9, 49.9", "50, 50", "100.0, 100"})
    void percentAccepts(String cell, double expected) throws InvalidCell {
        assertEquals(expected, CellFormats.percent(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.1", "-1", "101", "50%", "fifty"})
    void percentRejects(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.percent(cell));
    }

    // ---- functional_improvement: Y/N, yes/no, true/false in any case ----------------------------------

    @ParameterizedTest
    @CsvSource({"Y, true", "y, true", "yes, true", "YES, true", "true, true", "True, true",
        "N, false", "n, false", "no, false", "No, false", "false, false", "False, false"})
    void yesNoAccepts(String cell, boolean expected) throws InvalidCell {
        assertEquals(expected, CellFormats.yesNo(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "1", "0", "T", "F", "unknown"})
    void yesNoRejects(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.yesNo(cell));
    }

    // ---- enumerations: case-insensitive ---------------------------------------------------------------

    @Test
    void payerTypeIsCaseInsensitive() throws InvalidCell {
        assertEquals(PayerType.MEDICARE, CellFormats.oneOf(PayerType.class, "medicare"));
        assertEquals(PayerType.MEDICARE_ADVANTAGE, CellFormats.oneOf(PayerType.class, "Medicare_Advantage"));
        assertEquals(PayerType.MEDICAID, CellFormats.oneOf(PayerType.class, "MEDICAID"));
        assertEquals(PayerType.COMMERCIAL, CellFormats.oneOf(PayerType.class, "Commercial"));
        assertEquals(PayerType.OTHER, CellFormats.oneOf(PayerType.class, "other"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELF_PAY", "MEDICARE ADVANTAGE", "MA", "TRICARE"})
    void payerTypeRejectsUnknown(String cell) {
        InvalidCell e = assertThrows(InvalidCell.class, () -> CellFormats.oneOf(PayerType.class, cell));
        assertNotNull(e.getMessage());
    }

    @Test
    void performedByIsCaseInsensitive() throws InvalidCell {
        assertEquals(PerformedBy.PHYSICIAN, CellFormats.oneOf(PerformedBy.class, "physician"));
        assertEquals(PerformedBy.QHP, CellFormats.oneOf(PerformedBy.class, "QHP"));
        assertEquals(PerformedBy.MANUFACTURER_REP, CellFormats.oneOf(PerformedBy.class, "MANUFACTURER_REP"));
        assertEquals(PerformedBy.MANUFACTURER_REP, CellFormats.oneOf(PerformedBy.class, "manufacturer_rep"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rep", "NP", "manufacturer rep", "DOCTOR"})
    void performedByRejectsOthers(String cell) {
        assertThrows(InvalidCell.class, () -> CellFormats.oneOf(PerformedBy.class, cell));
    }

    private static void assertContains(String text, String part) {
        org.junit.jupiter.api.Assertions.assertTrue(text.contains(part), () -> "'" + text + "' should contain '"
                + part + "'");
    }
}
