package org.nmaudit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.history.TestDatabase;

/**
 * Every way a request can be wrong gets its status and the one JSON error shape, never a 500 for a client's
 * mistake: malformed JSON, wrong types, unknown fields and every value the claims.csv validation rejects (400,
 * each problem located), a body over --max-body (413), a content type the route does not take (415), no such
 * route (404), a method the route does not take (405); and a bug is 500 with a generic message.
 */
class HttpErrorsTest {
    private static final long MAX_BODY = 16 * 1024;
    private static final String GOOD_LINE = """
            {"claim_id": "E-1", "line_number": "1", "patient_id": "P00000010", "payer_type": "MEDICARE",
             "rendering_npi": "1536475209", "service_date": "2026-01-12", "cpt_code": "95972", "units": "1",
             "diagnosis_codes": "Z45.42;G89.4", "place_of_service": "11", "billed_amount": "$160.00"}""";

    @TempDir
    static Path tmp;
    private static TestDatabase db;
    private static RunningServer http;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.h2();
        // The project's rules plus one that fails while firing on claim BOOM-1: a bug, as far as a client can tell.
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        try (var files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Files.writeString(rules.resolve("zz-fails.drl"), """
                package rules;
                import org.nmaudit.facts.*;
                global org.nmaudit.findings.Flag flag;
                rule "NM-FAILS: fails while firing"
                    @id(NM-FAILS)
                    @severity(LOW)
                    @citation("test")
                when
                    $line : ClaimLine(claimId == "BOOM-1")
                then
                    flag.line(kcontext, $line, "secret " + Integer.parseInt("not-a-number"));
                end
                """);
        http = RunningServer.start(db.url(), rules, RunningServer.settings(MAX_BODY, null, Duration.ZERO));
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        db.close();
    }

    @Test
    void malformedJsonIs400WithWhereItBreaks() throws Exception {
        JsonNode body = error(http.postJson("/v1/scrub", "{\"claims\": [{\"lines\": [}]}"), 400);
        JsonNode problem = body.get("problems").get(0);
        assertTrue(problem.get("reason").asText().startsWith("the body is not valid JSON (line 1, column 24): "),
                problem.toString());
        assertEquals("", problem.get("at").asText());
        assertEquals(400, body.get("status").asInt());
        assertEquals("1 problem(s) in the request; nothing was done: fix them and send it again",
                body.get("error").asText());
        assertEquals("the body is not valid JSON (line 1, column 24): Duplicate field 'claims'",
                error(http.postJson("/v1/scrub", "{\"claims\": [], \"claims\": []}"), 400).get("problems").get(0)
                        .get("reason").asText());
        assertEquals("the body is empty: send a JSON object {\"claims\": [...]}",
                error(http.postJson("/v1/scrub", ""), 400).get("problems").get(0).get("reason").asText());
    }

    @Test
    void everyWrongTypeAndUnknownFieldIsListedAtOnce() throws Exception {
        String request = """
                {"claimz": [], "as_of": "31/01/2026", "record": "yes",
                 "claims": [{"lines": [%s], "note": "x"},
                            {"lines": [{"claim_id": "E-2", "line_number": 1, "patient_id": "P00000010",
                              "payer_type": "MEDICARE", "rendering_npi": "1536475209", "service_date": "2026-01-12",
                              "cpt_code": "95972", "units": [1], "diagnosis_codes": ["Z45.42", "G89.4"],
                              "cpt": "95972"}]}],
                 "programming_sessions": [{"patient_id": "P00000010", "session_date": {"day": 12}}]}
                """.formatted(GOOD_LINE);
        JsonNode body = error(http.postJson("/v1/scrub", request), 400);
        assertEquals(List.of(
                "null|null|claimz|[]|/claimz|unknown field: a request has the fields claims, as_of, record,"
                        + " trial_outcomes, repeat_trial_justifications, programming_sessions, psych_evaluations",
                "null|null|as_of|31/01/2026|/as_of|as_of must be a date yyyy-MM-dd, e.g. \"2026-01-31\" (leave it out"
                        + " for the latest service_date of the history and the claims)",
                "null|null|record|yes|/record|record must be true or false",
                "null|null|note|x|/claims/0/note|unknown field: a claim has only \"lines\", each line with the"
                        + " claims.csv fields (claim_id among them)",
                "E-2|1|units|[1]|/claims/1/lines/0/units|units must be a text or a number, as its claims.csv cell,"
                        + " not a list (a list is one text separated by ;, e.g. \"Z45.42;G89.4\")",
                "E-2|1|diagnosis_codes|[\"Z45.42\",\"G89.4\"]|/claims/1/lines/0/diagnosis_codes|diagnosis_codes must"
                        + " be a text or a number, as its claims.csv cell, not a list (a list is one text separated by"
                        + " ;, e.g. \"Z45.42;G89.4\")",
                "E-2|1|cpt|95972|/claims/1/lines/0/cpt|unknown field: a row of claims.csv has the fields claim_id,"
                        + " line_number, patient_id, payer_type, rendering_npi, service_date, cpt_code, modifiers, units,"
                        + " diagnosis_codes, place_of_service, bill_type, prior_auth_number, billed_amount, paid_amount",
                "null|null|session_date|{\"day\":12}|/programming_sessions/0/session_date|session_date must be a text"
                        + " or a number, as its programming-sessions.csv cell, not an object",
                "null|null|performed_by||/programming_sessions/0/performed_by|performed_by is required and is blank"),
                problems(body));
    }

    @Test
    void everyValueTheCsvValidationRejectsIsLocated() throws Exception {
        String request = """
                {"claims": [{"lines": [
                  {"claim_id": "E-3", "line_number": "1", "patient_id": "P00000010", "payer_type": "MEDICAL",
                   "rendering_npi": "1234567890", "service_date": "2026-02-30", "cpt_code": "9597",
                   "modifiers": "KX;ABC", "units": "-1", "billed_amount": "12,34"},
                  {"claim_id": "E-3", "line_number": "2", "patient_id": "P00000010", "payer_type": "MEDICARE",
                   "rendering_npi": "1536475209", "service_date": "2026-01-12", "cpt_code": "95972"},
                  {"claim_id": "E-3", "line_number": 2, "patient_id": "P00000010", "payer_type": "MEDICARE",
                   "rendering_npi": "1536475209", "service_date": "2026-01-12", "cpt_code": "95972"},
                  {"claim_id": "E-4", "line_number": "1", "patient_id": "P00000010", "payer_type": "MEDICARE",
                   "rendering_npi": "1536475209", "service_date": "2026-01-12", "cpt_code": "95972"}]},
                 {"lines": [{"claim_id": "E-3", "line_number": "3", "patient_id": "P00000010",
                   "payer_type": "MEDICARE", "rendering_npi": "1536475209", "service_date": "2026-01-12",
                   "cpt_code": "95972"}]}]}
                """;
        JsonNode body = error(http.postJson("/v1/scrub", request), 400);
        // The reasons are the claims.csv validation's own, word for word (the same cell formats as a CSV file);
        // "line 2" of a duplicate counts the request's claim lines, as a CSV file's physical lines are counted.
        assertEquals(List.of(
                "E-3|1|payer_type|MEDICAL|/claims/0/lines/0/payer_type|" + csvReason("payer_type", "MEDICAL"),
                "E-3|1|rendering_npi|1234567890|/claims/0/lines/0/rendering_npi|rendering_npi 1234567890 fails the NPI"
                        + " check digit",
                "E-3|1|service_date|2026-02-30|/claims/0/lines/0/service_date|service_date 2026-02-30 is not a real"
                        + " calendar date",
                "E-3|1|cpt_code|9597|/claims/0/lines/0/cpt_code|cpt_code 9597 is not a procedure code: 5 digits (CPT),"
                        + " 4 digits and T, F or U (CPT category III/II/PLA), or a letter and 4 digits (HCPCS)",
                "E-3|1|modifiers|KX;ABC|/claims/0/lines/0/modifiers|modifiers KX;ABC contains 'ABC', which is not a"
                        + " modifier: each is exactly two letters or digits, separated by ;",
                "E-3|1|units|-1|/claims/0/lines/0/units|units -1 must be a number greater than 0 (e.g. 1 or 2)",
                "E-3|1|billed_amount|12,34|/claims/0/lines/0/billed_amount|billed_amount 12,34 is not a dollar amount;"
                        + " write e.g. 407.00, $29,617.00 or -12.50 (thousands separators only in groups of three)",
                "E-3|2|line_number|2|/claims/0/lines/2/line_number|claim E-3 line 2 duplicates the row already loaded"
                        + " from line 2; each (claim_id, line_number) must be unique",
                "E-4|1|claim_id|E-4|/claims/0/lines/3/claim_id|this line names claim E-4 but the claim's first line"
                        + " names E-3: each claim's lines go in a claim of their own",
                "E-3|3|claim_id|E-3|/claims/1/lines/0/claim_id|claim E-3 is also sent as claim 1 of the request: send"
                        + " all lines of a claim in one claim"),
                problems(body));
    }

    /** The reason the CSV path gives a bad cell of claims.csv, read through a data folder like any audit. */
    private static String csvReason(String column, String value) throws Exception {
        Path folder = Files.createTempDirectory(tmp, "csv");
        String header = "claim_id,line_number,patient_id,payer_type,rendering_npi,service_date,cpt_code";
        String row = "C-1,1,P1,MEDICARE,1536475209,2026-01-12,95972";
        List<String> names = List.of(header.split(","));
        String[] cells = row.split(",");
        cells[names.indexOf(column)] = value;
        Files.writeString(folder.resolve("claims.csv"), header + "\n" + String.join(",", cells) + "\n");
        List<org.nmaudit.input.Reject> rejects = new org.nmaudit.input.DataSetReader(
                org.nmaudit.input.ReadProgress.SILENT).read(folder).rejects();
        assertEquals(1, rejects.size(), rejects::toString);
        return rejects.get(0).reason();
    }

    @Test
    void noShapeOfBodyIsA500() throws Exception {
        List<String> bodies = List.of("[]", "\"claims\"", "42", "null", "{}", "{\"claims\": {}}", "{\"claims\": []}",
                "{\"claims\": [1]}", "{\"claims\": [{}]}", "{\"claims\": [{\"lines\": []}]}",
                "{\"claims\": [{\"lines\": [null]}]}", "{\"claims\": [{\"lines\": [{\"claim_id\": {}}]}]}",
                "{\"claims\": [{\"lines\": [{\"units\": 1e999999999}]}]}", "{\"claims\": [{\"lines\": [{}]}]}",
                "{\"claims\": [{\"lines\": [" + GOOD_LINE + "]}], \"trial_outcomes\": 3}",
                "{\"claims\": [{\"lines\": [" + GOOD_LINE + "]}], \"psych_evaluations\": [[]]}",
                "{\"claims\": [{\"lines\": [" + GOOD_LINE + "]}]} trailing");
        for (String b : bodies) {
            JsonNode body = error(http.postJson("/v1/scrub", b), 400);
            assertFalse(body.get("problems").isEmpty(), b);
        }
        assertEquals(200, http.postJson("/v1/scrub", "{\"claims\": [{\"lines\": [" + GOOD_LINE + "]}]}")
                .statusCode(), "the good line alone is served");
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutContentLength() throws Exception {
        String big = "{\"claims\": [{\"lines\": [" + GOOD_LINE + "]}], \"pad\": \"" + "x".repeat((int) MAX_BODY) + "\"}";
        JsonNode declared = error(http.postJson("/v1/scrub", big), 413);
        assertEquals("the body (" + String.format("%,d", big.length()) + " bytes) is larger than the 16,384 bytes"
                + " this server accepts (--max-body): send fewer claims per request", declared.get("error").asText());
        HttpResponse<String> chunked = http.send(http.request("/v1/scrub").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertEquals("the body is larger than the 16,384 bytes this server accepts (--max-body): send fewer claims"
                + " per request", error(chunked, 413).get("error").asText());
    }

    @Test
    void aContentTypeTheRouteDoesNotTakeIs415() throws Exception {
        assertEquals("Content-Type text/csv is not accepted here: send application/edi-x12 or application/json",
                error(http.post("/v1/scrub", "text/csv", "claim_id\n"), 415).get("error").asText());
        assertEquals("the request has no Content-Type: send application/edi-x12 or application/json",
                error(http.post("/v1/scrub", null, "{}"), 415).get("error").asText());
        assertEquals("Content-Type application/edi-x12 is not accepted here: send application/json",
                error(http.post("/v1/history", "application/edi-x12", "ISA*00*"), 415).get("error").asText());
        assertEquals(200, http.post("/v1/scrub", "Application/JSON; charset=UTF-8",
                "{\"claims\": [{\"lines\": [" + GOOD_LINE + "]}]}").statusCode(), "parameters and case are ignored");
    }

    @Test
    void anUnknownRouteIs404AndAWrongMethod405() throws Exception {
        assertEquals("no such route: GET /v1/nothing (the routes are listed by GET /v1/openapi.json)",
                error(http.get("/v1/nothing"), 404).get("error").asText());
        assertEquals("GET is not allowed on /v1/scrub (the routes are listed by GET /v1/openapi.json)",
                error(http.get("/v1/scrub"), 405).get("error").asText());
        assertEquals("DELETE is not allowed on /v1/rules (the routes are listed by GET /v1/openapi.json)",
                error(http.send(http.request("/v1/rules").DELETE()), 405).get("error").asText());
    }

    @Test
    void aBugIs500WithAGenericMessageOnly() throws Exception {
        String boom = "{\"claims\": [{\"lines\": [" + GOOD_LINE.replace("E-1", "BOOM-1") + "]}]}";
        HttpResponse<String> response = http.postJson("/v1/scrub", boom);
        JsonNode body = error(response, 500);
        assertEquals("internal error: the request could not be served; the server's log has the details",
                body.get("error").asText());
        assertFalse(response.body().contains("secret") || response.body().contains("NumberFormat")
                || response.body().contains("at org."), response.body());
    }

    /** Asserts the status and the error shape, and returns the body. */
    static JsonNode error(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        JsonNode body = RunningServer.json(response);
        assertEquals(status, body.get("status").asInt(), response.body());
        assertTrue(body.get("error").isTextual(), response.body());
        assertTrue(body.get("problems").isArray(), response.body());
        return body;
    }

    /** Each problem as claim|line|field|value|at|reason. */
    static List<String> problems(JsonNode body) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : body.get("problems")) {
            out.add(p.get("claim").asText() + "|" + p.get("line").asText() + "|" + p.get("field").asText() + "|"
                    + p.get("value").asText() + "|" + p.get("at").asText() + "|" + p.get("reason").asText());
        }
        return out;
    }
}
