package org.nmaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
    @Test
    void remembersEachTextOnceThroughGrowth() {
        Fingerprints seen = new Fingerprints();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.addText("C" + i), "C" + i);
        }
        for (int i = 0; i < 100_000; i++) {
            assertFalse(seen.addText("C" + i), "C" + i);
        }
        assertEquals(100_000, seen.size());
        assertTrue(seen.addText(""));
        assertFalse(seen.addText(""));
    }

    @Test
    void hexKeysIncludingTheAllZeroOne() {
        Fingerprints seen = new Fingerprints();
        String zero = "0".repeat(64);
        String one = "0".repeat(31) + "1" + "f".repeat(32);
        assertTrue(seen.addHex(zero));
        assertFalse(seen.addHex(zero));
        // 0/0 is stored as 0/1: a key whose first half is 0/1 is the same fingerprint (one in 2^128).
        assertFalse(seen.addHex(one));
        assertTrue(seen.addHex("ff".repeat(32)));
        assertEquals(2, seen.size());
    }
}
