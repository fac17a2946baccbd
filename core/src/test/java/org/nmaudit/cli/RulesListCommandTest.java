package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.RulesCopy;

/** {@code nmaudit rules list}: the shipped rules as a table for people, as csv and json for machines. */
class RulesListCommandTest {
    @TempDir
    Path tmp;

    @Test
    void tableFitsOneHundredColumnsAndShowsEachPath() {
        CliRun run = CliRun.of("rules", "list");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals("ID                  SEVERITY  SCOPE     FILE:LINE", lines.get(0));
        for (String line : lines) {
            assertTrue(line.length() <= 100, "wider than 100 columns: " + line);
        }
        String ratio = String.join("\n",
                "NM-RATIO            HIGH      PROVIDER  trials.drl:16",
                "    trial-to-permanent conversion ratio below the threshold",
                "    parameters: ratio_threshold, ratio_min_decided_trials",
                "    cites: CMS, as quoted in Navalgund, ASRA Pain Medicine News 2019: physicians with a low trial...");
        assertTrue(run.out().contains(ratio + "\n"), run.out());
        String crps = String.join("\n",
                "NM-TRIAL-DOC        MEDIUM    LINE      trials.drl:150",
                "    trial outcome misses the criteria, CRPS on the trial or implant day",
                "    parameters: conversion_window_days, trial_min_pain_relief_pct, trial_min_analgesic_reduction_pct");
        assertTrue(run.out().contains(crps + "\n"), run.out());
        assertEquals("19 finding rules (26 DRL rules) in rules/; 15 derivation rules not shown (--all lists them)",
                lines.get(lines.size() - 1));
    }

    @Test
    void allAddsTheDerivationRules() {
        CliRun run = CliRun.of("rules", "list", "--all");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains(String.join("\n",
                "Derivation rules: each inserts the fact its @derives names; they raise no findings.",
                "ID                                    DERIVES           FILE:LINE",
                "DERIVE-TRIAL-LINE                     TrialLine         derived-facts.drl:19",
                "    Trial line: a 63650 line on a day without a 63685 line", "")), run.out());
        assertTrue(run.out().endsWith("\n19 finding rules (26 DRL rules) in rules/, 15 derivation rules\n"), run.out());
    }

    @Test
    void csvHasEveryFieldWhole() {
        CliRun run = CliRun.of("rules", "list", "--format", "csv");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals(27, lines.size(), "header and one row per finding rule path");
        assertEquals("kind,rule_id,severity,scope,derives,file,line,parameters,rule_name,citation", lines.get(0));
        assertTrue(lines.contains("FINDING,NM-PROG-FREQ,MEDIUM,LINE,,rules/programming.drl,13,"
                + "programming_window_days;programming_grace_days,NM-PROG-FREQ: analysis or programming too soon after"
                + " the previous one,CMS billing article A56876 (LCD L37632): electronic analysis (95970-95972) is"
                + " not medically necessary more often than once every 30 days; more frequent analysis may be"
                + " necessary in the first month after implantation"), run.out());
    }

    @Test
    void jsonListsDerivationRulesWithAll() throws IOException {
        CliRun run = CliRun.of("rules", "list", "--format", "json", "--all");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode rules = new ObjectMapper().readTree(run.out());
        assertEquals(41, rules.size());
        JsonNode ratio = null;
        JsonNode conversion = null;
        for (JsonNode r : rules) {
            if ("NM-RATIO".equals(r.get("rule_id").asText())) {
                ratio = r;
            }
            if ("DERIVE-CONVERSION".equals(r.get("rule_id").asText())) {
                conversion = r;
            }
        }
        assertEquals("{\"kind\":\"FINDING\",\"rule_id\":\"NM-RATIO\",\"severity\":\"HIGH\",\"scope\":\"PROVIDER\","
                + "\"derives\":null,\"file\":\"rules/trials.drl\",\"line\":16,\"parameters\":[\"ratio_threshold\","
                + "\"ratio_min_decided_trials\"],\"rule_name\":\"NM-RATIO: trial-to-permanent conversion ratio below the"
                + " threshold\",\"citation\":" + ratio.get("citation").toString() + "}", ratio.toString());
        assertEquals("{\"kind\":\"DERIVATION\",\"rule_id\":\"DERIVE-CONVERSION\",\"severity\":null,\"scope\":null,"
                + "\"derives\":\"Conversion\",\"file\":\"rules/derived-facts.drl\",\"line\":120,\"parameters\":"
                + "[\"conversion_window_days\"],\"rule_name\":\"Conversion: a new implant within the window, with no"
                + " other trial in between\",\"citation\":null}", conversion.toString());
    }

    @Test
    void rulesThatDoNotCompileAreNotListed() {
        RulesCopy rules = RulesCopy.in(tmp.resolve("r"));
        int line = rules.replace("coding.drl", "placeOfService == \"11\")", "placeOfService == \"11\"");
        CliRun run = CliRun.of("rules", "list", "--rules", rules.display());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals(rules.display() + "/coding.drl:" + line + ":22: '(' not closed: the parser reached 'then' on line "
                + (line + 1) + " before its ')' (rule \"NM-POS-PERM: permanent neurostimulator placed in the office\")\n"
                + "nmaudit: 1 problem(s) in the rules; nothing was listed\n", run.err());
    }
}
