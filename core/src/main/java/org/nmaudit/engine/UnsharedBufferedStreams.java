package org.nmaudit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Buffered streams for the partition files, which one thread writes and one thread reads. The JDK's
 * BufferedInputStream and BufferedOutputStream take a lock on every call, and DataInputStream and
 * DataOutputStream make a call per byte of every int and long: some forty locks per claim line, a second of
 * CPU per million lines spent on locks nobody contends for.
 */
final class UnsharedBufferedStreams {
    private UnsharedBufferedStreams() {
    }

    static OutputStream output(OutputStream out, int size) {
        return new Output(out, size);
    }

    static InputStream input(InputStream in, int size) {
        return new Input(in, size);
    }

    private static final class Output extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer;
        private int used;

        Output(OutputStream out, int size) {
            this.out = out;
            this.buffer = new byte[size];
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len >= buffer.length) {
                drain();
                out.write(b, off, len);
                return;
            }
            if (len > buffer.length - used) {
                drain();
            }
            System.arraycopy(b, off, buffer, used, len);
            used += len;
        }

        private void drain() throws IOException {
            if (used > 0) {
                out.write(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try (OutputStream o = out) {
                drain();
            }
        }
    }

    private static final class Input extends InputStream {
        private final InputStream in;
        private final byte[] buffer;
        private int position;
        private int limit;

        Input(InputStream in, int size) {
            this.in = in;
            this.buffer = new byte[size];
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        @Override
        public int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position == limit) {
                if (len >= buffer.length) {
                    return in.read(b, off, len);
                }
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, limit - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
