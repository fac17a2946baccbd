package org.nmaudit.scrub;

import java.io.IOException;
import java.math.RoundingMode;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.nmaudit.report.SpreadsheetSafeCsv;

/**
 * scrub.csv (scrubbing.md, "Outputs"): one row per claim of the batch, in the order of its first row, text
 * cells formula-safe as in every CSV nmaudit writes.
 */
public final class ScrubCsv {
    public static final String[] COLUMNS = {"claim_id", "patient_id", "verdict", "findings", "highest_severity",
        "billed_amount", "first_message"};

    private ScrubCsv() {
    }

    public static void print(CSVPrinter out, List<ClaimVerdict> verdicts) throws IOException {
        for (ClaimVerdict v : verdicts) {
            out.printRecord(SpreadsheetSafeCsv.text(v.claimId()), SpreadsheetSafeCsv.text(v.claim().patientId()),
                    v.verdict().name(), v.findings().size(), v.highest() == null ? "" : v.highest().name(),
                    v.billed() == null ? "" : v.billed().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    SpreadsheetSafeCsv.text(v.firstMessage()));
        }
    }
}
