package org.nmaudit.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A set of 128-bit fingerprints (the first half of a SHA-256) in one array of longs: what a writer
 * remembers of the claim ids and documentation rows it has seen in a batch, at 16 to 40 bytes each instead of
 * a String's hundred or more, so a ten-million-line import does not hold its ids in memory. Two different
 * values share a fingerprint with a probability of about n^2 / 2^129, nil for any data set.
 */
final class Fingerprints {
    private final MessageDigest sha256;
    private long[] slots = new long[2 * 1024];
    private int size;

    Fingerprints() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds the fingerprint of a text; true when it was not there. */
    boolean addText(String text) {
        byte[] d = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
        return add(longAt(d, 0), longAt(d, 8));
    }

    /** Adds a SHA-256 written in hex (a row key); true when it was not there. */
    boolean addHex(String sha256Hex) {
        return add(Long.parseUnsignedLong(sha256Hex, 0, 16, 16), Long.parseUnsignedLong(sha256Hex, 16, 32, 16));
    }

    int size() {
        return size;
    }

    private boolean add(long high, long low) {
        if (high == 0 && low == 0) {
            low = 1; // 0/0 marks an empty slot
        }
        if ((size + 1) * 10L > (slots.length / 2) * 6L) {
            grow();
        }
        if (!insert(slots, high, low)) {
            return false;
        }
        size++;
        return true;
    }

    /** Open addressing with linear probing over pairs; false when the pair is there already. */
    private static boolean insert(long[] table, long high, long low) {
        int pairs = table.length / 2;
        int i = (int) ((high ^ (high >>> 29) ^ low) & (pairs - 1));
        while (true) {
            long h = table[2 * i];
            long l = table[2 * i + 1];
            if (h == 0 && l == 0) {
                table[2 * i] = high;
                table[2 * i + 1] = low;
                return true;
            }
            if (h == high && l == low) {
                return false;
            }
            i = (i + 1) & (pairs - 1);
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != 0 || slots[i + 1] != 0) {
                insert(bigger, slots[i], slots[i + 1]);
            }
        }
        slots = bigger;
    }

    private static long longAt(byte[] bytes, int offset) {
        long v = 0;
        for (int i = offset; i < offset + 8; i++) {
            v = (v << 8) | (bytes[i] & 0xff);
        }
        return v;
    }
}
