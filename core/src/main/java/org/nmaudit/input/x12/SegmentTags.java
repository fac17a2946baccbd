package org.nmaudit.input.x12;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One String per segment tag, so the scanner does not make a new string for every segment it reads. A
 * tag is 2-3 letters (A-Z) or digits, which gives fewer than 37^3 tags; each is made once, when first seen.
 */
final class SegmentTags {
    private static final int SYMBOLS = 37; // 0: no character (a 2-byte tag), then 0-9, then A-Z
    private static final AtomicReferenceArray<String> TAGS = new AtomicReferenceArray<>(SYMBOLS * SYMBOLS * SYMBOLS);

    private SegmentTags() {
    }

    /** The tag in {@code bytes[start..start+length)}, 2-3 letters A-Z or digits. */
    static String of(byte[] bytes, int start, int length) {
        int index = 0;
        for (int i = 0; i < 3; i++) {
            index = index * SYMBOLS + (i < length ? symbol(bytes[start + i]) : 0);
        }
        String tag = TAGS.get(index);
        if (tag == null) {
            tag = new String(bytes, start, length, StandardCharsets.US_ASCII).intern(); // the literal, if a reader names it
            TAGS.compareAndSet(index, null, tag);
        }
        return tag;
    }

    private static int symbol(byte b) {
        return b <= '9' ? b - '0' + 1 : b - 'A' + 11;
    }
}
