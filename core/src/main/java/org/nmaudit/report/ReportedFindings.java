package org.nmaudit.report;

import org.nmaudit.findings.Finding;

/** A finding of this run as findings.csv writes it, to compare with a report read back from its folder. */
public final class ReportedFindings {
    private ReportedFindings() {
    }

    public static ReportedFinding of(Finding f) {
        return new ReportedFinding(f.findingId(), f.ruleId(), f.severity().name(), f.scope().name(),
                blank(f.claimId()), f.lineNumber() == null ? "" : f.lineNumber().toString(), blank(f.patientId()),
                blank(f.renderingNpi()), f.serviceDate() == null ? "" : f.serviceDate().toString(),
                Amounts.text(f.amountAtRisk()), f.message(), f.citation());
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
