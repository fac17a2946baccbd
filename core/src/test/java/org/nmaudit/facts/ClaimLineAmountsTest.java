package org.nmaudit.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.testing.ClaimLineBuilder;

/**
 * A claim line holds its amounts as a long and a scale (or whole, when they are too long): what it gives back
 * must be the amount it was given, the same value and the same scale, so findings print it as it was read.
 */
class ClaimLineAmountsTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "120.50", "-3.1", "1E+3", "1.000", "0.000001", "999999999999999999",
        "-999999999999999999", "9999999999999999.99", "1000000000000000000", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890.12"})
    void anAmountComesBackWithItsValueAndScale(String text) {
        BigDecimal amount = new BigDecimal(text);
        ClaimLine line = ClaimLineBuilder.claim("C1").on("2025-03-04").cpt("63650").billed(text).paid(text).build();
        assertSameAmount(amount, line.getBilledAmount());
        assertSameAmount(amount, line.getPaidAmount());
        assertSameAmount(amount, line.getAmountAtRisk());
        assertEquals(amount.toPlainString(), line.evidence().get("billed_amount"));
        assertEquals(amount.toPlainString(), line.evidence().get("paid_amount"));
    }

    @Test
    void scalesThatLookLikeTheMarkersAreKeptWhole() {
        // Integer.MIN_VALUE and MIN_VALUE + 1 mark "no amount" and "kept whole"; an amount with such a scale must
        // still come back as itself (BigDecimal allows them; no CSV value has them)
        for (int scale : new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE}) {
            BigDecimal amount = new BigDecimal(BigInteger.valueOf(12345), scale);
            ClaimLine line = withAmounts(amount, amount);
            assertSameAmount(amount, line.getBilledAmount());
            assertSameAmount(amount, line.getPaidAmount());
        }
    }

    @Test
    void noAmountIsNull() {
        ClaimLine line = withAmounts(null, null);
        assertNull(line.getBilledAmount());
        assertNull(line.getPaidAmount());
        assertNull(line.getAmountAtRisk());
        ClaimLine unpaid = withAmounts(new BigDecimal("250.00"), null);
        assertSameAmount(new BigDecimal("250.00"), unpaid.getAmountAtRisk());
    }

    @Test
    void randomAmountsComeBackAsThemselves() {
        Random random = new Random(20251);
        for (int i = 0; i < 20_000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(100), random);
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            BigDecimal billed = new BigDecimal(unscaled, random.nextInt(40) - 10);
            BigDecimal paid = random.nextInt(5) == 0 ? null : new BigDecimal(unscaled.shiftRight(random.nextInt(100)), random.nextInt(6));
            ClaimLine line = withAmounts(billed, paid);
            assertSameAmount(billed, line.getBilledAmount());
            if (paid == null) {
                assertNull(line.getPaidAmount());
            } else {
                assertSameAmount(paid, line.getPaidAmount());
            }
        }
    }

    private static ClaimLine withAmounts(BigDecimal billed, BigDecimal paid) {
        ClaimLine template = ClaimLineBuilder.claim("C1").on("2025-03-04").cpt("63650").build();
        return new ClaimLine(template.getClaimId(), template.getLineNumber(), template.getPatientId(),
                template.getPayerType(), template.getRenderingNpi(), template.getServiceDate(), template.getCptCode(),
                template.getModifiers(), template.getUnits(), template.getDiagnosisCodes(), template.getPlaceOfService(),
                template.getBillType(), template.getPriorAuthNumber(), billed, paid, template.getSourceLine());
    }

    private static void assertSameAmount(BigDecimal expected, BigDecimal actual) {
        assertEquals(expected.unscaledValue(), actual.unscaledValue(), "unscaled value of " + expected);
        assertEquals(expected.scale(), actual.scale(), "scale of " + expected);
    }
}
