package org.nmaudit.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Where a finding id that a report does not hold was seen by diff: the diff.csv files in the report
 * folder and in the folders next to it (where the auditor's loop puts reports/before and reports/after).
 * explain uses it to say in which report to look, instead of a hint that may point the wrong way.
 */
public final class DiffListings {
    /** The folders next to the report looked into, at most. */
    private static final int FOLDERS_LOOKED_INTO = 50;
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /**
     * One diff.csv row for the finding.
     *
     * @param diffCsv the diff.csv that lists it; its folder is the newer report of that diff
     * @param status new, absent, updated or unchanged
     */
    public record Listing(Path diffCsv, String findingId, String status) {
        /** The newer report of the diff that listed the finding: where diff writes diff.csv. */
        public Path newerReport() {
            return diffCsv.getParent();
        }
    }

    private DiffListings() {
    }

    /** The rows whose finding_id starts with {@code idPrefix}, in the report folder's diff.csv, then its neighbours'. */
    public static List<Listing> of(Path reportFolder, String idPrefix) {
        List<Listing> found = new ArrayList<>();
        for (Path folder : folders(reportFolder)) {
            Path csv = folder.resolve(DiffCsv.FILE_NAME);
            if (Files.isRegularFile(csv)) {
                found.addAll(rows(csv, idPrefix.toLowerCase(Locale.ROOT)));
            }
        }
        return found;
    }

    private static List<Path> folders(Path reportFolder) {
        List<Path> folders = new ArrayList<>();
        folders.add(reportFolder);
        Path parent = reportFolder.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            return folders;
        }
        Path self = reportFolder.toAbsolutePath().normalize();
        try (DirectoryStream<Path> next = Files.newDirectoryStream(parent, Files::isDirectory)) {
            List<Path> sorted = new ArrayList<>();
            next.forEach(sorted::add);
            sorted.sort(null);
            for (Path p : sorted) {
                if (!p.equals(self) && folders.size() <= FOLDERS_LOOKED_INTO) {
                    folders.add(reportFolder.resolveSibling(p.getFileName()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a folder that cannot be listed only means fewer places to look
        }
        return folders;
    }

    private static List<Listing> rows(Path csv, String idPrefix) {
        List<Listing> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = CSV.parse(in)) {
            if (!parser.getHeaderMap().containsKey("finding_id") || !parser.getHeaderMap().containsKey("status")) {
                return rows;
            }
            for (CSVRecord r : parser) {
                String id = r.get("finding_id");
                if (id.startsWith(idPrefix)) {
                    rows.add(new Listing(csv, id, r.get("status")));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // not a diff.csv nmaudit wrote: nothing to say from it
        }
        return rows;
    }
}
