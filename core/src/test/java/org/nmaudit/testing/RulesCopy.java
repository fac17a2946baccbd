package org.nmaudit.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the shipped rules folder (its .drl files and parameters.properties, not its test cases) to
 * break or extend in a test, as an auditor does with {@code cp -r rules my-rules}.
 */
public final class RulesCopy {
    private final Path folder;

    private RulesCopy(Path folder) {
        this.folder = folder;
    }

    public static RulesCopy in(Path folder) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(Path.of("rules"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, folder.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RulesCopy(folder);
    }

    public Path path() {
        return folder;
    }

    /** The folder as messages name it (forward slashes). */
    public String display() {
        return folder.toString().replace('\\', '/');
    }

    /** Replaces {@code find} in the first line of {@code file} holding it; returns that line's number. */
    public int replace(String file, String find, String replacement) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(find)) {
                lines.set(i, lines.get(i).replace(find, replacement));
                write(file, String.join("\n", lines) + "\n");
                return i + 1;
            }
        }
        throw new AssertionError("'" + find + "' not found in " + file);
    }

    /** The 1-based line of {@code file} that holds {@code text} first. */
    public int lineOf(String file, String text) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("'" + text + "' not found in " + file);
    }

    public RulesCopy write(String file, String text) {
        try {
            Path p = folder.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public RulesCopy append(String file, String text) {
        try {
            Path p = folder.resolve(file);
            assertTrue(Files.exists(p), p + " exists");
            Files.writeString(p, Files.readString(p, StandardCharsets.UTF_8) + text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The text of {@code file}. */
    public String read(String file) {
        try {
            return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(String file) {
        try {
            return new ArrayList<>(Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
