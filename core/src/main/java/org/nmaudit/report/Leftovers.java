package org.nmaudit.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden folders and files a run writes next to its output before it puts them in place:
 * {@code .NAME.nmaudit-staging-PID-ID} (the new report being written), {@code .NAME.nmaudit-old-PID-ID}
 * (the previous report, moved aside for a moment) and {@code .NAME.nmaudit-tmp-PID-ID} (one file being
 * written). A run that is killed leaves them behind; the next run writing the same output recognises
 * them by name and cleans them up, unless the process that made them is still running.
 */
final class Leftovers {
    enum Kind { STAGING, OLD, TMP }

    /** {@code .NAME.nmaudit-KIND-PID-ID}. */
    private static final Pattern NAME = Pattern.compile("^\\.(.+)\\.nmaudit-(staging|old|tmp)-(\\d+)-([0-9a-f]+)$");

    /**
     * A process that started this long after a leftover was last touched cannot have made it: its pid was
     * reused. The slack covers the coarse start times the operating system reports.
     */
    private static final Duration START_TIME_SLACK = Duration.ofSeconds(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The leftovers this JVM is writing right now (in-process runs share one pid). */
    private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

    /** One leftover of {@code target}, parsed from its name. */
    record Leftover(Path path, Kind kind, long pid) {
    }

    private Leftovers() {
    }

    /** A fresh name for a leftover of {@code targetName}, marked active for this JVM until {@link #done}. */
    static String newName(String targetName, Kind kind) {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        String name = "." + targetName + ".nmaudit-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(id);
        ACTIVE.add(name);
        return name;
    }

    /** The leftover is finished with (put in place or deleted): it is no longer this JVM's work in progress. */
    static void done(Path leftover) {
        ACTIVE.remove(leftover.getFileName().toString());
    }

    /** True for any name nmaudit gives its leftovers: never a file of a report or a user's own file. */
    static boolean isLeftoverName(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** The output a leftover was made for (its parent folder and the name in it), or null for another name. */
    static Path targetOf(Path leftover) {
        Path name = leftover.getFileName();
        Matcher m = name == null ? null : NAME.matcher(name.toString());
        return m == null || !m.matches() ? null : leftover.resolveSibling(m.group(1));
    }

    /** The leftovers of {@code target} in its parent folder whose run is over (killed, or failed to clean up). */
    static List<Leftover> stale(Path target) throws IOException {
        List<Leftover> found = new ArrayList<>();
        Path parent = target.getParent();
        String targetName = target.getFileName().toString();
        if (parent == null || !Files.isDirectory(parent)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "." + globEscape(targetName)
                + ".nmaudit-*")) {
            for (Path p : entries) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(targetName)) {
                    Leftover l = new Leftover(p, Kind.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT)),
                            Long.parseLong(m.group(3)));
                    if (!ownerRunning(l)) {
                        found.add(l);
                    }
                }
            }
        }
        return found;
    }

    private static boolean ownerRunning(Leftover l) {
        if (l.pid() == ProcessHandle.current().pid()) {
            return ACTIVE.contains(l.path().getFileName().toString());
        }
        Optional<ProcessHandle> owner = ProcessHandle.of(l.pid());
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = owner.get().info().startInstant();
        if (started.isEmpty()) {
            return true;
        }
        try {
            Instant touched = Files.getLastModifiedTime(l.path(), LinkOption.NOFOLLOW_LINKS).toInstant();
            return !started.get().isAfter(touched.plus(START_TIME_SLACK));
        } catch (IOException e) {
            return true;
        }
    }

    /** Deletes a file or a folder with everything in it; symbolic links are deleted, never followed. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String globEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
