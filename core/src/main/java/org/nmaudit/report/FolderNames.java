package org.nmaudit.report;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Folders as run.json records them and as people read them. run.json holds absolute paths, so two audits
 * of one folder, named once as data/sample and once as /home/a/nmaudit/data/sample, are seen as the same
 * data by diff; the console, the report and diff show a folder below the working directory relative to it.
 */
public final class FolderNames {
    private FolderNames() {
    }

    /** The absolute, normalised path of a folder; text that is not a path (a database) as it is. */
    public static String absolute(String folder) {
        Path p = path(folder);
        return p == null ? folder : p.toAbsolutePath().normalize().toString();
    }

    /**
     * Whether two recorded folders are the same folder: a report written before run.json held absolute paths
     * names it relative to the working directory, which is read as relative to this one.
     */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return absolute(a).equals(absolute(b));
    }

    /** The folder as a person reads it: relative to the working directory when it is below it. */
    public static String shown(String folder) {
        Path p = path(folder);
        if (p == null || !p.isAbsolute()) {
            return folder;
        }
        try {
            Path here = Path.of("").toAbsolutePath();
            String relative = here.relativize(p.normalize()).toString();
            if (relative.isEmpty()) {
                relative = ".";
            }
            // Relative only below the working directory: "../../tmp/x" reads worse than /tmp/x.
            return !relative.startsWith("..") && relative.length() < folder.length() ? relative : folder;
        } catch (IllegalArgumentException e) {
            return folder;
        }
    }

    private static Path path(String folder) {
        if (folder == null || folder.isEmpty() || folder.contains("://") || folder.startsWith("claim history ")) {
            return null;
        }
        try {
            return Path.of(folder);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
