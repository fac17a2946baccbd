package org.nmaudit.server;

import io.javalin.http.Context;
import java.util.Set;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.findings.Severity;
import org.nmaudit.history.HistoryException;
import org.nmaudit.scrub.History;
import org.nmaudit.scrub.Recording;
import org.nmaudit.scrub.ScrubResult;

/**
 * {@code POST /v1/scrub}: the claims of the request judged against the history exactly as {@code nmaudit scrub}
 * judges a batch folder (the same Scrubber, rules, parameters and reference data), and on request the claims
 * that PASS or need REVIEW recorded, in one transaction.
 */
final class ScrubEndpoint {
    static final String JSON = "application/json";
    /** An 837 file as the body (x12-input.md), read as nmaudit scrub reads an 837 file. */
    static final String X12 = "application/edi-x12";

    private final LiveRules rules;
    private final History history;
    private final long maxBody;
    private final ScrubAdmission admission;

    ScrubEndpoint(LiveRules rules, History history, long maxBody, ScrubAdmission admission) {
        this.rules = rules;
        this.history = history;
        this.maxBody = maxBody;
        this.admission = admission;
    }

    void handle(Context ctx) throws HistoryException, RuleSetupException {
        String type = RequestBody.requireType(ctx, Set.of(JSON, X12));
        byte[] body = RequestBody.read(ctx, maxBody);
        try (ScrubAdmission.Turn turn = admission.awaitTurn()) {
            judge(ctx, type, body);
        }
    }

    /** Reads the claims, judges them, records them if asked, and writes the answer. */
    private void judge(Context ctx, String type, byte[] body) throws HistoryException, RuleSetupException {
        ClaimsRequestReader.ClaimsRequest request = type.equals(X12)
                ? X12RequestReader.read(body, ctx.queryParam("as_of"), ctx.queryParam("record"))
                : ClaimsRequestReader.read(body, ClaimsRequestReader.Purpose.SCRUB);
        LiveRules.Current judge = rules.current();
        ScrubResult result = judge.scrubber().scrub(request.batch(), history, request.asOf(), Severity.HIGH);
        Recording recording = null;
        if (request.record()) {
            recording = Recording.record(history, request.batch(), result, "POST /v1/scrub from " + ctx.ip());
        }
        Json.write(ctx, 200, ScrubResponse.of(result, judge.sha256(), recording));
    }
}
