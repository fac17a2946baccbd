package org.nmaudit.history;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an import writes, so that a killed import leaves the store as it was.
 *
 * <p>PostgreSQL rolls back a dead session's transaction, so an import writes into the store itself. H2 does
 * not make a large commit atomic against a kill: it marks the transaction's entries committed one by one, and a
 * process killed during that pass leaves the marked part committed after recovery (measured: an import of
 * 261,800 claim lines killed during its commit left 75,326 of them stored). An import into an embedded database
 * file therefore goes into a copy of the file, next to it, and the committed and closed copy replaces the
 * original in one rename. The original stays open (locked against other processes) until then. A copy left by a
 * killed import is removed by the next one.
 */
public final class StagedImport implements AutoCloseable {
    /** H2's file name ending. */
    private static final String MV_DB = ".mv.db";
    private static final String COPY_MARK = ".importing-";

    private final HistoryStore original;
    private final HistoryStore target;
    private final Path originalFile;
    private final Path copyBase;
    private final Credentials credentials;
    private boolean published;

    private StagedImport(HistoryStore original, HistoryStore target, Path originalFile, Path copyBase,
            Credentials credentials) {
        this.original = original;
        this.target = target;
        this.originalFile = originalFile;
        this.copyBase = copyBase;
        this.credentials = credentials;
    }

    /** The store to import into: {@code store} itself, or a copy of its embedded database file. */
    public static StagedImport of(HistoryStore store, Credentials credentials) throws HistoryException {
        Optional<H2File> file = H2File.of(store.location());
        if (file.isEmpty()) {
            return new StagedImport(store, store, null, null, credentials);
        }
        Path base = file.get().base();
        Path originalFile = Path.of(base + MV_DB);
        Path copyBase = Path.of(base + COPY_MARK + ProcessHandle.current().pid());
        try {
            removeLeftovers(base);
            // Everything the store holds on disk, then a byte copy while this process is the file's only user.
            store.checkpoint();
            Files.copy(originalFile, Path.of(copyBase + MV_DB), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteCopy(copyBase);
            throw new HistoryException("cannot copy the history database " + originalFile + " to import into it ("
                    + e.getMessage() + "); an import needs free disk space for a copy of the database file", e);
        }
        try {
            HistoryStore target = HistoryStore.open(file.get().withBase(copyBase), credentials, 2);
            return new StagedImport(store, target, originalFile, copyBase, credentials);
        } catch (HistoryException e) {
            deleteCopy(copyBase);
            throw e;
        }
    }

    public HistoryStore store() {
        return target;
    }

    /**
     * Starts the import into {@link #store()}. Into a copy it commits as it goes (faster on H2, see
     * {@link HistoryImport}): the copy is published only after the import's last commit and thrown away
     * otherwise. Into the store itself it is one transaction.
     */
    public HistoryImport beginImport(String source) throws HistoryException {
        return target.beginImport(source, writesACopy());
    }

    /**
     * Whether the import goes into a copy of an embedded database file, which {@link #publish()} compacts and
     * puts in place.
     */
    public boolean writesACopy() {
        return target != original;
    }

    /**
     * After the import's commit: the copy replaces the original, and the original store is closed (its
     * location now opens the import). A no-op when the import wrote into the store itself.
     */
    public void publish() throws HistoryException {
        if (!writesACopy()) {
            published = true;
            return;
        }
        target.close(); // the last connection: H2 writes the copy out whole and closes the file
        // A large import leaves most of the file's pages dead (1.3M lines: 1.3 GB, 27% live). Left so, the file is
        // compacted in the background by whichever process opens it next: nmaudit serve spent about a fifth of
        // its CPU rewriting it while answering. Compacted here, once, it is 190 MB.
        HistoryStore.compact(target.location(), credentials);
        HistoryImport.pauseForTests("copy committed, not yet in place");
        try {
            Files.move(Path.of(copyBase + MV_DB), originalFile, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new HistoryException("the file system of " + originalFile + " cannot replace a file in one step,"
                    + " so the import was not put in place; nothing was stored", e);
        } catch (IOException e) {
            throw new HistoryException("cannot put the imported database in place of " + originalFile + " ("
                    + e.getMessage() + "); nothing was stored", e);
        }
        published = true;
        // The original's connections still hold the replaced file: closed now, they can no longer touch it.
        original.close();
        deleteCopy(copyBase); // its trace file, if H2 wrote one
    }

    @Override
    public void close() {
        if (writesACopy()) {
            target.close();
            if (!published) {
                deleteCopy(copyBase);
            }
        }
    }

    private static void removeLeftovers(Path base) throws IOException {
        Path folder = base.toAbsolutePath().getParent();
        String prefix = base.getFileName() + COPY_MARK;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path leftover : files) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static void deleteCopy(Path copyBase) {
        for (String ending : new String[] {MV_DB, ".trace.db", ".lock.db"}) {
            try {
                Files.deleteIfExists(Path.of(copyBase + ending));
            } catch (IOException e) {
                // Removed by the next import (removeLeftovers).
            }
        }
    }

    /** An embedded H2 database kept in a file: the path before {@code .mv.db} and the URL's settings. */
    record H2File(Path base, String settings) {
        static Optional<H2File> of(StoreLocation location) {
            if (location.kind() != StoreLocation.Kind.H2) {
                return Optional.empty();
            }
            String rest = location.jdbcUrl().substring("jdbc:h2:".length());
            int semicolon = rest.indexOf(';');
            String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
            String settings = semicolon < 0 ? "" : rest.substring(semicolon);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("file:")) {
                name = name.substring("file:".length());
            } else if (lower.matches("^[a-z]{2,}:.*")) {
                return Optional.empty(); // mem:, tcp:, ssl:, zip: ... no file of ours to copy
            }
            if (name.startsWith("~")) {
                name = System.getProperty("user.home") + name.substring(1);
            }
            return Optional.of(new H2File(Path.of(name), settings));
        }

        StoreLocation withBase(Path newBase) throws HistoryException {
            return StoreLocation.parse("jdbc:h2:file:" + newBase + settings);
        }
    }
}
