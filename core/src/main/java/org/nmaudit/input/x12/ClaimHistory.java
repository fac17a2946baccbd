package org.nmaudit.input.x12;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replacement (CLM05-3 = 7) and void (8) claims across the files of a data set (x12-input.md,
 * "Replacement and void claims"). A claim is placed by its position: the file's rank in the reading
 * order (ISA09, ISA10, then name) and the claim's ordinal in the file. The first replacement or void
 * with the same CLM01 after a claim decides its fate. Only the 7 and 8 claims are kept, so memory
 * grows with the corrections, not with the batch.
 */
final class ClaimHistory {
    enum Fate {
        LOADED,
        REPLACED,
        VOIDED
    }

    private final Map<String, List<long[]>> changes = new HashMap<>();

    static long position(int fileRank, int claimOrdinal) {
        return ((long) fileRank << 32) | claimOrdinal;
    }

    /** Notes a claim of the first pass, in reading order; only replacements and voids are kept. */
    void read(String claimId, long position, char frequency) {
        if (frequency == '7' || frequency == '8') {
            changes.computeIfAbsent(claimId, k -> new ArrayList<>()).add(new long[] {position, frequency});
        }
    }

    /** Whether a replacement or void with this CLM01 was read. */
    boolean corrected(String claimId) {
        return changes.containsKey(claimId);
    }

    /** What becomes of the lines of the claim at {@code position}: loaded, or replaced or voided by a later claim. */
    Fate fate(String claimId, long position, char frequency) {
        if (frequency == '8') {
            return Fate.VOIDED;
        }
        List<long[]> later = changes.get(claimId);
        if (later != null) {
            for (long[] change : later) {
                if (change[0] > position) {
                    return change[1] == '7' ? Fate.REPLACED : Fate.VOIDED;
                }
            }
        }
        return Fate.LOADED;
    }
}
