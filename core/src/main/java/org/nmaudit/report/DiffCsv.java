package org.nmaudit.report;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes diff.csv: every finding of two reports with its status, one row each, in {@link FindingDiff#ORDER}. */
public final class DiffCsv {
    public static final String FILE_NAME = "diff.csv";
    static final String[] COLUMNS = {"status", "finding_id", "rule_id", "scope", "claim_id", "line_number",
        "patient_id", "rendering_npi", "service_date", "old_severity", "new_severity", "old_amount_at_risk",
        "new_amount_at_risk", "old_message", "new_message"};
    private static final CSVFormat CSV = SpreadsheetSafeCsv.FORMAT.builder().setHeader(COLUMNS).get();

    private DiffCsv() {
    }

    /**
     * Writes the file in one step (AtomicFile): it is the previous diff.csv or the complete new one, never
     * a part. Text cells are formula-safe (SpreadsheetSafeCsv); line numbers and amounts are plain.
     */
    public static void write(Path file, FindingDiff diff) throws IOException {
        AtomicFile.write(file, w -> {
            CSVPrinter out = new CSVPrinter(w, CSV);
            for (FindingChange c : diff.changes()) {
                ReportedFinding f = c.latest();
                ReportedFinding o = c.before();
                ReportedFinding n = c.after();
                out.printRecord(c.status().label(), text(f.findingId()), text(f.ruleId()), text(f.scope()),
                        text(f.claimId()), SpreadsheetSafeCsv.number(f.lineNumber()), text(f.patientId()),
                        text(f.renderingNpi()),
                        text(f.serviceDate()), o == null ? "" : text(o.severity()), n == null ? "" : text(n.severity()),
                        o == null ? "" : SpreadsheetSafeCsv.number(o.amountAtRisk()),
                        n == null ? "" : SpreadsheetSafeCsv.number(n.amountAtRisk()),
                        o == null ? "" : text(o.message()), n == null ? "" : text(n.message()));
            }
            out.flush();
        });
    }

    private static String text(String value) {
        return SpreadsheetSafeCsv.text(value);
    }
}
