package org.nmaudit.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A folder the job was given: a local path (no scheme, or file:) is used as it is, with the CLI's own
 * messages; anything else (hdfs://, s3a://) goes through Hadoop's file systems.
 */
record JobLocation(String text) {

    boolean isLocal() {
        try {
            String scheme = new URI(text.replace(" ", "%20")).getScheme();
            return scheme == null || scheme.equals("file") || scheme.length() == 1; // c:\ on Windows
        } catch (java.net.URISyntaxException e) {
            return true;
        }
    }

    /** The local path; only for a local location. */
    java.nio.file.Path localPath() {
        return text.startsWith("file:") ? java.nio.file.Path.of(URI.create(text)) : java.nio.file.Path.of(text);
    }

    Path hadoopPath() {
        return new Path(text);
    }

    /** A location under this one. */
    JobLocation resolve(String child) {
        return new JobLocation(isLocal() ? localPath().resolve(child).toString() : new Path(hadoopPath(), child)
                .toString());
    }

    /**
     * Small folders the driver needs as local files (the rules, the reference data): a remote one is copied,
     * these files only, into {@code scratch}; a local one is returned as it is.
     */
    java.nio.file.Path asLocalFolder(Configuration conf, java.nio.file.Path scratch, List<String> suffixes)
            throws IOException {
        if (isLocal()) {
            return localPath();
        }
        Path remote = hadoopPath();
        FileSystem fs = remote.getFileSystem(conf);
        java.nio.file.Path local = Files.createDirectories(scratch);
        if (!fs.getFileStatus(remote).isDirectory()) {
            throw new IOException(text + " is not a folder");
        }
        for (var status : fs.listStatus(remote)) {
            String name = status.getPath().getName();
            if (status.isFile() && suffixes.stream().anyMatch(name::endsWith)) {
                fs.copyToLocalFile(false, status.getPath(), new Path(local.resolve(name).toUri()), true);
            }
        }
        return local;
    }
}
