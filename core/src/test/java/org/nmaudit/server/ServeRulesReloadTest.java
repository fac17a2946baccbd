package org.nmaudit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.history.TestDatabase;
import org.nmaudit.scrub.ScrubRules;

/**
 * The rules folder edited under a running server, found by its own polling: a good edit is compiled in the
 * background and switched to (the next scrub sees it); a broken edit keeps the running rules, and /v1/health
 * shows the error located at file:line until the folder compiles again.
 */
class ServeRulesReloadTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String HIGH = "    @id(NM-POS-PERM)\n    @severity(HIGH)";
    private static final String MEDIUM = "    @id(NM-POS-PERM)\n    @severity(MEDIUM)";
    private static final String BROKEN = "\nrule \"NM-BROKEN: half-typed\"\n    @id(NM-BROKEN)\nwhen\n"
            + "    $line : ClaimLine(cptCode == )\nthen\nend\n";

    @TempDir
    Path tmp;

    @Test
    void aGoodEditSwitchesAndABrokenOneKeepsTheRunningRules() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        try (var files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Path coding = rules.resolve("coding.drl");
        Path trials = rules.resolve("trials.drl");
        assertTrue(Files.readString(coding).contains(HIGH));
        try (TestDatabase db = TestDatabase.h2(); RunningServer http = RunningServer.start(db.url(), rules,
                RunningServer.settings(1 << 20, null, Duration.ofMillis(200)))) {
            String original = sha(http);
            assertEquals("HOLD", verdictOfB1002(http));

            Files.writeString(coding, Files.readString(coding).replace(HIGH, MEDIUM));
            String edited = ScrubRules.fingerprint(RuleFolder.load(rules));
            awaitHealth(http, h -> h.get("rules").get("sha256").asText().equals(edited), "the good edit in use");
            assertNotEquals(original, edited);
            assertEquals(edited, RunningServer.json(http.get("/v1/rules")).get("sha256").asText());
            assertEquals("REVIEW", verdictOfB1002(http), "NM-POS-PERM is MEDIUM now");

            String before = Files.readString(trials);
            Files.writeString(trials, before + BROKEN);
            JsonNode health = awaitHealth(http, h -> !h.get("last_reload_error").isNull(), "the broken edit reported");
            String problem = health.get("last_reload_error").get("problems").get(0).asText();
            int brokenLine = before.split("\n", -1).length + 4;
            assertTrue(problem.startsWith(rules + "/trials.drl:" + brokenLine + ":"), problem);
            assertEquals(edited, health.get("rules").get("sha256").asText(), "still the running rules");
            assertEquals(200, http.get("/v1/health").statusCode());
            assertEquals("REVIEW", verdictOfB1002(http), "still judged by the running rules");

            Files.writeString(trials, before);
            awaitHealth(http, h -> h.get("last_reload_error").isNull(), "the error gone once the file is fixed");
            assertEquals(edited, sha(http));
        }
    }

    private static String sha(RunningServer http) throws Exception {
        return RunningServer.json(http.get("/v1/health")).get("rules").get("sha256").asText();
    }

    private static String verdictOfB1002(RunningServer http) throws Exception {
        JsonNode body = RunningServer.json(http.postJson("/v1/scrub",
                BatchAsJson.of(Path.of("data", "scrub-batch"), Set.of("B-1002"))));
        return body.get("claims").get(0).get("verdict").asText();
    }

    private static JsonNode awaitHealth(RunningServer http, Predicate<JsonNode> condition, String what)
            throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode health = RunningServer.json(http.get("/v1/health"));
        while (!condition.test(health)) {
            assertTrue(Instant.now().isBefore(deadline), what + " within " + WAIT + ": " + health);
            Thread.sleep(100);
            health = RunningServer.json(http.get("/v1/health"));
        }
        return health;
    }
}
