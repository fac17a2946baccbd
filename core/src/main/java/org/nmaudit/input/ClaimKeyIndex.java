package org.nmaudit.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code (claim_id, line_number)} keys of the loaded claim lines, each with the physical line it was
 * loaded from, so a later row with the same key is rejected (data-format.md: the first loaded row wins).
 *
 * <p>A data set of ten million lines must be checked in a small heap, and a {@code HashMap<String, Long>}
 * costs about 120 bytes a key. Here a key costs about 30: an open-addressing table of ints and longs
 * pointing into byte arenas that hold the claim id's UTF-8 bytes, the line number and the source line.
 * The check is exact: equal hashes are confirmed byte by byte.
 */
final class ClaimKeyIndex {
    private static final int CHUNK = 1 << 20;
    /**
     * The first arena's size; each next one doubles up to {@link #CHUNK}. A request of nmaudit serve validates a
     * few lines with an index of its own: a megabyte (zeroed) per request was a fifth of a scrub's time.
     */
    private static final int FIRST_CHUNK = 1 << 10;
    private static final int FIRST_SLOTS = 1 << 6;
    private static final double LOAD = 0.6;

    /** Arena position + 1 of each slot's entry; 0 marks an empty slot. */
    private long[] entries = new long[FIRST_SLOTS];
    private int[] hashes = new int[FIRST_SLOTS];
    private int size;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk;
    private int used;
    /**
     * The last key {@link #sourceLineOf} found new, its bytes, hash and the empty slot where the probe ended:
     * a loaded row is looked up and then added, and the add reuses them instead of encoding, hashing and
     * probing again (the table is not changed in between: only add changes it).
     */
    private String missedId;
    private int missedLineNumber;
    private byte[] missedBytes;
    private int missedHash;
    private int missedSlot;

    /**
     * Registers the key of a loaded row.
     *
     * @return 0 when the key is new (and now registered), else the source line of the row that holds it
     */
    long sourceLineOf(String claimId, int lineNumber) {
        byte[] id = claimId.getBytes(StandardCharsets.UTF_8);
        int hash = hash(id, lineNumber);
        int mask = entries.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = entries[slot];
            if (entry == 0) {
                missedId = claimId;
                missedLineNumber = lineNumber;
                missedBytes = id;
                missedHash = hash;
                missedSlot = slot;
                return 0;
            }
            if (hashes[slot] == hash && matches(entry - 1, id, lineNumber)) {
                return sourceLine(entry - 1);
            }
        }
    }

    /** Registers a key known to be new ({@link #sourceLineOf} returned 0). */
    void add(String claimId, int lineNumber, long sourceLine) {
        boolean lookedUp = claimId == missedId && lineNumber == missedLineNumber;
        missedId = null;
        byte[] id = lookedUp ? missedBytes : claimId.getBytes(StandardCharsets.UTF_8);
        int hash = lookedUp ? missedHash : hash(id, lineNumber);
        long position = append(id, lineNumber, sourceLine);
        if (size + 1 > entries.length * LOAD) {
            grow();
            insert(hash, position + 1);
        } else if (lookedUp) {
            entries[missedSlot] = position + 1;
            hashes[missedSlot] = hash;
        } else {
            insert(hash, position + 1);
        }
        size++;
    }

    int size() {
        return size;
    }

    private void insert(int hash, long entry) {
        int mask = entries.length - 1;
        int slot = hash & mask;
        while (entries[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        entries[slot] = entry;
        hashes[slot] = hash;
    }

    private void grow() {
        long[] oldEntries = entries;
        int[] oldHashes = hashes;
        entries = new long[oldEntries.length * 2];
        hashes = new int[oldHashes.length * 2];
        for (int i = 0; i < oldEntries.length; i++) {
            if (oldEntries[i] != 0) {
                insert(oldHashes[i], oldEntries[i]);
            }
        }
    }

    /** Entry layout: int line number, long source line, int id length, id bytes. */
    private long append(byte[] id, int lineNumber, long sourceLine) {
        int length = 16 + id.length;
        if (chunk == null || used + length > chunk.length) {
            int next = chunk == null ? FIRST_CHUNK : (int) Math.min(CHUNK, chunk.length * 2L);
            chunk = new byte[Math.max(next, length)];
            chunks.add(chunk);
            used = 0;
        }
        long position = ((long) (chunks.size() - 1) << 32) | used;
        putInt(chunk, used, lineNumber);
        putLong(chunk, used + 4, sourceLine);
        putInt(chunk, used + 12, id.length);
        System.arraycopy(id, 0, chunk, used + 16, id.length);
        used += length;
        return position;
    }

    private boolean matches(long position, byte[] id, int lineNumber) {
        byte[] c = chunks.get((int) (position >>> 32));
        int at = (int) position;
        if (getInt(c, at) != lineNumber || getInt(c, at + 12) != id.length) {
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
        byte[] c = chunks.get((int) (position >>> 32));
        int at = (int) position + 4;
        return ((long) getInt(c, at) << 32) | (getInt(c, at + 4) & 0xFFFFFFFFL);
    }

    private static int hash(byte[] id, int lineNumber) {
        int h = 0x9E3779B9;
        for (byte b : id) {
            h = 31 * h + b;
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
