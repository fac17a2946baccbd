package org.nmaudit.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/** A request body, read only when its content type is one the route takes and within the size limit. */
final class RequestBody {
    private RequestBody() {
    }

    /** The media type of the request (application/json), without parameters, lower case; "" when none. */
    static String mediaType(Context ctx) {
        String header = ctx.header("Content-Type");
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Refuses (415) a content type the route does not take. */
    static String requireType(Context ctx, Set<String> accepted) {
        String type = mediaType(ctx);
        if (!accepted.contains(type)) {
            throw new ApiException(415, (type.isEmpty() ? "the request has no Content-Type" : "Content-Type " + type
                    + " is not accepted here") + ": send " + String.join(" or ", accepted.stream().sorted().toList()));
        }
        return type;
    }

    /**
     * The body, refused (413) when it is larger than {@code maxBytes}: a Content-Length over it is refused before
     * anything is read, and a body sent without one is read no further than the limit.
     */
    static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared, maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(-1, maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException tooLarge(long declared, long maxBytes) {
        return new ApiException(413, "the body" + (declared > 0 ? " (" + String.format(Locale.ROOT, "%,d", declared)
                + " bytes)" : "") + " is larger than the " + String.format(Locale.ROOT, "%,d", maxBytes) + " bytes this"
                + " server accepts (--max-body): send fewer claims per request");
    }
}
