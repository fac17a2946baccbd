package org.nmaudit.findings;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Puts the findings of a run in report order without holding them all: findings are added as the
 * patient batches finish, kept in memory up to a limit, and beyond it written to sorted run files that
 * the result merges on every read. Each subject's findings arrive together (a claim line belongs to one
 * patient, a provider to the provider pass), already one per subject.
 */
public final class FindingSorter implements Closeable {
    private static final int RESET_EVERY = 1_000;

    private final Path folder;
    private final int maxInMemory;
    private final List<Finding> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<Closeable> openReaders = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> byRule = new TreeMap<>();
    private final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    private long count;

    /**
     * @param folder where run files go (created on the first spill, removed by {@link #close})
     * @param maxInMemory findings held before a sorted run is written out
     */
    public FindingSorter(Path folder, int maxInMemory) {
        this.folder = folder;
        this.maxInMemory = maxInMemory;
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
    }

    public synchronized void addAll(Collection<Finding> findings) {
        for (Finding f : findings) {
            buffer.add(f);
            byRule.merge(f.ruleId(), 1, Integer::sum);
            bySeverity.merge(f.severity(), 1, Integer::sum);
            count++;
        }
        if (buffer.size() >= maxInMemory) {
            spill();
        }
    }

    /** Every finding added, in report order; iterable as often as needed until {@link #close}. */
    public synchronized Findings finish() {
        if (runs.isEmpty()) {
            buffer.sort(FindingSet.REPORT_ORDER);
            return new Sorted(List.copyOf(buffer), null);
        }
        if (!buffer.isEmpty()) {
            spill();
        }
        return new Sorted(null, List.copyOf(runs));
    }

    /** How many runs went to files (0 when every finding fitted in memory). */
    public synchronized int spilledRuns() {
        return runs.size();
    }

    private void spill() {
        buffer.sort(FindingSet.REPORT_ORDER);
        try {
            Files.createDirectories(folder);
            Path run = folder.resolve("findings-" + runs.size() + ".bin");
            try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(run),
                    1 << 16))) {
                int written = 0;
                for (Finding f : buffer) {
                    out.writeObject(f);
                    if (++written % RESET_EVERY == 0) {
                        out.reset(); // keeps the stream's table of written objects from growing
                    }
                }
            }
            runs.add(run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write findings to the temporary folder " + folder, e);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        synchronized (openReaders) {
            for (Closeable c : openReaders) {
                c.close();
            }
            openReaders.clear();
        }
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
    }

    private final class Sorted implements Findings {
        private final List<Finding> inMemory;
        private final List<Path> files;

        Sorted(List<Finding> inMemory, List<Path> files) {
            this.inMemory = inMemory;
            this.files = files;
        }

        @Override
        public Iterator<Finding> iterator() {
            return inMemory != null ? inMemory.iterator() : new Merge(files);
        }

        @Override
        public long size() {
            return count;
        }

        @Override
        public Map<String, Integer> countByRule() {
            return Collections.unmodifiableMap(byRule);
        }

        @Override
        public Map<Severity, Integer> countBySeverity() {
            return Collections.unmodifiableMap(bySeverity);
        }
    }

    /** A k-way merge of sorted run files. */
    private final class Merge implements Iterator<Finding> {
        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) ->
                FindingSet.REPORT_ORDER.compare(a.finding, b.finding));

        Merge(List<Path> files) {
            for (Path f : files) {
                try {
                    ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(f),
                            1 << 16));
                    openReaders.add(in);
                    Head head = new Head(in);
                    if (head.advance()) {
                        heads.add(head);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read back the findings in " + f, e);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Finding next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            Finding f = head.finding;
            if (head.advance()) {
                heads.add(head);
            }
            return f;
        }
    }

    private final class Head {
        private final ObjectInputStream in;
        private Finding finding;

        Head(ObjectInputStream in) {
            this.in = in;
        }

        boolean advance() {
            try {
                finding = (Finding) in.readObject();
                return true;
            } catch (EOFException e) {
                close();
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back a findings run file", e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }

        private void close() {
            try {
                in.close();
            } catch (IOException e) {
                // the run file is deleted with the sorter anyway
            }
            openReaders.remove(in);
        }
    }
}
