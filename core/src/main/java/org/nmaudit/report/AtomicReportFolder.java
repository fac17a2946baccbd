package org.nmaudit.report;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A report folder replaced as a whole (findings-format.md, "Atomic output"): every file of the new report
 * is written into a hidden staging folder next to the target ({@code .NAME.nmaudit-staging-PID-ID}), and
 * only when all of them are complete is the staging folder renamed into place. At every moment the target
 * is the complete previous report, absent (for the instant between two renames) or the complete new
 * report, never a mix and never a truncated file; Java has no atomic exchange of two folders, so the
 * previous report is renamed aside first ({@code .NAME.nmaudit-old-PID-ID}) and deleted after.
 *
 * <p>Files in the target that are not the report's own ({@code ownFiles}, plus whatever this run writes)
 * belong to the user and are kept: each is hard-linked (copied where the file system has no hard links)
 * into the staging folder before the swap, and anything that changed in the previous folder meanwhile is
 * moved over after it. A run that is killed leaves hidden leftovers; the next run into the same target
 * cleans them up first: a previous report that was moved aside is put back, staging folders are deleted.
 * A failed run ({@link #close} without {@link #commit}) deletes its staging folder and leaves the
 * previous report as it was.
 *
 * <p>Usage: {@code try (AtomicReportFolder out = AtomicReportFolder.begin(dir, OWN_FILES)) { write each
 * file through out.newWriter(name) or into out.folder(); out.commit(); }}.
 */
public final class AtomicReportFolder implements Closeable {
    /**
     * Test hook: when set to the name of a step (e.g. "opened findings.json", "previous report moved
     * aside"), the run prints "nmaudit-report: STEP" on stderr at each step of writing and swapping, and
     * stops at the named one for ten minutes, so that a test can kill it at a known moment.
     */
    public static final String PAUSE_PROPERTY = "nmaudit.test.reportPauseAt";

    private final Path target;
    private final Path staging;
    private final Set<String> ownFiles;
    private boolean committed;

    private AtomicReportFolder(Path target, Path staging, Set<String> ownFiles) {
        this.target = target;
        this.staging = staging;
        this.ownFiles = ownFiles;
    }

    /**
     * Cleans up what a killed run left next to {@code target} and opens an empty staging folder.
     *
     * @param ownFiles the names of the report's files: the new report replaces or removes these; every
     *     other entry of the target folder is the user's and is kept
     */
    public static AtomicReportFolder begin(Path target, Collection<String> ownFiles) throws IOException {
        Path resolved = resolve(target);
        if (Files.exists(resolved) && !Files.isDirectory(resolved)) {
            throw new FileSystemException(target.toString(), null, "it is a file, not a folder");
        }
        Files.createDirectories(resolved.getParent());
        cleanUp(resolved, ownFiles);
        for (String name : ownFiles) {
            // A folder of the user's that bears a report file's name is not the report's to replace.
            if (Files.isDirectory(resolved.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(resolved.resolve(name).toString(), null, "it is a folder, but a report"
                        + " writes a file of that name there; move the folder, or choose another output folder");
            }
        }
        Path staging = resolved.resolveSibling(Leftovers.newName(resolved.getFileName().toString(),
                Leftovers.Kind.STAGING));
        try {
            Files.createDirectory(staging);
        } catch (IOException e) {
            Leftovers.done(staging);
            throw e;
        }
        AtomicReportFolder folder = new AtomicReportFolder(resolved, staging, new HashSet<>(ownFiles));
        boundary("staging folder created");
        return folder;
    }

    /** The folder to write the report's files into. */
    public Path folder() {
        return staging;
    }

    /** A UTF-8 writer for one file of the report; the file is complete when the writer is closed. */
    public Writer newWriter(String fileName) throws IOException {
        return new OutputStreamWriter(newOutputStream(fileName), StandardCharsets.UTF_8);
    }

    /** A binary file of the report (an xlsx workbook); the file is complete when the stream is closed. */
    public OutputStream newOutputStream(String fileName) throws IOException {
        ownFiles.add(fileName);
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(staging.resolve(fileName)), 1 << 16);
        boundary("opened " + fileName);
        return new FilterOutputStream(file) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    super.close();
                    boundary("wrote " + fileName);
                }
            }
        };
    }

    /**
     * Puts the staging folder in place of the target, with the user's files of the target kept. After a
     * failure here the previous report is back in place (or, if there was none, the target is absent).
     */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        boolean hadPrevious = Files.isDirectory(target);
        if (hadPrevious) {
            linkForeignEntries(target, staging);
            boundary("kept files linked");
        }
        Path old = null;
        if (hadPrevious) {
            old = target.resolveSibling(Leftovers.newName(target.getFileName().toString(), Leftovers.Kind.OLD));
            moveAtomically(target, old);
            boundary("previous report moved aside");
        }
        try {
            moveAtomically(staging, target);
        } catch (IOException e) {
            if (old != null) {
                moveAtomically(old, target);
                Leftovers.done(old);
            }
            throw e;
        }
        committed = true;
        Leftovers.done(staging);
        boundary("new report in place");
        if (old != null) {
            try {
                keepChangedForeignEntries(old, target, ownFiles);
                Leftovers.deleteTree(old);
            } finally {
                Leftovers.done(old);
            }
            boundary("previous report deleted");
        }
    }

    /** Without a commit: the staging folder is deleted and the target left as it was. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                Leftovers.deleteTree(staging);
            } finally {
                Leftovers.done(staging);
            }
        }
    }

    /**
     * The leftovers of killed runs into {@code target}: a previous report moved aside comes back when the
     * target is absent (else the user's files in it are moved over and it is deleted); staging folders are
     * deleted (the user's files in them are links or copies).
     */
    static void cleanUp(Path target, Collection<String> ownFiles) throws IOException {
        Set<String> own = new HashSet<>(ownFiles);
        own.addAll(ReportWriter.REPORT_FILES);
        for (Leftovers.Leftover l : Leftovers.stale(target)) {
            if (l.kind() != Leftovers.Kind.OLD) {
                continue;
            }
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                moveAtomically(l.path(), target);
            } else {
                keepChangedForeignEntries(l.path(), target, own);
                Leftovers.deleteTree(l.path());
            }
        }
        for (Leftovers.Leftover l : Leftovers.stale(target)) {
            if (l.kind() == Leftovers.Kind.STAGING) {
                Leftovers.deleteTree(l.path());
            }
        }
    }

    // ---- the user's files ---------------------------------------------------------------------------------

    /** True for an entry of the target folder the new report does not replace: it is the user's. */
    private boolean isForeign(String name) {
        return !ownFiles.contains(name) && !Leftovers.isLeftoverName(name);
    }

    private void linkForeignEntries(Path from, Path to) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isForeign(name) && !Files.exists(to.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    linkTree(entry, to.resolve(name));
                }
            }
        }
    }

    /** A hard link of a file (a copy where links are not possible); a folder is rebuilt entry by entry. */
    private static void linkTree(Path source, Path copy) throws IOException {
        if (Files.isSymbolicLink(source)) {
            Files.createSymbolicLink(copy, Files.readSymbolicLink(source));
        } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(copy);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
                for (Path entry : entries) {
                    linkTree(entry, copy.resolve(entry.getFileName().toString()));
                }
            }
            copyPermissions(source, copy);
        } else {
            try {
                Files.createLink(copy, source);
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private static void copyPermissions(Path source, Path copy) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(source, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView to = Files.getFileAttributeView(copy, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (from != null && to != null) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }

    /**
     * The user's entries of the previous folder that the new one lacks, or has in an older state (a file
     * saved anew, by rename, after it was linked), are moved into the new folder: the user's files end up
     * exactly as they were in the previous folder. The report's own files never come back.
     */
    private static void keepChangedForeignEntries(Path previous, Path current, Set<String> own) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(previous)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!own.contains(name) && !Leftovers.isLeftoverName(name)) {
                    mergeInto(entry, current.resolve(name));
                }
            }
        }
    }

    private static void mergeInto(Path previous, Path current) throws IOException {
        if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(previous, current);
            return;
        }
        boolean previousIsFolder = Files.isDirectory(previous, LinkOption.NOFOLLOW_LINKS);
        boolean currentIsFolder = Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS);
        if (previousIsFolder && currentIsFolder) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(previous)) {
                for (Path entry : entries) {
                    mergeInto(entry, current.resolve(entry.getFileName().toString()));
                }
            }
            return;
        }
        if (!previousIsFolder && !currentIsFolder && !Files.isSymbolicLink(previous) && !Files.isSymbolicLink(current)
                && Files.isSameFile(previous, current)) {
            return;
        }
        Leftovers.deleteTree(current);
        Files.move(previous, current);
    }

    // ---- moves and test pauses ----------------------------------------------------------------------------

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new FileSystemException(from.toString(), to.toString(),
                    "the file system cannot rename it in one step, so the report cannot be replaced safely");
        }
    }

    /**
     * The absolute target; a symbolic link to a folder is followed, so that the folder it names is replaced
     * and the link kept. The working directory (or a folder holding it) is refused: replacing it would
     * pull the folder from under the user's shell.
     */
    static Path resolve(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            absolute = absolute.toRealPath();
        }
        if (absolute.getParent() == null || absolute.getFileName() == null) {
            throw new FileSystemException(target.toString(), null, "a report folder cannot be the root of a disk");
        }
        Path workingDirectory = Path.of("").toAbsolutePath().normalize();
        Path real = Files.exists(absolute) ? absolute.toRealPath() : absolute;
        Path realWorkingDirectory = Files.exists(workingDirectory) ? workingDirectory.toRealPath() : workingDirectory;
        if (realWorkingDirectory.startsWith(real)) {
            throw new FileSystemException(target.toString(), null, "it is the working directory"
                    + (realWorkingDirectory.equals(real) ? "" : "'s parent") + ", and a report folder is replaced"
                    + " as a whole; name a folder of its own, such as reports/latest");
        }
        return absolute;
    }

    static void boundary(String step) {
        String pauseAt = System.getProperty(PAUSE_PROPERTY);
        if (pauseAt == null) {
            return;
        }
        System.err.println("nmaudit-report: " + step);
        System.err.flush();
        if (step.equals(pauseAt)) {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
