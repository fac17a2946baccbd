package org.nmaudit.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A data folder on the local file system. */
final class LocalInputFolder implements InputFolder {
    private final Path folder;

    LocalInputFolder(Path folder) {
        this.folder = folder;
    }

    @Override
    public long size(String fileName) {
        try {
            return Files.size(folder.resolve(fileName));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public java.util.Optional<Path> localPath() {
        return java.util.Optional.of(folder);
    }

    @Override
    public String displayName() {
        return folder.toString();
    }

    @Override
    public boolean isFolder() {
        return Files.isDirectory(folder);
    }

    @Override
    public FileState state(String fileName) {
        Path path = folder.resolve(fileName);
        if (!Files.exists(path)) {
            return FileState.ABSENT;
        }
        return Files.isRegularFile(path) && Files.isReadable(path) ? FileState.READABLE : FileState.UNREADABLE;
    }

    @Override
    public String displayName(String fileName) {
        return folder.resolve(fileName).toString();
    }

    @Override
    public InputStream open(String fileName) throws IOException {
        return Files.newInputStream(folder.resolve(fileName));
    }

    @Override
    public List<String> csvFileNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> csvs = Files.newDirectoryStream(folder, "*.csv")) {
            for (Path p : csvs) {
                names.add(p.getFileName().toString());
            }
        }
        return names;
    }
}
