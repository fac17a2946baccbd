package org.nmaudit.input.x12;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.input.ClaimLineValidator;
import org.nmaudit.input.FileSummary;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.Reject;

/** Test fixture: reads X12 files through {@link X12DataFiles} with a fresh validator and keeps all it gave. */
record X12Harness(List<String> rows, List<String> rejects, List<String> warnings, List<FileSummary> files,
        List<ClaimLine> lines) {

    /** Reads files given as name, text, name, text ... written into {@code dir}. */
    static X12Harness read(Path dir, String... namesAndTexts) throws InputException {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            paths.add(X12Text.write(dir, namesAndTexts[i], namesAndTexts[i + 1]));
        }
        List<ClaimLine> lines = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        X12Reading reading = new X12DataFiles(ReadProgress.SILENT).read(paths, new ClaimLineValidator(), lines::add,
                rejects::add);
        return new X12Harness(ClaimRowText.rows(lines), ClaimRowText.rejects(rejects), reading.warnings(),
                reading.files(), lines);
    }

    /** "read loaded rejected" of each file. */
    List<String> counts() {
        return files.stream().map(f -> f.fileName() + " " + f.rowsRead() + " " + f.rowsLoaded() + " "
                + f.rowsRejected()).toList();
    }
}
