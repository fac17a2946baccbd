package org.nmaudit.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The records of a CSV file with their {@link RecordGuard.Span}s, in file order. For a large file the
 * parsing (decoding, quoting, the SHA-256 of every byte) runs on a thread of its own while the caller
 * validates the rows it already has: reading a million claim lines is two jobs of about equal size, and this
 * machine has two cores. A small file is parsed as it is asked for.
 */
final class ParsedRecords implements AutoCloseable {
    /** One record's fields and where it lies. */
    record Parsed(String[] values, RecordGuard.Span span) {
        int size() {
            return values.length;
        }

        String get(int i) {
            return values[i];
        }

        /** The fields as a list over the record's own array (no copy). */
        List<String> cells() {
            return Arrays.asList(values);
        }
    }

    /** What the parsing thread does once the last record is parsed (the rest of the file into the digest). */
    @FunctionalInterface
    interface AtEnd {
        void run() throws IOException;
    }

    private static final int BATCH = 1_024;
    private static final List<Parsed> END = Collections.unmodifiableList(new ArrayList<>());

    private final RecordGuard guard;
    private final RecordFields fields;
    private final AtEnd atEnd;
    private final BlockingQueue<List<Parsed>> queue;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean closed;
    private Iterator<Parsed> current = Collections.emptyIterator();
    private boolean ended;

    private ParsedRecords(RecordGuard guard, RecordFields fields, AtEnd atEnd, boolean background) {
        this.guard = guard;
        this.fields = fields;
        this.atEnd = atEnd;
        if (background) {
            this.queue = new ArrayBlockingQueue<>(16);
            this.thread = new Thread(this::parse, "nmaudit-parse-csv");
            thread.setDaemon(true);
            thread.start();
        } else {
            this.queue = null;
            this.thread = null;
        }
    }

    /**
     * @param fields the output of {@code guard}
     * @param background parse on a thread of its own (worth it for a large file)
     */
    static ParsedRecords of(RecordGuard guard, RecordFields fields, AtEnd atEnd, boolean background) {
        return new ParsedRecords(guard, fields, atEnd, background);
    }

    /** The next record from the guard, or null after the last. */
    private Parsed read() throws IOException {
        return guard.advance() ? new Parsed(fields.take(), guard.span()) : null;
    }

    private void parse() {
        try {
            List<Parsed> batch = new ArrayList<>(BATCH);
            for (Parsed p = closed ? null : read(); p != null; p = closed ? null : read()) {
                batch.add(p);
                if (batch.size() == BATCH) {
                    queue.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                queue.put(batch);
            }
            if (!closed) {
                atEnd.run();
            }
        } catch (InterruptedException e) {
            return; // closed: nobody waits for the rest
        } catch (Throwable e) {
            failure = e;
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            // closed meanwhile
        }
    }

    /**
     * The next record, or null after the last; a failure of the parsing (a byte that is not UTF-8, broken
     * quoting) is thrown here, after the records before it.
     */
    Parsed next() throws IOException {
        if (thread == null) {
            Parsed p = ended ? null : read();
            if (p != null) {
                return p;
            }
            if (!ended) {
                ended = true;
                atEnd.run();
            }
            return null;
        }
        while (!current.hasNext()) {
            if (ended) {
                return null;
            }
            List<Parsed> batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading", e);
            }
            if (batch == END) {
                ended = true;
                rethrow();
                return null;
            }
            current = batch.iterator();
        }
        return current.next();
    }

    /** Waits until the parsing thread is done (the guard then holds the whole file's state). */
    void finish() throws IOException {
        while (next() != null) {
            // the rest is not needed: an error stops the read
        }
    }

    private void rethrow() throws IOException {
        Throwable e = failure;
        if (e == null) {
            return;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof UncheckedIOException u) {
            throw u;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }

    @Override
    public void close() {
        if (thread != null && thread.isAlive()) {
            closed = true;
            thread.interrupt();
            queue.clear();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
