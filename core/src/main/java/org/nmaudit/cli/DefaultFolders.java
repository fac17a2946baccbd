package org.nmaudit.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The rules and reference folders a command uses when --rules or --reference is not given, so that
 * nmaudit runs from any working directory: {@code rules/} (or {@code data/reference/}) of the working
 * directory if there is one, as in the project folder or an auditor's own copy; else the installation's
 * own. The installation is the folder the launcher sits in: the launcher names it in the system property
 * {@value #HOME_PROPERTY}; without it (java -jar, or the tests' class path) it is found from where
 * nmaudit's classes are, core/target/nmaudit.jar or core/target/classes, two folders below it.
 */
final class DefaultFolders {
    static final String HOME_PROPERTY = "nmaudit.home";
    static final Path RULES = Path.of("rules");
    static final Path REFERENCE = Path.of("data", "reference");

    private DefaultFolders() {
    }

    /** The rules folder given, else the default one. */
    static Path rules(Path given) {
        return given != null ? given : pick(RULES);
    }

    /** The reference folder given, else the default one. */
    static Path reference(Path given) {
        return given != null ? given : pick(REFERENCE);
    }

    /**
     * The folder relative to the working directory if it is there, else the installation's (absolute, so
     * that run.json and the console name it); when neither is there, the relative one, whose absence the
     * command reports.
     */
    static Path pick(Path relative) {
        if (Files.isDirectory(relative)) {
            return relative;
        }
        Path home = installation();
        if (home != null && Files.isDirectory(home.resolve(relative))) {
            return home.resolve(relative);
        }
        return relative;
    }

    /** The installation folder, or null when it cannot be told. */
    static Path installation() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        CodeSource source = DefaultFolders.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            // core/target/nmaudit.jar or core/target/classes -> core/target -> core -> the installation
            Path classes = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            Path home = classes.getParent() == null || classes.getParent().getParent() == null ? null
                    : classes.getParent().getParent().getParent();
            return home == null ? null : home.toRealPath();
        } catch (URISyntaxException | IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
