package org.nmaudit.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.history.StoredBatch;
import org.nmaudit.scrub.BatchClaim;
import org.nmaudit.scrub.ScrubBatch;

/**
 * {@code POST /v1/history}: claims and documentation rows added to the history (a claim once it is paid, a
 * trial outcome once documented), validated as a scrub's and stored in one transaction: each claim replaces a
 * stored claim of the same id, a documentation row identical to a stored one is not added twice. Nothing is
 * judged.
 */
final class HistoryEndpoint {
    private final HistoryStore store;
    private final long maxBody;

    HistoryEndpoint(HistoryStore store, long maxBody) {
        this.store = store;
        this.maxBody = maxBody;
    }

    void handle(Context ctx) throws HistoryException {
        RequestBody.requireType(ctx, Set.of(ScrubEndpoint.JSON));
        byte[] body = RequestBody.read(ctx, maxBody);
        ScrubBatch batch = ClaimsRequestReader.read(body, ClaimsRequestReader.Purpose.HISTORY).batch();
        List<ClaimLine> lines = new ArrayList<>();
        for (BatchClaim claim : batch.claims()) {
            lines.addAll(claim.lines());
        }
        StoredBatch stored = store.record(lines, batch.documentation(), "POST /v1/history from " + ctx.ip());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("batch_id", stored.batchId());
        answer.put("claims_stored", stored.claimsStored());
        answer.put("claims_replaced", stored.claimsReplaced());
        answer.put("claim_lines_stored", stored.claimLinesStored());
        answer.put("documentation_rows_added", stored.documentationRowsAdded());
        answer.put("documentation_rows_already_stored", stored.documentationRowsAlreadyStored());
        Json.write(ctx, 200, answer);
    }
}
