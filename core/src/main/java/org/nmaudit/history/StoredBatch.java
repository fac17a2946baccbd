package org.nmaudit.history;

import java.time.Instant;

/**
 * What one write (an import, or claims recorded by a scrub or the API) stored, as its row of the batches
 * table says.
 *
 * @param claimsStored claims written, each with all its lines
 * @param claimsReplaced of those, claims whose claim_id was already stored (the stored version went)
 * @param documentationRowsAlreadyStored rows not added because an identical row was already stored (or came
 *     earlier in the same write)
 */
public record StoredBatch(long batchId, String kind, String source, Instant storedAt, long claimsStored,
        long claimsReplaced, long claimLinesStored, long documentationRowsAdded, long documentationRowsAlreadyStored) {
    /** kind of an import of a data set. */
    public static final String IMPORT = "IMPORT";
    /** kind of claims and documentation recorded by a scrub or the API. */
    public static final String RECORD = "RECORD";
}
