package org.nmaudit.input.x12;

import java.util.List;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.input.Reject;

/** Test helper: loaded claim lines and rejects as one line of text each, for exact list comparisons. */
final class ClaimRowText {
    private ClaimRowText() {
    }

    /** The claims.csv row of a loaded line: the data-format.md columns, blank for null. */
    static String row(ClaimLine l) {
        return String.join(",", l.getClaimId(), Integer.toString(l.getLineNumber()), l.getPatientId(),
                l.getPayerType().name(), l.getRenderingNpi(), l.getServiceDate().toString(), l.getCptCode(),
                String.join(";", l.getModifiers()), l.getUnits().toPlainString(), String.join(";", l.getDiagnosisCodes()),
                blank(l.getPlaceOfService()), blank(l.getBillType()), blank(l.getPriorAuthNumber()),
                l.getBilledAmount() == null ? "" : l.getBilledAmount().toPlainString(),
                l.getPaidAmount() == null ? "" : l.getPaidAmount().toPlainString());
    }

    static List<String> rows(List<ClaimLine> lines) {
        return lines.stream().map(ClaimRowText::row).toList();
    }

    /** file|line|column|value|reason */
    static String reject(Reject r) {
        return r.file() + "|" + r.line() + "|" + r.column() + "|" + r.value() + "|" + r.reason();
    }

    static List<String> rejects(List<Reject> rejects) {
        return rejects.stream().map(ClaimRowText::reject).toList();
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
