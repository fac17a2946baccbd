package org.nmaudit.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shape of every error answer, {@code {"status": 400, "error": "...", "problems": [...]}}: a request's
 * mistakes are 4xx with every problem located; a bug is 500 with a generic message, its stack trace only in
 * the log, so that nothing of the server's insides reaches a client.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    static void write(Context ctx, ApiException e) {
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"nmaudit\"");
        }
        Json.write(ctx, e.status(), body(e.status(), e.getMessage(), e.problems()));
    }

    /** Javalin's own answers (no route, a method the route does not take, a body over the limit) in our shape. */
    static void write(Context ctx, HttpResponseException e) {
        write(ctx, e.getStatus());
    }

    /** The answer for a status that Javalin or Jetty decided. */
    static void write(Context ctx, int status) {
        String message = switch (status) {
            case 404 -> "no such route: " + ctx.method() + " " + ctx.path() + " (the routes are listed by GET"
                    + " /v1/openapi.json)";
            case 405 -> ctx.method() + " is not allowed on " + ctx.path() + " (the routes are listed by GET"
                    + " /v1/openapi.json)";
            case 413 -> "the body is larger than this server accepts (--max-body); send fewer claims per request";
            default -> "the request cannot be served (HTTP " + status + ")";
        };
        Json.write(ctx, status, body(status, message, List.of()));
    }

    /**
     * The history store failed (unreachable, refusing the credentials, a failed transaction): 503, with the
     * store's message, which names the database but never a password. Nothing was recorded: each write is one
     * transaction.
     */
    static void storeUnavailable(Context ctx, org.nmaudit.history.HistoryException e) {
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        Json.write(ctx, 503, body(503, e.getMessage() + "; nothing was recorded: try again later", List.of()));
    }

    static void internal(Context ctx, Exception e) {
        LOG.error("internal error serving {} {}", ctx.method(), ctx.path(), e);
        Json.write(ctx, 500, body(500, "internal error: the request could not be served; the server's log has the"
                + " details", List.of()));
    }

    static Map<String, Object> body(int status, String message, List<RequestProblem> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        body.put("problems", problems);
        return body;
    }
}
