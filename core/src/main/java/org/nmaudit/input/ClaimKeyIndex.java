package org.nmaudit.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code (claim_id, line_number)} keys of the loaded claim lines, each with the physical line it was
 * loaded from, so a later row with the same key is rejected (data-format.md: the first loaded row wins).
 *
 * <p>A data set of ten million lines must be checked in a small heap, and a {@code HashMap<String, Long>}
 * costs about 120 bytes a key. Here a key costs about 30: an open-addressing table of longs (hash and position)
 * pointing into byte arenas that hold the claim id's UTF-8 bytes, the line number and the source line.
 * The check is exact: equal hashes are confirmed byte by byte.
 */
final class ClaimKeyIndex {
    private static final int OFFSET_BITS = 20;
    private static final int CHUNK = 1 << OFFSET_BITS;
    /**
     * The first arena's size; each next one doubles up to {@link #CHUNK}. A request of nmaudit serve validates a
     * few lines with an index of its own: a megabyte (zeroed) per request was a fifth of a scrub's time.
     */
    private static final int FIRST_CHUNK = 1 << 10;
    /** A position (arena index and offset) + 1 takes the low 32 bits of a slot. */
    private static final int MAX_CHUNKS = (1 << (32 - OFFSET_BITS)) - 1;
    private static final int FIRST_SLOTS = 1 << 6;
    private static final double LOAD = 0.6;

    /**
     * One long per slot: the key's hash in the high 32 bits, its entry's arena position + 1 in the low 32 (0: an
     * empty slot). One array rather than one of hashes and one of positions: a probe reads one cache line, not
     * two, and at 10M lines the table takes 268 MB instead of 402.
     */
    private long[] slots = new long[FIRST_SLOTS];
    private int size;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk;
    private int used;
    /**
     * The last key {@link #sourceLineOf} found new, its hash and the empty slot where the probe ended: a loaded
     * row is looked up and then added, and the add reuses them instead of hashing and probing again (the table
     * is not changed in between: only add changes it).
     */
    private String missedId;
    private int missedLineNumber;
    private int missedHash;
    private int missedSlot;

    /**
     * Registers the key of a loaded row.
     *
     * @return 0 when the key is new (and now registered), else the source line of the row that holds it
     */
    long sourceLineOf(String claimId, int lineNumber) {
        int hash = hash(claimId, lineNumber);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                missedId = claimId;
                missedLineNumber = lineNumber;
                missedHash = hash;
                missedSlot = slot;
                return 0;
            }
            if ((int) (entry >>> 32) == hash && matches(position(entry), claimId, lineNumber)) {
                return sourceLine(position(entry));
            }
        }
    }

    /** Registers a key known to be new ({@link #sourceLineOf} returned 0). */
    void add(String claimId, int lineNumber, long sourceLine) {
        boolean lookedUp = claimId == missedId && lineNumber == missedLineNumber;
        missedId = null;
        int hash = lookedUp ? missedHash : hash(claimId, lineNumber);
        long entry = ((long) hash << 32) | (append(claimId, lineNumber, sourceLine) + 1);
        if (size + 1 > slots.length * LOAD) {
            grow();
            insert(hash, entry);
        } else if (lookedUp) {
            slots[missedSlot] = entry;
        } else {
            insert(hash, entry);
        }
        size++;
    }

    int size() {
        return size;
    }

    private static long position(long entry) {
        return (entry & 0xFFFFFFFFL) - 1;
    }

    private void insert(int hash, long entry) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long entry : old) {
            if (entry != 0) {
                insert((int) (entry >>> 32), entry);
            }
        }
    }

    /**
     * Entry layout: int line number, long source line, int id length, id bytes (UTF-8). An entry starts below
     * {@link #CHUNK} in its arena: a larger arena is made only for a single id longer than a chunk.
     */
    private long append(String claimId, int lineNumber, long sourceLine) {
        byte[] id = isAscii(claimId) ? null : claimId.getBytes(StandardCharsets.UTF_8);
        int idLength = id == null ? claimId.length() : id.length;
        int length = 16 + idLength;
        if (chunk == null || used + length > chunk.length) {
            if (chunks.size() == MAX_CHUNKS) {
                throw new IllegalStateException("more claim lines than the (claim_id, line_number) check can hold");
            }
            int next = chunk == null ? FIRST_CHUNK : (int) Math.min(CHUNK, chunk.length * 2L);
            chunk = new byte[Math.max(next, length)];
            chunks.add(chunk);
            used = 0;
        }
        long position = ((long) (chunks.size() - 1) << OFFSET_BITS) | used;
        putInt(chunk, used, lineNumber);
        putLong(chunk, used + 4, sourceLine);
        putInt(chunk, used + 12, idLength);
        if (id == null) {
            for (int i = 0; i < idLength; i++) {
                chunk[used + 16 + i] = (byte) claimId.charAt(i);
            }
        } else {
            System.arraycopy(id, 0, chunk, used + 16, idLength);
        }
        used += length;
        return position;
    }

    private boolean matches(long position, String claimId, int lineNumber) {
        byte[] c = chunks.get((int) (position >>> OFFSET_BITS));
        int at = (int) (position & (CHUNK - 1));
        if (getInt(c, at) != lineNumber) {
            return false;
        }
        if (!isAscii(claimId)) {
            return matchesBytes(c, at, claimId.getBytes(StandardCharsets.UTF_8));
        }
        // an ASCII id's UTF-8 bytes are its chars
        int length = claimId.length();
        if (getInt(c, at + 12) != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (c[at + 16 + i] != (byte) claimId.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesBytes(byte[] c, int at, byte[] id) {
        if (getInt(c, at + 12) != id.length) {
            return false;
        }
        for (int i = 0; i < id.length; i++) {
            if (c[at + 16 + i] != id[i]) {
                return false;
            }
        }
        return true;
    }

    private long sourceLine(long position) {
        byte[] c = chunks.get((int) (position >>> OFFSET_BITS));
        int at = (int) (position & (CHUNK - 1)) + 4;
        return ((long) getInt(c, at) << 32) | (getInt(c, at + 4) & 0xFFFFFFFFL);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Over the id's chars (not its bytes: no array to encode for the lookup), then the line number. */
    private static int hash(String id, int lineNumber) {
        int h = 0x9E3779B9;
        for (int i = 0; i < id.length(); i++) {
            h = 31 * h + id.charAt(i);
        }
        h ^= lineNumber * 0x85EBCA6B;
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        return h;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }

    private static int getInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
