package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** I/O failures in words, never a Java class name such as java.nio.file.AccessDeniedException. */
class IoErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void failuresOfRealFileOperations() throws IOException {
        Path file = Files.writeString(tmp.resolve("file.csv"), "x");
        Path missing = tmp.resolve("missing.csv");
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("a"), "a");

        assertEquals("no such file or folder (" + missing + ")",
                IoErrors.describe(assertThrows(IOException.class, () -> Files.readString(missing))));
        assertEquals("not a folder (" + file + ")",
                IoErrors.describe(assertThrows(IOException.class, () -> Files.newDirectoryStream(file).close())));
        assertEquals("already exists (" + file + ")",
                IoErrors.describe(assertThrows(IOException.class, () -> Files.createFile(file))));
        assertEquals("the folder is not empty (" + full + ")",
                IoErrors.describe(assertThrows(IOException.class, () -> Files.delete(full))));
        assertEquals("not a folder (" + file.resolve("x.csv") + ")",
                IoErrors.describe(assertThrows(IOException.class, () -> Files.writeString(file.resolve("x.csv"), ""))));
        assertEquals("is a folder, not a file", // the JDK names no file here
                IoErrors.describe(assertThrows(IOException.class, () -> Files.readString(full))));
    }

    @Test
    void failuresThisMachineCannotProvokeForRootAreNamedToo() {
        // The tests run as root, whom permissions do not stop: the exceptions the JDK throws for others.
        assertEquals("permission denied (/srv/reports/run.json)",
                IoErrors.describe(new AccessDeniedException("/srv/reports/run.json")));
        assertEquals("the disk is full (/srv/reports/findings.csv)",
                IoErrors.describe(new FileSystemException("/srv/reports/findings.csv", null, "No space left on device")));
        assertEquals("the disk is read-only (/mnt/cd/x)",
                IoErrors.describe(new FileSystemException("/mnt/cd/x", null, "Read-only file system")));
        assertEquals("input/output error (/dev/sdb)",
                IoErrors.describe(new FileSystemException("/dev/sdb", null, "Input/output error")));
        assertEquals("permission denied (/srv/x)",
                IoErrors.describe(new UncheckedIOException(new AccessDeniedException("/srv/x"))));
        assertEquals("the text is not valid UTF-8", IoErrors.describe(new MalformedInputException(1)));
        assertEquals("stream closed", IoErrors.describe(new IOException("Stream closed")));
        assertEquals("input/output error", IoErrors.describe(new IOException()));
    }
}
