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

    /**
     * add reuses the probe of the lookup just before it; rows looked up and not added (rejected), adds without
     * a lookup and adds of a key looked up before another add must still land in the right slots.
     */
    @Test
    void addsInAnyOrderOfLookupsAgreeWithAHashMap() {
        ClaimKeyIndex index = new ClaimKeyIndex();
        Map<String, Long> reference = new HashMap<>();
        Random random = new Random(7);
        String pendingClaim = null;
        int pendingNumber = 0;
        for (long line = 2; line < 200_000; line++) {
            String claim = "C" + random.nextInt(40_000);
            int number = 1 + random.nextInt(3);
            String key = claim + "|" + number;
            assertEquals(reference.getOrDefault(key, 0L), index.sourceLineOf(claim, number), key);
            switch (random.nextInt(4)) {
                case 0 -> { } // rejected for another problem: looked up, not added
                case 1 -> { // added later, after other lookups and adds
                    if (!reference.containsKey(key) && pendingClaim == null) {
                        pendingClaim = claim;
                        pendingNumber = number;
                    }
                }
                default -> {
                    if (!reference.containsKey(key)) {
                        index.add(new String(claim), number, line); // an equal string, not the one looked up
                        reference.put(key, line);
                    }
                }
            }
            if (pendingClaim != null && random.nextInt(5) == 0) {
                String pendingKey = pendingClaim + "|" + pendingNumber;
                if (!reference.containsKey(pendingKey)) {
                    index.add(pendingClaim, pendingNumber, line);
                    reference.put(pendingKey, line);
                }
                pendingClaim = null;
            }
        }
        for (Map.Entry<String, Long> e : reference.entrySet()) {
            String[] key = e.getKey().split("\\|");
            assertEquals(e.getValue(), index.sourceLineOf(key[0], Integer.parseInt(key[1])), e.getKey());
        }
        assertEquals(reference.size(), index.size());
    }
}
