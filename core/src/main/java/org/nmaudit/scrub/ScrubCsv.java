package org.nmaudit.scrub;

import java.io.IOException;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** scrub.csv (scrubbing.md, "Outputs"): one row per claim of the batch, in the order of its first row. */
public final class ScrubCsv {
    public static final String FILE_NAME = "scrub.csv";
    static final String[] COLUMNS = {"claim_id", "patient_id", "verdict", "findings", "highest_severity",
        "billed_amount", "first_message"};
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(COLUMNS).get();

    private ScrubCsv() {
    }

    public static void write(Path file, List<ClaimVerdict> verdicts) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter out = new CSVPrinter(w, CSV)) {
            for (ClaimVerdict v : verdicts) {
                out.printRecord(v.claimId(), v.claim().patientId(), v.verdict().name(), v.findings().size(),
                        v.highest() == null ? "" : v.highest().name(),
                        v.billed() == null ? "" : v.billed().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        v.firstMessage() == null ? "" : v.firstMessage());
            }
        }
    }
}
