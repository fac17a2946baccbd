package org.nmaudit.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a documentation row: the SHA-256 of its loaded values, each written with its length so
 * that no two different rows give the same text. Two rows are identical when the reader loaded the same
 * values from them (same patient, date and every other column of data-format.md after trimming and the
 * reader's normalisation, e.g. {@code yes} and {@code Y}, {@code 40} and {@code 40.0}); where a row was read
 * (its source line) and when it was stored do not count.
 */
final class RowKey {
    private final StringBuilder text = new StringBuilder(128);

    RowKey add(Object value) {
        if (value == null) {
            text.append('-');
        } else {
            String s = value.toString();
            text.append('+').append(s.length()).append(':').append(s);
        }
        return this;
    }

    String hex() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
