package org.nmaudit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceReader;
import org.nmaudit.scrub.ScrubRules;

/**
 * A real server for a test: started in this JVM on a free loopback port over a history store, called through
 * java.net.http like any client, stopped (with its store) at close.
 */
final class RunningServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final ScrubServer server;
    final HistoryStore store;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    private RunningServer(ScrubServer server, HistoryStore store) {
        this.server = server;
        this.store = store;
    }

    /** A server with the project's rules and reference data, no token, the folder not watched. */
    static RunningServer start(String dbUrl) throws Exception {
        return start(dbUrl, Path.of("rules"), settings(ScrubServer.Settings.DEFAULT_MAX_BODY, null, Duration.ZERO));
    }

    static ScrubServer.Settings settings(long maxBody, Path tokenFile, Duration poll) {
        return new ScrubServer.Settings("127.0.0.1", 0, maxBody, tokenFile, poll);
    }

    static RunningServer start(String dbUrl, Path rules, ScrubServer.Settings settings) throws Exception {
        HistoryStore store = HistoryStore.open(dbUrl);
        try {
            ScrubServer server = ScrubServer.start(settings, new ScrubRules(rules, List.of(), RuleSelection.ALL, false),
                    new ReferenceReader(ReadProgress.SILENT).read(Path.of("data", "reference")), store, line -> { });
            return new RunningServer(server, store);
        } catch (Exception | Error e) {
            store.close();
            throw e;
        }
    }

    RunningServer withToken(String bearer) {
        this.token = bearer;
        return this;
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, Object body) throws IOException, InterruptedException {
        return post(path, "application/json", body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
