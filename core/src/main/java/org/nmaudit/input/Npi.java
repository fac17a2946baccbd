package org.nmaudit.input;

/**
 * The National Provider Identifier check digit: Luhn over the 9 leading digits prefixed with the
 * card-issuer constant 80840, as CMS defines it. The generator uses the same code to mint valid NPIs.
 */
public final class Npi {
    private static final String ISSUER_PREFIX = "80840";

    private Npi() {
    }

    /** True for exactly 10 ASCII digits whose last digit is the check digit of the first nine. */
    public static boolean isValid(String npi) {
        if (npi == null || npi.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = npi.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The check digit for nine leading digits. */
    public static int checkDigit(String nineDigits) {
        if (nineDigits.length() != 9) {
            throw new IllegalArgumentException("an NPI has 9 leading digits, got " + nineDigits.length());
        }
        String payload = ISSUER_PREFIX + nineDigits;
        int sum = 0;
        // Luhn: double every second digit counting leftwards from the digit next to the (absent) check digit.
        for (int i = payload.length() - 1, position = 0; i >= 0; i--, position++) {
            int d = payload.charAt(i) - '0';
            if (position % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /** Nine leading digits plus their check digit. */
    public static String withCheckDigit(String nineDigits) {
        return nineDigits + checkDigit(nineDigits);
    }
}
