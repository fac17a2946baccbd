package org.nmaudit.input;

import org.nmaudit.facts.PatientFact;

/**
 * Where the rows of a data set go as they are read and validated: each loaded row as a fact, each
 * problem of a rejected row as a reject. Nothing is held by the reader, so a data set of any size is read
 * in constant memory; what the sink keeps is the sink's business (a list for a small data set, partition
 * files for an audit, a database for a history import).
 */
public interface InputSink {
    void loaded(PatientFact fact);

    void rejected(Reject reject);

    /**
     * Every row of claims.csv, loaded or rejected, after {@link #loaded} or {@link #rejected} for it. Only a
     * scrub needs it: it rejects a claim whose any line is rejected.
     */
    default void claimRow(ClaimRow row) {
    }
}
