package org.nmaudit.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the files of a data set are read from: a local folder for the command line, or a folder on any
 * file system Spark reads (HDFS, S3-compatible storage) for the Spark job, which streams each file through
 * the same {@link DataSetReader}.
 */
public interface InputFolder {
    /** How one file of the folder stands. */
    enum FileState {
        ABSENT, READABLE, UNREADABLE
    }

    static InputFolder local(Path folder) {
        return new LocalInputFolder(folder);
    }

    /** The folder as messages name it. */
    String displayName();

    /** True when the folder exists and is a folder. */
    boolean isFolder();

    FileState state(String fileName);

    /** The file as messages name it. */
    String displayName(String fileName);

    /** The bytes of a file; {@link java.nio.file.NoSuchFileException} when it went away. */
    InputStream open(String fileName) throws IOException;

    /** The names of the {@code *.csv} files directly in the folder. */
    List<String> csvFileNames() throws IOException;

    /** A file's size in bytes, or -1 when it is not known. */
    default long size(String fileName) {
        return -1;
    }

    /** The folder on the local file system, where X12 files are looked for; empty for another file system. */
    default java.util.Optional<Path> localPath() {
        return java.util.Optional.empty();
    }
}
