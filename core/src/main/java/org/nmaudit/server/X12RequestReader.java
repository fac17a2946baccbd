package org.nmaudit.server;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nmaudit.input.InputException;
import org.nmaudit.input.Reject;
import org.nmaudit.scrub.BatchClaim;
import org.nmaudit.scrub.ScrubBatch;

/**
 * The body of {@code POST /v1/scrub} as {@code application/edi-x12}: one 837 file, read by the same reader as
 * {@code nmaudit scrub FILE.837} (x12-input.md), so its claims get the same verdicts. The options a JSON body
 * carries come as query parameters ({@code ?as_of=2026-01-31&record=true}).
 *
 * <p>As for JSON, any rejected line refuses the whole request (400) with every problem: its claim, the field,
 * the value and the reason, which names the loop and element (e.g. "2400 SV1-02: ..."); {@code at} is the
 * segment ("segment 14", counted from ISA as 1).
 */
final class X12RequestReader {
    /** The name rejects give the body, as a file's name would be given. */
    static final String BODY_NAME = "request.837";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private X12RequestReader() {
    }

    static ClaimsRequestReader.ClaimsRequest read(byte[] body, String asOfParameter, String recordParameter) {
        List<RequestProblem> problems = new ArrayList<>();
        LocalDate asOf = null;
        if (asOfParameter != null && !asOfParameter.isBlank()) {
            try {
                asOf = LocalDate.parse(asOfParameter.trim(), DATE);
            } catch (DateTimeParseException e) {
                problems.add(new RequestProblem(null, null, "as_of", asOfParameter, "the query parameter as_of must be"
                        + " a date yyyy-MM-dd, e.g. 2026-01-31", "?as_of"));
            }
        }
        boolean record = false;
        if (recordParameter != null) {
            switch (recordParameter.trim()) {
                case "true" -> record = true;
                case "false", "" -> record = false;
                default -> problems.add(new RequestProblem(null, null, "record", recordParameter, "the query parameter"
                        + " record must be true or false", "?record"));
            }
        }
        ScrubBatch batch;
        try {
            batch = ScrubBatch.readX12(BODY_NAME, body);
        } catch (InputException e) {
            problems.add(RequestProblem.ofBody(e.getMessage()));
            throw refused(problems);
        }
        Set<Reject> placed = new HashSet<>();
        for (BatchClaim claim : batch.claims()) {
            for (Reject r : claim.rejects()) {
                placed.add(r);
                problems.add(problem(claim.claimId(), r));
            }
        }
        for (Reject r : batch.rejects()) {
            if (!placed.contains(r)) {
                problems.add(problem(claimAround(batch.claims(), r.line()), r));
            }
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        return new ClaimsRequestReader.ClaimsRequest(batch, asOf, record);
    }

    /**
     * The rejected claim a reject at this segment belongs to, or null when that cannot be told. An X12 reject
     * names the segment of the cell at fault (an SV1, a DTP), not the claim line's LX that a rejected claim is
     * known by, so it is placed by order: the claims keep the file's order, and the loaded ones know their first
     * line's segment; the rejected claim between the loaded claims around the segment is the one, when it is
     * the only one there.
     */
    static String claimAround(List<BatchClaim> claims, long segment) {
        int before = -1;
        for (int i = 0; i < claims.size(); i++) {
            BatchClaim c = claims.get(i);
            if (!c.rejected() && !c.lines().isEmpty() && c.lines().get(0).getSourceLine() <= segment) {
                before = i;
            }
        }
        String candidate = null;
        for (int i = before + 1; i < claims.size() && (claims.get(i).rejected() || claims.get(i).lines().isEmpty()); i++) {
            if (candidate != null) {
                return null; // two rejected claims side by side: the segment alone does not say which
            }
            candidate = claims.get(i).claimId();
        }
        return candidate;
    }

    private static RequestProblem problem(String claimId, Reject r) {
        return new RequestProblem(claimId, null, r.column().isEmpty() ? null : r.column(), r.value(), r.reason(),
                "segment " + r.line());
    }

    private static ApiException refused(List<RequestProblem> problems) {
        return new ApiException(400, problems.size() + " problem(s) in the 837 file; nothing was done: fix them and"
                + " send it again", problems);
    }
}
