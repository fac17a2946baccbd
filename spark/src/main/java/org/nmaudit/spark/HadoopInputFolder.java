package org.nmaudit.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.nmaudit.input.InputFolder;

/**
 * A data folder on any file system Hadoop reads (hdfs://, s3a://, file:): the driver streams each file
 * through the CLI's reader from here, so the data never has to be copied to the driver's disk first.
 */
final class HadoopInputFolder implements InputFolder {
    private final String display;
    private final Path folder;
    private final FileSystem fs;

    HadoopInputFolder(String location, Configuration conf) throws IOException {
        this.display = location;
        this.folder = new Path(location);
        this.fs = folder.getFileSystem(conf);
    }

    @Override
    public String displayName() {
        return display;
    }

    @Override
    public boolean isFolder() {
        try {
            return fs.getFileStatus(folder).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public FileState state(String fileName) {
        try {
            return fs.getFileStatus(new Path(folder, fileName)).isFile() ? FileState.READABLE : FileState.UNREADABLE;
        } catch (FileNotFoundException e) {
            return FileState.ABSENT;
        } catch (IOException e) {
            return FileState.UNREADABLE;
        }
    }

    @Override
    public String displayName(String fileName) {
        return new Path(folder, fileName).toString();
    }

    @Override
    public InputStream open(String fileName) throws IOException {
        try {
            return fs.open(new Path(folder, fileName));
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(displayName(fileName));
        }
    }

    @Override
    public List<String> csvFileNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (FileStatus s : fs.listStatus(folder, p -> p.getName().endsWith(".csv"))) {
            names.add(s.getPath().getName());
        }
        return names;
    }

    /** The bytes of the folder's *.csv files: what the number of partitions is chosen from. */
    long csvBytes() {
        long total = 0;
        try {
            for (FileStatus s : fs.listStatus(folder, p -> p.getName().endsWith(".csv"))) {
                total += s.getLen();
            }
        } catch (IOException e) {
            // the reader reports an unreadable folder
        }
        return total;
    }
}
