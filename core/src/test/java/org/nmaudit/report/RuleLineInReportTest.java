package org.nmaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.DataFolder.claim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;

/** findings.json and run.json say where each rule is declared (file and line), so explain can point at it. */
class RuleLineInReportTest {
    @TempDir
    Path tmp;

    @Test
    void findingsJsonAndRunJsonGiveTheRulesDeclarationLine() throws IOException {
        DataFolder.in(tmp.resolve("data")).claims(claim("I1", "1").set("patient_id", "P2").set("cpt_code", "63685")
                .set("service_date", "2025-02-20").set("place_of_service", "24").toString());
        CliRun run = CliRun.of("audit", tmp.resolve("data").toString(), "--out", tmp.resolve("out").toString());
        assertEquals(0, run.exitCode(), run::toString);

        ObjectMapper json = new ObjectMapper();
        JsonNode finding = json.readTree(tmp.resolve("out/findings.json").toFile()).get("findings").get(0);
        assertEquals("NM-TRIAL-DOC", finding.get("rule_id").asText());
        assertEquals("rules/trials.drl", finding.get("rule_file").asText());
        assertEquals(declarationLine("rules/trials.drl", finding.get("rule_name").asText()),
                finding.get("rule_line").asInt());
        assertTrue(finding.has("parameters") && finding.has("evidence"), "existing keys stay: " + finding);

        JsonNode rules = json.readTree(tmp.resolve("out/run.json").toFile()).get("rules");
        assertTrue(rules.size() > 20, rules.toString());
        for (JsonNode rule : rules) {
            assertEquals(declarationLine(rule.get("file").asText(), rule.get("name").asText()), rule.get("line").asInt(),
                    rule.toString());
            assertTrue(rule.has("rule_id") && rule.has("kind") && rule.has("enabled"), rule.toString());
        }
    }

    /** The 1-based line of {@code rule "NAME"} in the file. */
    private static int declarationLine(String file, String ruleName) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("rule \"" + ruleName + "\"")) {
                return i + 1;
            }
        }
        throw new AssertionError("no rule \"" + ruleName + "\" in " + file);
    }
}
