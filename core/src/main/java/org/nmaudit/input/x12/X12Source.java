package org.nmaudit.input.x12;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An X12 file to read: its name (as rejects and run.json name it) and a way to open it. It is opened
 * more than once (replacement claims and 835 matching need a first pass over the files before any line
 * is loaded), so a request body or upload is given as its bytes, or saved to a file first.
 */
public interface X12Source {
    String name();

    InputStream open() throws IOException;

    static X12Source of(Path file) {
        return new X12Source() {
            @Override
            public String name() {
                return file.getFileName().toString();
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }

    static X12Source of(String name, byte[] content) {
        return new X12Source() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }
}
