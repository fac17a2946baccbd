package org.nmaudit.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files of one run (patient partitions, spilled findings and rejects), in a hidden folder
 * {@code .nmaudit-tmp-<pid>-<n>} under the output folder's parent or {@code --tmp}. Removed when the run
 * ends, also after a failure or an interrupt (Ctrl-C); a run killed outright leaves its folder behind, so
 * every run first removes the folders of runs whose process is gone.
 */
public final class ScratchFolder implements Closeable {
    private static final String PREFIX = ".nmaudit-tmp-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-\\d+");

    private final Path path;
    private final Thread onInterrupt;

    private ScratchFolder(Path path) {
        this.path = path;
        this.onInterrupt = new Thread(this::deleteQuietly, "nmaudit-remove-temporary-files");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    public static ScratchFolder createIn(Path parent) throws IOException {
        Files.createDirectories(parent);
        removeLeftovers(parent);
        long pid = ProcessHandle.current().pid();
        for (int n = 0; ; n++) {
            Path candidate = parent.resolve(PREFIX + pid + "-" + n);
            try {
                return new ScratchFolder(Files.createDirectory(candidate));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run of this JVM (tests) holds it
            }
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        deleteQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    /** Removes the temporary folders that runs killed outright left under {@code parent}. */
    static void removeLeftovers(Path parent) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path p : entries) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && !alive(Long.parseLong(m.group(1)))) {
                    delete(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a leftover that cannot be removed now is tried again by the next run
        }
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive();
    }

    private void deleteQuietly() {
        try {
            delete(path);
        } catch (IOException e) {
            // removed by the next run in this folder
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
