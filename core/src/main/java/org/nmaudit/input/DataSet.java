package org.nmaudit.input;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.ProgrammingSession;
import org.nmaudit.facts.PsychEvaluation;
import org.nmaudit.facts.RepeatTrialJustification;
import org.nmaudit.facts.TrialOutcome;

/**
 * Everything loaded from one data folder, with what was rejected and why.
 *
 * @param files one summary per input file, in the order of data-format.md (absent ones included)
 * @param warnings header warnings and other remarks that do not reject rows
 */
public record DataSet(
        List<ClaimLine> claimLines,
        List<TrialOutcome> trialOutcomes,
        List<RepeatTrialJustification> repeatTrialJustifications,
        List<ProgrammingSession> programmingSessions,
        List<PsychEvaluation> psychEvaluations,
        List<FileSummary> files,
        List<Reject> rejects,
        List<String> warnings) {

    /** The latest service_date among loaded claim lines: the default as-of date. */
    public Optional<LocalDate> latestServiceDate() {
        LocalDate latest = null;
        for (ClaimLine line : claimLines) {
            if (latest == null || line.getServiceDate().isAfter(latest)) {
                latest = line.getServiceDate();
            }
        }
        return Optional.ofNullable(latest);
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileSummary::rowsRejected).sum();
    }

    /** Every input fact of the data set and the reference data, for one session. */
    public Iterable<Object> factsWith(ReferenceData reference) {
        return () -> Stream.concat(StreamSupport.stream(facts().spliterator(), false),
                StreamSupport.stream(reference.facts().spliterator(), false)).iterator();
    }

    /** Every fact to insert, input facts only (derived facts are the rules' work). */
    public Iterable<Object> facts() {
        return () -> Stream.of(claimLines, trialOutcomes, repeatTrialJustifications,
                programmingSessions, psychEvaluations).flatMap(List::stream).map(Object.class::cast).iterator();
    }
}
