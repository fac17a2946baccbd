package org.nmaudit.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * This run's record as a later nmaudit reads it back from run.json, so it can be compared with an earlier
 * report's run ({@link RunComparison}) before run.json is written.
 */
public final class RunRecordAsReported {
    private RunRecordAsReported() {
    }

    public static ReportedRun of(RunRecord run) {
        JsonNode json = ReportedRun.JSON.valueToTree(RunJson.of(run));
        try {
            return ReportedRun.of(json, "this run");
        } catch (ReportException e) {
            throw new IllegalStateException("run.json of this run does not read back: " + e.getMessage(), e);
        }
    }
}
