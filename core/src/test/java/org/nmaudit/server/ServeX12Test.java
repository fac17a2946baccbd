package org.nmaudit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.history.TestDatabase;
import org.nmaudit.testing.CliRun;

/**
 * POST /v1/scrub with an 837 file as the body (application/edi-x12): the verdicts of {@code nmaudit scrub} on
 * the same file; a line the X12 reading rejects refuses the request with its claim, field, value, reason and
 * segment; bytes that are no 837 are a 400 saying what they are.
 */
class ServeX12Test {
    private static final Path JUNE = Path.of("data", "x12", "professional-2025-06-10.837");

    @TempDir
    Path tmp;

    @Test
    void an837BodyGetsTheVerdictsOfTheCommandLineOnTheSameFile() throws Exception {
        Path history = Files.createDirectories(tmp.resolve("history"));
        for (String f : List.of("professional-2025-05-01.837", "facility-2025-05-02.837", "trial-outcomes.csv",
                "psych-evaluations.csv")) {
            Files.copy(Path.of("data", "x12", f), history.resolve(f));
        }
        try (TestDatabase db = TestDatabase.h2()) {
            CliRun imported = CliRun.of("history", "import", history.toString(), "--db", db.url(), "--out",
                    tmp.resolve("import").toString());
            assertEquals(5, imported.exitCode(), imported::toString);
            CliRun cli = CliRun.of("scrub", JUNE.toString(), "--db", db.url(), "--out", tmp.resolve("cli").toString());
            assertEquals(0, cli.exitCode(), cli::toString);
            List<String> cliVerdicts = new ArrayList<>();
            for (String row : Files.readAllLines(tmp.resolve("cli").resolve("scrub.csv")).subList(1, 4)) {
                String[] cells = row.split(",", -1);
                cliVerdicts.add(cells[0] + " " + cells[2] + " " + cells[4]);
            }

            try (RunningServer http = RunningServer.start(db.url())) {
                String x12 = Files.readString(JUNE, StandardCharsets.UTF_8);
                HttpResponse<String> response = http.post("/v1/scrub", "application/edi-x12", x12);
                assertEquals(200, response.statusCode(), response.body());
                JsonNode body = RunningServer.json(response);
                List<String> verdicts = new ArrayList<>();
                for (JsonNode c : body.get("claims")) {
                    verdicts.add(c.get("claim_id").asText() + " " + c.get("verdict").asText() + " "
                            + (c.get("highest_severity").isNull() ? "" : c.get("highest_severity").asText()));
                }
                assertEquals(List.of("P1003 PASS ", "P1004 REVIEW MEDIUM", "P2003 PASS "), verdicts);
                assertEquals(cliVerdicts, verdicts, "the CLI said the same");
                assertEquals("NM-PROG-FREQ", body.get("claims").get(1).get("findings").get(0).get("rule_id").asText());
                assertEquals(false, body.get("recorded").asBoolean());

                HttpResponse<String> asOf = http.post("/v1/scrub?as_of=2025-06-30", "application/edi-x12", x12);
                assertEquals("2025-06-30", RunningServer.json(asOf).get("as_of").asText());
                assertEquals("the query parameter as_of must be a date yyyy-MM-dd, e.g. 2026-01-31",
                        HttpErrorsTest.error(http.post("/v1/scrub?as_of=June", "application/edi-x12", x12), 400)
                                .get("problems").get(0).get("reason").asText());

                String badCode = x12.replace("SV1*HC:95970*", "SV1*HC:9597*");
                JsonNode refused = HttpErrorsTest.error(http.post("/v1/scrub", "application/edi-x12", badCode), 400);
                assertEquals(1, refused.get("problems").size(), refused.toString());
                JsonNode problem = refused.get("problems").get(0);
                assertEquals("P2003", problem.get("claim").asText());
                assertEquals("cpt_code", problem.get("field").asText());
                assertEquals("9597", problem.get("value").asText());
                assertTrue(problem.get("reason").asText().contains("cpt_code 9597 is not a procedure code"),
                        problem.toString());
                assertTrue(problem.get("at").asText().matches("segment \\d+"), problem.toString());

                JsonNode notX12 = HttpErrorsTest.error(http.post("/v1/scrub", "application/edi-x12",
                        "claim_id,line_number\nB-1,1\n"), 400);
                assertTrue(notX12.get("problems").get(0).get("reason").asText().contains(X12RequestReader.BODY_NAME),
                        notX12.toString());
            }
        }
    }
}
