package org.nmaudit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.facts.TrialOutcome;
import org.nmaudit.history.TestDatabase;
import org.nmaudit.scrub.ScrubRules;
import org.nmaudit.testing.CliRun;

/**
 * The routes besides the scrub: GET /v1/rules (the rules nmaudit rules list shows, with the folder's SHA-256),
 * GET /v1/health, GET /v1/openapi.json (describing every route and no other), POST /v1/history (one
 * transaction, counts), and the bearer token a server with --token-file requires of every request.
 */
class ServeApiTest {
    private static final String TOKEN = "7f3a9c0e1b2d4f6a8c0e2b4d6f8a0c2e";
    private static final String PAID_CLAIM = """
            {"claims": [{"lines": [{"claim_id": "H-1", "line_number": 1, "patient_id": "P00000010",
              "payer_type": "MEDICARE", "rendering_npi": "1536475209", "service_date": "2026-01-12",
              "cpt_code": "95972", "units": 1, "diagnosis_codes": "Z45.42;G89.4", "place_of_service": "11",
              "billed_amount": 160.00, "paid_amount": "$98.40"}]}],
             "trial_outcomes": [{"patient_id": "P00000010", "documented_date": "2026-01-13",
              "pain_relief_pct": 62, "functional_improvement": "Y"}]}
            """;

    @TempDir
    Path tmp;

    @Test
    void rulesHealthAndOpenApiDescribeTheServer() throws Exception {
        try (TestDatabase db = TestDatabase.h2(); RunningServer http = RunningServer.start(db.url())) {
            String sha = ScrubRules.fingerprint(RuleFolder.load(Path.of("rules")));
            JsonNode rules = RunningServer.json(http.get("/v1/rules"));
            assertEquals(sha, rules.get("sha256").asText());
            JsonNode listed = RunningServer.JSON.readTree(CliRun.of("rules", "list", "--format", "json").out());
            List<String> expected = new ArrayList<>();
            for (JsonNode r : listed) {
                expected.add(r.get("rule_id").asText() + " " + r.get("severity").asText() + " "
                        + r.get("rule_name").asText() + " | " + r.get("citation").asText());
            }
            List<String> served = new ArrayList<>();
            for (JsonNode r : rules.get("rules")) {
                served.add(r.get("id").asText() + " " + r.get("severity").asText() + " " + r.get("name").asText()
                        + " | " + r.get("citation").asText());
                assertTrue(Set.of("patient", "provider").contains(r.get("pass").asText()), r.toString());
                assertTrue(r.get("description").isTextual(), "every rule of the project says what it flags: " + r);
            }
            assertEquals(expected, served, "the rules nmaudit rules list shows");
            assertTrue(served.stream().anyMatch(r -> r.startsWith("NM-RATIO ")));

            JsonNode health = RunningServer.json(http.get("/v1/health"));
            assertEquals("ok", health.get("status").asText());
            assertTrue(health.get("rules").get("loaded").asBoolean());
            assertEquals(listed.size(), health.get("rules").get("finding_rules").asInt());
            assertEquals(sha, health.get("rules").get("sha256").asText());
            assertTrue(health.get("store").get("reachable").asBoolean());
            assertEquals(db.url(), health.get("store").get("location").asText());
            assertTrue(health.get("last_reload_error").isNull());

            JsonNode openApi = RunningServer.json(http.get("/v1/openapi.json"));
            assertTrue(openApi.get("openapi").asText().startsWith("3."));
            Set<String> documented = new TreeSet<>();
            openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                    method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
            assertEquals(new TreeSet<>(ScrubServer.ROUTES), documented, "every route, and no other");
            for (String route : ScrubServer.ROUTES) {
                String[] parts = route.split(" ");
                HttpResponse<String> answer = parts[0].equals("GET") ? http.get(parts[1])
                        : http.postJson(parts[1], "{}");
                assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400, route + " is served: "
                        + answer.statusCode());
            }
        }
    }

    @Test
    void historyStoresClaimsAndDocumentationInOneTransaction() throws Exception {
        try (TestDatabase db = TestDatabase.h2(); RunningServer http = RunningServer.start(db.url())) {
            JsonNode first = RunningServer.json(http.postJson("/v1/history", PAID_CLAIM));
            assertEquals(1, first.get("claims_stored").asInt(), first.toString());
            assertEquals(0, first.get("claims_replaced").asInt());
            assertEquals(1, first.get("claim_lines_stored").asInt());
            assertEquals(1, first.get("documentation_rows_added").asInt());
            List<PatientFact> stored = http.store.factsOfPatients(List.of("P00000010"));
            ClaimLine line = (ClaimLine) stored.stream().filter(ClaimLine.class::isInstance).findFirst().orElseThrow();
            assertEquals("H-1 98.40", line.getClaimId() + " " + line.getPaidAmount().toPlainString());
            assertEquals(1, stored.stream().filter(TrialOutcome.class::isInstance).count());

            JsonNode again = RunningServer.json(http.postJson("/v1/history", PAID_CLAIM));
            assertEquals(1, again.get("claims_replaced").asInt(), "a claim sent again replaces the stored one");
            assertEquals(1, again.get("documentation_rows_already_stored").asInt());
            assertEquals(0, again.get("documentation_rows_added").asInt());

            // One bad row refuses everything: nothing of the request is stored.
            String bad = PAID_CLAIM.replace("H-1", "H-2").replace("\"2026-01-13\"", "\"2026-13-01\"");
            JsonNode refused = HttpErrorsTest.error(http.postJson("/v1/history", bad), 400);
            assertEquals("/trial_outcomes/0/documented_date", refused.get("problems").get(0).get("at").asText());
            assertFalse(http.store.factsOfPatients(List.of("P00000010")).stream().anyMatch(
                    f -> f instanceof ClaimLine l && l.getClaimId().equals("H-2")));
            assertEquals("unknown field: a request has the fields claims, trial_outcomes, repeat_trial_justifications,"
                    + " programming_sessions, psych_evaluations", HttpErrorsTest.error(http.postJson("/v1/history",
                            "{\"as_of\": \"2026-01-31\", \"claims\": []}"), 400).get("problems").get(0).get("reason")
                    .asText());
        }
    }

    @Test
    void withATokenFileEveryRequestNeedsTheBearerToken() throws Exception {
        Path tokenFile = Files.writeString(tmp.resolve("token"), TOKEN + "\n");
        try (TestDatabase db = TestDatabase.h2(); RunningServer http = RunningServer.start(db.url(),
                Path.of("rules"), RunningServer.settings(1 << 20, tokenFile, Duration.ZERO))) {
            for (String path : List.of("/v1/health", "/v1/rules", "/v1/openapi.json", "/v1/nothing")) {
                HttpResponse<String> none = http.get(path);
                JsonNode body = HttpErrorsTest.error(none, 401);
                assertEquals("this server needs the header Authorization: Bearer <token>, with the token of its"
                        + " --token-file", body.get("error").asText());
                assertEquals("Bearer realm=\"nmaudit\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
            }
            HttpErrorsTest.error(http.postJson("/v1/scrub", PAID_CLAIM), 401);
            http.withToken(TOKEN.substring(1) + "0");
            HttpErrorsTest.error(http.get("/v1/health"), 401);
            http.withToken(TOKEN);
            assertEquals(200, http.get("/v1/health").statusCode());
            assertEquals(200, http.postJson("/v1/scrub", PAID_CLAIM).statusCode());
        }
    }
}
