package org.nmaudit.report;

/**
 * One row of a report's findings.csv, as text exactly as the file has it (blank cells are "").
 *
 * @param lineNumber the claim line number, "" for provider scope
 * @param amountAtRisk plain digits such as 29617.00, or ""
 */
public record ReportedFinding(
        String findingId,
        String ruleId,
        String severity,
        String scope,
        String claimId,
        String lineNumber,
        String patientId,
        String renderingNpi,
        String serviceDate,
        String amountAtRisk,
        String message,
        String citation) {

    /** What the finding is about, in words: "claim C1 line 2" or "rendering NPI 1234567893". */
    public String subject() {
        return claimId.isEmpty() ? "rendering NPI " + renderingNpi : "claim " + claimId + " line " + lineNumber;
    }

    /** The claim line number for sorting; 0 for provider scope (or a number that does not parse). */
    public int lineNumberValue() {
        try {
            return lineNumber.isEmpty() ? 0 : Integer.parseInt(lineNumber.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
