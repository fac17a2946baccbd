package org.nmaudit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.history.TestDatabase;
import org.nmaudit.testing.CliRun;

/**
 * POST /v1/scrub on a real server over the sample history (H2, and PostgreSQL where one answers): the example
 * batch's claims sent as JSON get exactly the verdicts and finding ids that {@code nmaudit scrub} gives the
 * same claims; the claim with a bad line is a 400 naming the same field, value and reason as rejects.csv; and
 * claims recorded by one request are the history of the next.
 */
class ServeScrubTest {
    @TempDir
    Path tmp;

    static List<TestDatabase> databases() {
        return TestDatabase.both().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jsonClaimsGetTheCommandLinesDecisionAndRecordedClaimsAreTheNextScrubsHistory(TestDatabase db)
            throws Exception {
        // JUnit closes the database (an AutoCloseable argument) after the test
        CliRun imported = CliRun.of("history", "import", "data/sample", "--db", db.url(), "--out",
                tmp.resolve("import").toString());
        assertEquals(5, imported.exitCode(), imported::toString);
        CliRun cli = CliRun.of("scrub", "data/scrub-batch", "--db", db.url(), "--out", tmp.resolve("cli").toString());
        assertEquals(5, cli.exitCode(), cli::toString);
        JsonNode cliFindings = RunningServer.JSON.readTree(tmp.resolve("cli").resolve("findings.json").toFile());
        List<String> cliScrub = Files.readAllLines(tmp.resolve("cli").resolve("scrub.csv"));

        try (RunningServer http = RunningServer.start(db.url())) {
            // The claims the CLI judged (all but the rejected B-1003) sent as JSON: the same decision.
            ObjectNode judged = BatchAsJson.of(Path.of("data", "scrub-batch"), Set.of("B-1001", "B-1002", "B-1004"));
            HttpResponse<String> response = http.postJson("/v1/scrub", judged);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
            JsonNode body = RunningServer.json(response);
            assertEquals("2026-01-16", body.get("as_of").asText());
            assertEquals("latest service_date of the history and the batch", body.get("as_of_source").asText());
            assertFalse(body.get("recorded").asBoolean());
            assertEquals(List.of("B-1001 P00000010 REVIEW MEDIUM", "B-1002 P00001528 HOLD HIGH",
                    "B-1004 P00000001 PASS null"), verdicts(body));
            assertEquals(List.of("B-1001 REVIEW MEDIUM", "B-1002 HOLD HIGH", "B-1004 PASS "),
                    cliVerdicts(cliScrub, Set.of("B-1001", "B-1002", "B-1004")), "the CLI said the same");
            assertEquals(findingsOf(cliFindings.get("findings")), findingsOf(body), "the same findings as the CLI's");
            JsonNode posPerm = body.get("claims").get(1).get("findings").get(0);
            assertEquals("NM-POS-PERM", posPerm.get("rule_id").asText());
            assertEquals("HIGH", posPerm.get("severity").asText());
            assertEquals(1, posPerm.get("line_number").asInt());
            assertEquals(1250.00, posPerm.get("amount_at_risk").asDouble());
            assertEquals("63685 on 2026-01-14 is billed with place of service 11 (office); a permanent neurostimulator"
                    + " must be placed in an ASC or a hospital.", posPerm.get("message").asText());
            assertTrue(posPerm.get("citation").asText().startsWith("LCD L37632"), posPerm.toString());

            // All four claims: B-1003's bad line refuses the request, located as rejects.csv locates it.
            HttpResponse<String> all = http.postJson("/v1/scrub", BatchAsJson.of(Path.of("data", "scrub-batch")));
            assertEquals(400, all.statusCode(), all.body());
            JsonNode refused = RunningServer.json(all);
            List<String> rejects = Files.readAllLines(tmp.resolve("cli").resolve("rejects.csv"));
            assertEquals("claims.csv,5,rendering_npi,1234567890,rendering_npi 1234567890 fails the NPI check digit",
                    rejects.get(1));
            assertEquals(1, refused.get("problems").size(), refused.toString());
            JsonNode problem = refused.get("problems").get(0);
            assertEquals("B-1003", problem.get("claim").asText());
            assertEquals("2", problem.get("line").asText());
            assertEquals("rendering_npi", problem.get("field").asText());
            assertEquals("1234567890", problem.get("value").asText());
            assertEquals("rendering_npi 1234567890 fails the NPI check digit", problem.get("reason").asText());
            assertEquals("/claims/2/lines/1/rendering_npi", problem.get("at").asText());

            // A later programming line of P00000010 is judged against the earlier one in the history: before B-1001
            // is recorded that is claim C000000132, after it B-1001.
            ObjectNode later = laterProgramming();
            String before = onlyMessage(http.postJson("/v1/scrub", later));
            assertTrue(before.contains("claim C000000132 line 1"), before);

            CliRun cliCorrected = CliRun.of("scrub", "data/scrub-batch-corrected", "--db", db.url(), "--out",
                    tmp.resolve("cli-corrected").toString());
            assertEquals(4, cliCorrected.exitCode(), cliCorrected::toString);
            ObjectNode corrected = BatchAsJson.of(Path.of("data", "scrub-batch-corrected"));
            corrected.put("record", true);
            JsonNode recorded = RunningServer.json(http.postJson("/v1/scrub", corrected));
            assertEquals(List.of("B-1001 P00000010 REVIEW MEDIUM", "B-1002 P00001528 HOLD HIGH",
                    "B-1003 P00001693 REVIEW MEDIUM", "B-1004 P00000001 PASS null"), verdicts(recorded));
            assertEquals(List.of("B-1001 REVIEW MEDIUM", "B-1002 HOLD HIGH", "B-1003 REVIEW MEDIUM", "B-1004 PASS "),
                    cliVerdicts(Files.readAllLines(tmp.resolve("cli-corrected").resolve("scrub.csv")),
                            Set.of("B-1001", "B-1002", "B-1003", "B-1004")), "the CLI said the same");
            assertEquals(findingsOf(RunningServer.JSON.readTree(tmp.resolve("cli-corrected").resolve("findings.json")
                    .toFile()).get("findings")), findingsOf(recorded));
            assertTrue(recorded.get("recorded").asBoolean());
            assertEquals(3, recorded.get("recorded_claims").asInt(), "PASS and REVIEW only");
            assertEquals(1, recorded.get("recorded_documentation_rows").asInt());
            assertEquals(List.of("B-1001"), batchClaimsOf(http, "P00000010"));
            assertEquals(List.of(), batchClaimsOf(http, "P00001528"), "a held claim is never recorded");
            assertEquals(List.of("B-1003", "B-1003"), batchClaimsOf(http, "P00001693"));

            String after = onlyMessage(http.postJson("/v1/scrub", later));
            assertTrue(after.contains("claim B-1001 line 1"), after);
        }
    }

    /** B-2001: a 95972 for P00000010 eight days after B-1001. */
    private static ObjectNode laterProgramming() throws Exception {
        return (ObjectNode) RunningServer.JSON.readTree("""
                {"as_of": "2026-01-31", "claims": [{"lines": [{"claim_id": "B-2001", "line_number": 1,
                 "patient_id": "P00000010", "payer_type": "MEDICARE", "rendering_npi": "1536475209",
                 "service_date": "2026-01-20", "cpt_code": "95972", "units": 1, "diagnosis_codes": "Z45.42;G89.4",
                 "place_of_service": "11", "billed_amount": 160.00}]}]}
                """);
    }

    private static String onlyMessage(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        JsonNode claim = RunningServer.json(response).get("claims").get(0);
        assertEquals("NM-PROG-FREQ", claim.get("findings").get(0).get("rule_id").asText(), claim.toString());
        return claim.get("findings").get(0).get("message").asText();
    }

    private static List<String> verdicts(JsonNode body) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : body.get("claims")) {
            out.add(c.get("claim_id").asText() + " " + c.get("patient_id").asText() + " " + c.get("verdict").asText()
                    + " " + c.get("highest_severity").asText());
        }
        return out;
    }

    private static List<String> cliVerdicts(List<String> scrubCsv, Set<String> claims) {
        List<String> out = new ArrayList<>();
        for (String row : scrubCsv.subList(1, scrubCsv.size())) {
            String[] cells = row.split(",", -1);
            if (claims.contains(cells[0])) {
                out.add(cells[0] + " " + cells[2] + " " + cells[4]);
            }
        }
        return out;
    }

    /** finding_id to rule_id, claim_id and line_number, from findings.json's list or from a response's claims. */
    private static Map<String, String> findingsOf(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isArray()) {
            for (JsonNode f : node) {
                out.put(f.get("finding_id").asText(), f.get("rule_id").asText() + " " + f.get("claim_id").asText() + " "
                        + f.get("line_number").asText());
            }
            return out;
        }
        for (JsonNode c : node.get("claims")) {
            for (JsonNode f : c.get("findings")) {
                out.put(f.get("finding_id").asText(), f.get("rule_id").asText() + " " + c.get("claim_id").asText() + " "
                        + f.get("line_number").asText());
            }
        }
        return out;
    }

    private static List<String> batchClaimsOf(RunningServer http, String patient) throws Exception {
        return http.store.factsOfPatients(List.of(patient)).stream().filter(ClaimLine.class::isInstance)
                .map(f -> ((ClaimLine) f).getClaimId()).filter(id -> id.startsWith("B-")).toList();
    }
}
