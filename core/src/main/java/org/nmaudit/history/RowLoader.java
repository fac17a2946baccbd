package org.nmaudit.history;

import java.sql.SQLException;
import java.util.List;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;

/**
 * How a batch's rows reach the tables, chunk by chunk, inside the writer's transaction. The writer has
 * already checked the rows and dropped documentation rows repeated within the batch.
 */
interface RowLoader extends AutoCloseable {
    /**
     * Lines of the batch. Stored lines of their claim ids that an earlier batch stored go: the batch's claim
     * replaces them as a whole.
     */
    void claimLines(List<ClaimLine> lines) throws SQLException;

    /** Documentation rows of one table, with their row keys, none repeated within the batch. */
    void documentation(DocumentationTable<?> table, List<Keyed> rows) throws SQLException;

    /** Everything is in the tables (still uncommitted). */
    Result finish() throws SQLException;

    @Override
    void close() throws SQLException;

    /** A documentation row with its row_key. */
    record Keyed(String key, PatientFact fact) {
    }

    /**
     * @param claimsReplaced stored claims whose lines the batch removed
     * @param documentationAdded rows inserted
     * @param documentationAlreadyStored rows not inserted: an identical row was stored before the batch
     */
    record Result(long claimsReplaced, long documentationAdded, long documentationAlreadyStored) {
    }
}
