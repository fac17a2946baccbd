package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact key index answers exactly as a map of "claim_id|line_number" to source line would. */
class ClaimKeyIndexTest {
    @Test
    void agreesWithAHashMapOnManyKeysWithRepeats() {
        ClaimKeyIndex index = new ClaimKeyIndex();
        Map<String, Long> reference = new HashMap<>();
        Random random = new Random(42);
        for (long line = 2; line < 300_000; line++) {
            String claim = "C" + random.nextInt(60_000) + (random.nextInt(50) == 0 ? "-é\u0000" : "");
            int number = 1 + random.nextInt(4);
            long expected = reference.getOrDefault(claim + "|" + number, 0L);
            assertEquals(expected, index.sourceLineOf(claim, number), claim + " line " + number);
            if (expected == 0) {
                index.add(claim, number, line);
                reference.put(claim + "|" + number, line);
            }
        }
        assertEquals(reference.size(), index.size());
    }

    @Test
    void claimIdsThatDifferOnlyInTheirLineNumbersOrBytesAreDifferentKeys() {
        ClaimKeyIndex index = new ClaimKeyIndex();
        index.add("C1", 1, 2);
        assertEquals(0, index.sourceLineOf("C1", 2));
        assertEquals(0, index.sourceLineOf("C11", 1));
        assertEquals(0, index.sourceLineOf("c1", 1));
        assertEquals(2, index.sourceLineOf("C1", 1));
        index.add("x".repeat(2_000_000), 1, 5_000_000_000L);
        assertEquals(5_000_000_000L, index.sourceLineOf("x".repeat(2_000_000), 1), "a key longer than an arena chunk");
    }
}
