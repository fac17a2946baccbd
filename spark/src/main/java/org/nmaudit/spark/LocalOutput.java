package org.nmaudit.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where the driver writes the CLI's report files with the CLI's own writer: the output folder itself when it
 * is local, else a local folder whose files are then copied to the output folder (hdfs://, s3a://).
 */
final class LocalOutput {
    private final JobLocation out;
    private final java.nio.file.Path folder;
    private final Configuration conf;

    private LocalOutput(JobLocation out, java.nio.file.Path folder, Configuration conf) {
        this.out = out;
        this.folder = folder;
        this.conf = conf;
    }

    static LocalOutput of(JobLocation out, Configuration conf) throws IOException {
        return new LocalOutput(out, out.isLocal() ? out.localPath() : Files.createTempDirectory("nmaudit-spark-out-"),
                conf);
    }

    java.nio.file.Path folder() {
        return folder;
    }

    /**
     * Puts the written files in the output folder and removes what an earlier run of the other format left
     * there, so nobody reads it as this run's results.
     */
    void publish(List<String> written, List<String> stale) throws IOException {
        if (out.isLocal()) {
            for (String name : stale) {
                SparkAuditRun.deleteLocal(folder.resolve(name));
            }
            return;
        }
        Path target = out.hadoopPath();
        FileSystem fs = target.getFileSystem(conf);
        try {
            fs.mkdirs(target);
            for (String name : stale) {
                fs.delete(new Path(target, name), true);
            }
            for (String name : written) {
                fs.copyFromLocalFile(false, true, new Path(folder.resolve(name).toUri()), new Path(target, name));
            }
        } finally {
            SparkAuditRun.deleteLocal(folder);
        }
    }
}
