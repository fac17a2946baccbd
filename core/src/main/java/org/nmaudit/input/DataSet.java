package org.nmaudit.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.facts.ProgrammingSession;
import org.nmaudit.facts.PsychEvaluation;
import org.nmaudit.facts.RepeatTrialJustification;
import org.nmaudit.facts.TrialOutcome;

/**
 * A data set held in memory: every loaded row, with what was rejected and why. For small data (a rule test
 * case, a scrub batch); an audit streams its rows instead ({@link DataSetReader#read(java.nio.file.Path,
 * InputSink)}).
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

    /** Every loaded row as a patient fact, in the order of the files. */
    public List<PatientFact> patientFacts() {
        List<PatientFact> all = new ArrayList<>();
        all.addAll(claimLines);
        all.addAll(trialOutcomes);
        all.addAll(repeatTrialJustifications);
        all.addAll(programmingSessions);
        all.addAll(psychEvaluations);
        return all;
    }

    /** Collects a streamed read into lists. */
    static final class Builder implements InputSink {
        private final ArrayList<ClaimLine> claims = new ArrayList<>();
        private final List<TrialOutcome> outcomes = new ArrayList<>();
        private final List<RepeatTrialJustification> justifications = new ArrayList<>();
        private final List<ProgrammingSession> sessions = new ArrayList<>();
        private final List<PsychEvaluation> evaluations = new ArrayList<>();
        private final List<Reject> rejects = new ArrayList<>();

        @Override
        public void loaded(PatientFact fact) {
            if (fact instanceof ClaimLine c) {
                claims.add(c);
            } else if (fact instanceof TrialOutcome o) {
                outcomes.add(o);
            } else if (fact instanceof RepeatTrialJustification j) {
                justifications.add(j);
            } else if (fact instanceof ProgrammingSession s) {
                sessions.add(s);
            } else if (fact instanceof PsychEvaluation e) {
                evaluations.add(e);
            } else {
                throw new IllegalArgumentException("not an input fact: " + fact.getClass().getName());
            }
        }

        @Override
        public void rejected(Reject reject) {
            rejects.add(reject);
        }

        DataSet build(DataSetSummary summary) {
            claims.trimToSize();
            return new DataSet(claims, outcomes, justifications, sessions, evaluations, summary.files(), rejects,
                    summary.warnings());
        }
    }
}
