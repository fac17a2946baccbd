package org.nmaudit.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One thing wrong with a request, located so that a billing clerk can fix it: the claim and line it is in (as
 * the request named them), the field, the value sent and why it is refused. {@code at} points at the exact
 * place in the request body (a JSON Pointer, RFC 6901), for a program that built it.
 *
 * @param claim the claim_id of the claim the problem is in, as sent; null outside a claim or when blank
 * @param line the line_number of the claim line, as sent; null outside a claim line or when blank
 * @param field the field at fault; null when the problem is the whole row or the body
 * @param value the value sent, as text; null when there is none
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RequestProblem(
        @JsonProperty("claim") String claim,
        @JsonProperty("line") String line,
        @JsonProperty("field") String field,
        @JsonProperty("value") String value,
        @JsonProperty("reason") String reason,
        @JsonProperty("at") String at) {

    /** A problem of the body as a whole (not JSON, not an object). */
    static RequestProblem ofBody(String reason) {
        return new RequestProblem(null, null, null, null, reason, "");
    }
}
