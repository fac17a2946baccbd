package org.nmaudit.server;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.scrub.ScrubRules;
import org.nmaudit.scrub.StoreHistory;

/**
 * {@code nmaudit serve}: pre-submission scrubbing as a JSON API over HTTP (scrubbing.md, "Over HTTP"). The rules
 * are compiled once at start and shared by every request (each request gets sessions of its own); the history
 * store's connection pool is shared too. Every answer is JSON, errors included.
 */
public final class ScrubServer implements AutoCloseable {
    /** Every route the server answers; the OpenAPI document describes each (a test holds it to that). */
    public static final List<String> ROUTES = List.of("POST /v1/scrub", "POST /v1/history", "GET /v1/rules",
            "GET /v1/health", "GET /v1/openapi.json");
    static final String OPENAPI_RESOURCE = "/org/nmaudit/server/openapi.json";

    /**
     * How the server listens.
     *
     * @param bind the address to listen on (127.0.0.1 unless told otherwise)
     * @param port the port; 0 picks a free one
     * @param maxBodyBytes a larger request body is refused with 413
     * @param tokenFile the file of the bearer token every request must carry, or null (loopback only)
     * @param rulesPoll how often the rules folder is looked at for changes; zero: never
     */
    public record Settings(String bind, int port, long maxBodyBytes, Path tokenFile, Duration rulesPoll) {
        public static final String LOOPBACK = "127.0.0.1";
        public static final long DEFAULT_MAX_BODY = 1L << 20;

        /**
         * What keeps the server from starting with these settings, or null: a bind beyond the loopback address
         * without a token would let anyone on the network read and write claim data.
         */
        public String problem() {
            if (maxBodyBytes < 1) {
                return "--max-body must be at least 1 byte";
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(bind);
            } catch (UnknownHostException e) {
                return "--bind " + bind + " is not an address of this machine";
            }
            if (!address.isLoopbackAddress() && tokenFile == null) {
                return "--bind " + bind + " listens beyond this machine: give --token-file FILE too (a file holding"
                        + " the bearer token that every request must send), or bind " + LOOPBACK;
            }
            return null;
        }
    }

    private final Javalin app;
    private final LiveRules rules;
    private final String bind;

    private ScrubServer(Javalin app, LiveRules rules, String bind) {
        this.app = app;
        this.rules = rules;
        this.bind = bind;
    }

    /**
     * Compiles the rules and starts listening.
     *
     * @param console told of each switch to new rules of the folder
     * @throws RuleSetupException the rules do not compile (nothing listens then)
     * @throws IOException the token file cannot be read
     * @throws IllegalArgumentException the settings have a {@link Settings#problem()}, or the token file holds no
     *     usable token
     */
    public static ScrubServer start(Settings settings, ScrubRules choice, ReferenceData reference, HistoryStore store,
            Consumer<String> console) throws RuleSetupException, IOException {
        String problem = settings.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        BearerToken token = settings.tokenFile() == null ? null : BearerToken.fromFile(settings.tokenFile());
        LiveRules rules = LiveRules.start(choice, reference, settings.rulesPoll(), console);
        try {
            Javalin app = app(settings, token, rules, store);
            app.start(settings.bind(), settings.port());
            return new ScrubServer(app, rules, settings.bind());
        } catch (RuntimeException e) {
            rules.close();
            throw e;
        }
    }

    private static Javalin app(Settings settings, BearerToken token, LiveRules rules, HistoryStore store) {
        ScrubEndpoint scrub = new ScrubEndpoint(rules, new StoreHistory(store), settings.maxBodyBytes(),
                ScrubAdmission.perCore());
        HistoryEndpoint history = new HistoryEndpoint(store, settings.maxBodyBytes());
        StatusEndpoints status = new StatusEndpoints(rules, store);
        byte[] openApi = openApiDocument();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = Json.CONTENT_TYPE;
            config.http.maxRequestSize = settings.maxBodyBytes();
            if (token != null) {
                config.routes.before(ctx -> {
                    if (!token.admits(ctx.header("Authorization"))) {
                        throw new ApiException(401, "this server needs the header Authorization: Bearer <token>,"
                                + " with the token of its --token-file");
                    }
                });
            }
            config.routes.post("/v1/scrub", scrub::handle);
            config.routes.post("/v1/history", history::handle);
            config.routes.get("/v1/rules", status::rules);
            config.routes.get("/v1/health", status::health);
            config.routes.get("/v1/openapi.json", ctx -> ctx.status(200).contentType(Json.CONTENT_TYPE)
                    .result(openApi));
            config.routes.exception(ApiException.class, (e, ctx) -> ErrorResponses.write(ctx, e));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> ErrorResponses.write(ctx, e));
            config.routes.exception(HistoryException.class, (e, ctx) -> ErrorResponses.storeUnavailable(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> ErrorResponses.internal(ctx, e));
            config.routes.error(404, ctx -> ErrorResponses.write(ctx, 404));
            config.routes.error(405, ctx -> ErrorResponses.write(ctx, 405));
        });
    }

    private static byte[] openApiDocument() {
        try (InputStream in = ScrubServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(OPENAPI_RESOURCE + " cannot be read", e);
        }
    }

    public int port() {
        return app.port();
    }

    /** The base URL, e.g. http://127.0.0.1:8080 */
    public String url() {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return "http://" + host + ":" + port();
    }

    /** The rules in use: how many finding rules, and their SHA-256. */
    public String rulesSummary() {
        LiveRules.Current current = rules.current();
        return current.rules().findingRuleIds() + " finding rules from " + current.loaded().folder().displayPath()
                + ", SHA-256 " + current.sha256();
    }

    /** Package access for tests: the rules, to check the folder without waiting for the poller. */
    LiveRules liveRules() {
        return rules;
    }

    @Override
    public void close() {
        app.stop();
        rules.close();
    }
}
