package org.nmaudit.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes diff.csv: every finding of two reports with its status, one row each, in {@link FindingDiff#ORDER}. */
public final class DiffCsv {
    public static final String FILE_NAME = "diff.csv";
    static final String[] COLUMNS = {"status", "finding_id", "rule_id", "scope", "claim_id", "line_number",
        "patient_id", "rendering_npi", "service_date", "old_severity", "new_severity", "old_amount_at_risk",
        "new_amount_at_risk", "old_message", "new_message"};
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(COLUMNS).get();

    private DiffCsv() {
    }

    public static void write(Path file, FindingDiff diff) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, CSV)) {
            for (FindingChange c : diff.changes()) {
                ReportedFinding f = c.latest();
                ReportedFinding o = c.before();
                ReportedFinding n = c.after();
                out.printRecord(c.status().label(), f.findingId(), f.ruleId(), f.scope(), f.claimId(), f.lineNumber(),
                        f.patientId(), f.renderingNpi(), f.serviceDate(),
                        o == null ? "" : o.severity(), n == null ? "" : n.severity(),
                        o == null ? "" : o.amountAtRisk(), n == null ? "" : n.amountAtRisk(),
                        o == null ? "" : o.message(), n == null ? "" : n.message());
            }
        }
    }
}
