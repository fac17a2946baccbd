package org.nmaudit.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One output file replaced in a single step (diff.csv): written to a hidden temporary file next to it
 * ({@code .NAME.nmaudit-tmp-PID-ID}) and renamed over it when complete, so the file is always the
 * previous one or the new one, never a truncated one. Temporary files of killed runs are deleted by the
 * next run writing the same file.
 */
public final class AtomicFile {
    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(target)) {
            target = target.toRealPath();
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (Files.isDirectory(target)) {
            throw new FileSystemException(file.toString(), null, "it is a folder");
        }
        for (Leftovers.Leftover l : Leftovers.stale(target)) {
            if (l.kind() == Leftovers.Kind.TMP) {
                Leftovers.deleteTree(l.path());
            }
        }
        Path temporary = parent.resolve(Leftovers.newName(target.getFileName().toString(), Leftovers.Kind.TMP));
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                AtomicReportFolder.boundary("opened " + temporary.getFileName());
                content.writeTo(out);
            }
            AtomicReportFolder.boundary("wrote " + temporary.getFileName());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new FileSystemException(file.toString(), null,
                        "the file system cannot rename a file in one step, so it cannot be replaced safely");
            }
            AtomicReportFolder.boundary("file in place " + target.getFileName());
        } finally {
            Files.deleteIfExists(temporary);
            Leftovers.done(temporary);
        }
    }
}
