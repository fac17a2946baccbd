package org.nmaudit.history;

/** How many rows the store holds, table by table: for a health check and the console. */
public record StoreCounts(long batches, long claims, long claimLines, long trialOutcomes,
        long repeatTrialJustifications, long programmingSessions, long psychEvaluations) {

    public long documentationRows() {
        return trialOutcomes + repeatTrialJustifications + programmingSessions + psychEvaluations;
    }
}
