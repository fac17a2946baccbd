package org.nmaudit.input;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every reject of a run, in the order they came, without holding them: a file in which every row is bad
 * (a date format a whole export got wrong) has as many rejects as rows. The first few thousand stay in
 * memory; beyond that they go to a temporary file. Iterable as often as needed until closed.
 */
public final class RejectLog implements Iterable<Reject>, Closeable {
    private static final int IN_MEMORY = 10_000;

    private final Path file;
    private final List<Reject> held = new ArrayList<>();
    private DataOutputStream spill;
    private long count;

    /** @param file where rejects beyond the first few thousand go; removed by {@link #close} */
    public RejectLog(Path file) {
        this.file = file;
    }

    public synchronized void add(Reject r) {
        count++;
        if (spill == null && held.size() < IN_MEMORY) {
            held.add(r);
            return;
        }
        try {
            if (spill == null) {
                Files.createDirectories(file.getParent());
                spill = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            }
            spill.writeUTF(r.file());
            spill.writeLong(r.line());
            writeText(spill, r.column());
            writeText(spill, r.value());
            writeText(spill, r.reason());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects to the temporary file " + file, e);
        }
    }

    public synchronized long size() {
        return count;
    }

    @Override
    public synchronized Iterator<Reject> iterator() {
        if (spill == null) {
            return List.copyOf(held).iterator();
        }
        try {
            spill.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            Iterator<Reject> first = List.copyOf(held).iterator();
            return new Iterator<>() {
                private Reject next = advance();

                private Reject advance() {
                    if (first.hasNext()) {
                        return first.next();
                    }
                    try {
                        return new Reject(in.readUTF(), in.readLong(), readText(in), readText(in), readText(in));
                    } catch (EOFException end) {
                        close(in);
                        return null;
                    } catch (IOException e) {
                        close(in);
                        throw new UncheckedIOException("cannot read back the rejects in " + file, e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Reject next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Reject r = next;
                    next = advance();
                    return r;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the rejects in " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (spill != null) {
            spill.close();
        }
        Files.deleteIfExists(file);
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] bytes = (s == null ? "" : s).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void close(DataInputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing more to read
        }
    }
}
