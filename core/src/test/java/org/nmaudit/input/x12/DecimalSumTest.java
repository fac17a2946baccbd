package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The claim total check's sum gives what adding BigDecimals gave: the same value, scale and refusals. */
class DecimalSumTest {

    /** The sum as the check made it before: BigDecimal.ZERO plus X12Values.decimal of each, null at a non-decimal. */
    private static BigDecimal bigSum(List<String> texts) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String t : texts) {
            BigDecimal v = X12Values.decimal(t);
            if (v == null) {
                return null;
            }
            sum = sum.add(v);
        }
        return sum;
    }

    private static DecimalSum sum(List<String> texts) {
        DecimalSum sum = new DecimalSum();
        for (String t : texts) {
            if (!sum.add(t)) {
                return null;
            }
        }
        return sum;
    }

    private static void same(String... texts) {
        BigDecimal expected = bigSum(List.of(texts));
        DecimalSum actual = sum(List.of(texts));
        if (expected == null) {
            assertEquals(null, actual, List.of(texts).toString());
            return;
        }
        assertEquals(expected.toPlainString(), actual.value().toPlainString(), List.of(texts).toString());
        assertEquals(expected.scale(), actual.value().scale());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "-.", "5.", "1..2", "1.2.3", "+5", " 5", "5 ", "1,000.00", "$5", "1e3", "١٢",
        "１２", "12é"})
    void refusesWhatX12ValuesRefuses(String text) {
        assertEquals(null, X12Values.decimal(text));
        assertFalse(new DecimalSum().add(text));
    }

    @Test
    void addsLikeBigDecimal() {
        same("0");
        same("234.00", "12.5", ".5", "-.25", "-0.00", "7");
        same("100", "0.001", "99.9999");
        same("-12.50", "12.50");
        same("0001.10", "0.90");
    }

    @Test
    void aNonDecimalStopsTheSum() {
        assertEquals(null, sum(List.of("12.00", "twelve", "3.00")));
    }

    @Test
    void valuesTooLargeForALongStayExact() {
        same("999999999999999999", "999999999999999999");
        same("9223372036854775807", "1");
        same("123456789012345678901234567890.123", "0.877");
        same("0.000000000000000001", "900000000000000000");
        same("-999999999999999999", "-999999999999999999", "0.5");
    }

    @Test
    void comparesValuesWhateverTheirScales() {
        assertTrue(sum(List.of("100.00")).sameValue(sum(List.of("60", "40.0"))));
        assertFalse(sum(List.of("100.00")).sameValue(sum(List.of("60", "40.01"))));
        assertTrue(sum(List.of("0.000000000000000001")).sameValue(sum(List.of(".000000000000000001"))));
        assertTrue(sum(List.of("999999999999999999")).sameValue(sum(List.of("999999999999999999.00000000"))));
        assertTrue(sum(List.of("99999999999999999999")).sameValue(sum(List.of("99999999999999999999.0"))));
        assertFalse(sum(List.of("-1")).sameValue(sum(List.of("1"))));
    }
}
