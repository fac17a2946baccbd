package org.nmaudit.scrub;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nmaudit.history.HistoryException;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;

/**
 * The claim history a scrub judges a batch against (scrubbing.md): every claim line and documentation row
 * billed before. The history store serves it from a database; a test can serve it from a data set.
 */
public interface History {
    /** The stored facts (claim lines and documentation rows) of these patients, and of no others. */
    List<PatientFact> factsOf(Collection<String> patientIds) throws HistoryException;

    /** The latest service date of the stored claim lines, leaving out the claims with these ids. */
    Optional<LocalDate> latestServiceDate(Set<String> exceptClaimIds) throws HistoryException;

    /**
     * Stores claims and documentation rows in one transaction, each claim replacing a stored claim of the
     * same id: all of them or none.
     *
     * @param source where they came from (e.g. "scrub of batches/2025-12-04"), kept with each claim
     */
    void record(List<ClaimLine> claimLines, List<PatientFact> documentation, String source) throws HistoryException;

    /** What the history is, for run.json and messages: never a password. */
    String describe();
}
