package org.nmaudit.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nmaudit.input.IoErrors;
import org.nmaudit.input.Sha256;

/**
 * The rules an audit runs, read from the file system at run time (never from the classpath), so an
 * auditor edits a file and reruns without building Java: every {@code *.drl} directly in the folder,
 * in name order, and the parameters file.
 *
 * @param displayPath the folder as the user named it, e.g. rules; messages name files under it
 * @param unsafeCodeAllowed --allow-unsafe-rules: the compiler does not refuse rule code that RuleSafety finds
 *     unsafe
 */
public record RuleFolder(Path path, String displayPath, List<RuleFile> drlFiles, RuleFile parametersFile,
        boolean unsafeCodeAllowed) {

    public RuleFolder(Path path, String displayPath, List<RuleFile> drlFiles, RuleFile parametersFile) {
        this(path, displayPath, drlFiles, parametersFile, false);
    }

    /** The same folder, compiled even when its rules hold code RuleSafety refuses (--allow-unsafe-rules). */
    public RuleFolder withUnsafeCodeAllowed(boolean allowed) {
        return new RuleFolder(path, displayPath, drlFiles, parametersFile, allowed);
    }

    public static RuleFolder load(Path folder) throws RuleSetupException {
        String display = displayPath(folder);
        if (!Files.isDirectory(folder)) {
            throw new RuleSetupException(new RuleProblem(null, 0, 0,
                    "rules folder " + display + " does not exist or is not a folder", null));
        }
        List<Path> drls = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "*.drl")) {
            for (Path p : found) {
                if (Files.isRegularFile(p)) {
                    drls.add(p);
                }
            }
        } catch (IOException e) {
            throw new RuleSetupException("rules folder " + display + " cannot be listed: " + IoErrors.describe(e), e);
        }
        if (drls.isEmpty()) {
            throw new RuleSetupException(new RuleProblem(null, 0, 0,
                    "rules folder " + display + " holds no .drl files", null));
        }
        drls.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<RuleFile> files = new ArrayList<>();
        for (Path p : drls) {
            files.add(read(p, display));
        }
        Path params = folder.resolve(ParameterSet.FILE_NAME);
        if (!Files.isRegularFile(params)) {
            throw new RuleSetupException(new RuleProblem(null, 0, 0, "rules folder " + display + " has no "
                    + ParameterSet.FILE_NAME + " (the audit parameters with their defaults)", null));
        }
        return new RuleFolder(folder, display, List.copyOf(files), read(params, display));
    }

    /** The defaults from the parameters file. */
    public ParameterSet parameters() throws RuleSetupException {
        return ParameterSet.parse(parametersFile.displayPath(), parametersFile.text());
    }

    /** A fingerprint of every file's content: equal folders compile to equal rule bases. */
    public String contentKey() {
        StringBuilder sb = new StringBuilder();
        for (RuleFile f : drlFiles) {
            sb.append(f.name()).append('=').append(f.sha256()).append(';');
        }
        return sb.toString();
    }

    private static RuleFile read(Path p, String displayFolder) throws RuleSetupException {
        String name = p.getFileName().toString();
        String display = displayFolder.isEmpty() ? name : displayFolder + "/" + name;
        try {
            byte[] bytes = Files.readAllBytes(p);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new RuleFile(name, display, text, Sha256.hex(bytes));
        } catch (IOException e) {
            throw new RuleSetupException(display + " cannot be read: " + IoErrors.describe(e), e);
        }
    }

    private static String displayPath(Path folder) {
        String s = folder.toString().replace('\\', '/');
        while (s.endsWith("/") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
