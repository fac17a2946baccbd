package org.nmaudit.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The partition files' buffers give back every byte in order, whatever the buffer size and write sizes. */
class UnsharedBufferedStreamsTest {
    @ParameterizedTest(name = "buffer of {0} bytes")
    @ValueSource(ints = {1, 3, 7, 64, 1 << 16})
    void whatIsWrittenIsReadBackAcrossBufferBoundaries(int size) throws Exception {
        Random random = new Random(size);
        byte[][] blocks = new byte[200][];
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(UnsharedBufferedStreams.output(file, size))) {
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = new byte[random.nextInt(3 * size + 2)]; // smaller, equal to and larger than the buffer
                random.nextBytes(blocks[i]);
                out.writeInt(i);
                out.writeLong(-i * 1_000_000_007L);
                out.writeByte(i);
                out.writeInt(blocks[i].length);
                out.write(blocks[i]);
            }
        }
        try (DataInputStream in = new DataInputStream(UnsharedBufferedStreams.input(
                new ByteArrayInputStream(file.toByteArray()), size))) {
            for (int i = 0; i < blocks.length; i++) {
                assertEquals(i, in.readInt());
                assertEquals(-i * 1_000_000_007L, in.readLong());
                assertEquals((byte) i, in.readByte());
                byte[] block = new byte[in.readInt()];
                in.readFully(block);
                assertArrayEquals(blocks[i], block, "block " + i);
            }
            assertEquals(-1, in.read(), "nothing after the last block");
        }
    }

    @Test
    void aTruncatedFileEndsInEofNotInMadeUpBytes() throws Exception {
        try (DataInputStream in = new DataInputStream(UnsharedBufferedStreams.input(
                new ByteArrayInputStream(new byte[] {0, 0, 1}), 2))) {
            org.junit.jupiter.api.Assertions.assertThrows(EOFException.class, in::readInt);
        }
    }
}
