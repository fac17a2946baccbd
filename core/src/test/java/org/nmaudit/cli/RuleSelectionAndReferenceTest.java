package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.cli.AuditCommandTest.csv;
import static org.nmaudit.input.DataFolder.NPI_A;
import static org.nmaudit.input.DataFolder.claim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.input.Sha256;
import org.nmaudit.testing.CliRun;

/**
 * {@code --only}, {@code --disable} and {@code --reference} end to end (extended-rules.md; README):
 * which finding rules run, what run.json records, and the reference folder NM-UNDERPAID reads.
 */
class RuleSelectionAndReferenceTest {
    /** Every finding rule id of rules/. */
    static final List<String> FINDING_RULES = List.of("NM-DUP-LINE", "NM-DX-EFFECTIVE", "NM-GLOBAL-EM", "NM-IPG-PNS",
            "NM-OFFICE-REVISION", "NM-PA-MISSING", "NM-POS-PERM", "NM-PROG-FREQ", "NM-PROG-REP", "NM-PROG-TRIAL",
            "NM-PSYCH-EVAL", "NM-RATIO", "NM-REPEAT-TRIAL", "NM-TRIAL-DOC", "NM-TRIAL-LIMIT", "NM-TRIAL-REMOVAL",
            "NM-UNBUNDLE-63688", "NM-UNDERPAID", "NM-UNITS");

    /** What the data set of {@link #mixed()} raises with every rule on. */
    static final List<String> ALL_FINDINGS = List.of(
            "NM-POS-PERM I2:1 HIGH",
            "NM-PSYCH-EVAL T1:1 HIGH",
            "NM-PSYCH-EVAL T5:1 HIGH",
            "NM-TRIAL-DOC I2:1 HIGH",
            "NM-TRIAL-DOC I5:1 HIGH");

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private Path out() {
        return tmp.resolve("out");
    }

    /**
     * P1: trial T1 (2025-01-10), documented success, new implant I1 (2025-02-20, ASC): converted, no
     * NM-TRIAL-DOC, but no psych evaluation. P2: implant I2 in the office with no trial. P5: trial T5
     * (2025-01-05) and implant I5 (2025-02-01) with no outcome row. P3 and P4: programming lines paid
     * $46.00 (Medicare) and $50.00 (commercial), both fine against the shipped fee schedule.
     */
    private DataFolder mixed() {
        return DataFolder.in(data()).claims(
                        claim("T1", "1").set("patient_id", "P1").set("cpt_code", "63650")
                                .set("service_date", "2025-01-10").toString(),
                        claim("I1", "1").set("patient_id", "P1").set("cpt_code", "63685")
                                .set("service_date", "2025-02-20").set("place_of_service", "24").toString(),
                        claim("I2", "1").set("patient_id", "P2").set("cpt_code", "63685")
                                .set("service_date", "2025-03-01").set("place_of_service", "11").toString(),
                        claim("T5", "1").set("patient_id", "P5").set("cpt_code", "63650")
                                .set("service_date", "2025-01-05").toString(),
                        claim("I5", "1").set("patient_id", "P5").set("cpt_code", "63685")
                                .set("service_date", "2025-02-01").set("place_of_service", "24").toString(),
                        claim("M3", "1").set("patient_id", "P3").set("cpt_code", "95971")
                                .set("service_date", "2025-03-05").set("paid_amount", "46.00").toString(),
                        claim("M4", "1").set("patient_id", "P4").set("payer_type", "COMMERCIAL")
                                .set("cpt_code", "95971").set("service_date", "2025-03-05").set("paid_amount", "50.00")
                                .toString())
                .file("trial-outcomes.csv", "patient_id,documented_date,pain_relief_pct,functional_improvement",
                        "P1,2025-01-17,70,Y");
    }

    private CliRun audit(String... options) {
        List<String> args = new ArrayList<>(List.of("audit", data().toString(), "--out", out().toString(),
                "--as-of", "2025-03-31"));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** findings.csv as "RULE claim:line SEVERITY", sorted. */
    private List<String> findings() throws IOException {
        List<String> out = new ArrayList<>();
        for (CSVRecord r : csv(out().resolve("findings.csv"))) {
            out.add(r.get("rule_id") + " " + r.get("claim_id") + ":" + r.get("line_number") + " " + r.get("severity"));
        }
        out.sort(null);
        return out;
    }

    private CSVRecord finding(String ruleId, String claimId) throws IOException {
        return csv(out().resolve("findings.csv")).stream()
                .filter(r -> r.get("rule_id").equals(ruleId) && r.get("claim_id").equals(claimId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + ruleId + " finding on " + claimId));
    }

    private JsonNode runJson() throws IOException {
        return new ObjectMapper().readTree(out().resolve("run.json").toFile());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Each rule's "enabled" in run.json, per rule id (a rule id shared by several rules must agree). */
    private static Map<String, Boolean> enabledById(JsonNode run) {
        Map<String, Boolean> byId = new TreeMap<>();
        for (JsonNode rule : run.get("rules")) {
            String id = rule.get("rule_id").asText();
            boolean enabled = rule.get("enabled").asBoolean();
            Boolean before = byId.put(id, enabled);
            assertTrue(before == null || before == enabled, "rules of " + id + " disagree on enabled");
        }
        return byId;
    }

    // ---- Every rule, as a baseline ----------------------------------------------------------------------

    @Test
    void withoutASelectionEveryFindingRuleRuns() throws IOException {
        mixed();
        CliRun run = audit();
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(ALL_FINDINGS, findings());
        JsonNode json = runJson();
        JsonNode selection = json.get("rule_selection");
        assertEquals(List.of(), texts(selection.get("only")));
        assertEquals(List.of(), texts(selection.get("disabled")));
        assertEquals(FINDING_RULES, texts(selection.get("finding_rules_run")));
        for (JsonNode rule : json.get("rules")) {
            assertTrue(rule.get("enabled").asBoolean(), rule::toString);
        }
    }

    // ---- --only ---------------------------------------------------------------------------------------------

    @Test
    void onlyRunsThatRule() throws IOException {
        mixed();
        CliRun run = audit("--only", "NM-POS-PERM");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("NM-POS-PERM I2:1 HIGH"), findings());
        // The derived facts are still worked out: provider-ratios.csv rates NPI_A's two trials, both
        // converted (trials, converted, failed, pending).
        List<CSVRecord> ratios = csv(out().resolve("provider-ratios.csv"));
        assertEquals(1, ratios.size());
        assertEquals(List.of(NPI_A, "2", "2", "0", "0"), ratios.get(0).toList().subList(0, 5));
    }

    @Test
    void onlyTrialDocStillSeesTheTrialEpisodesAndOutcomes() throws IOException {
        mixed();
        CliRun run = audit("--only", "NM-TRIAL-DOC");
        assertEquals(0, run.exitCode(), run::toString);
        // P1's implant follows a documented trial, so it is not flagged at all.
        assertEquals(List.of("NM-TRIAL-DOC I2:1 HIGH", "NM-TRIAL-DOC I5:1 HIGH"), findings());
        assertTrue(finding("NM-TRIAL-DOC", "I2").get("message").startsWith("NO_TRIAL"),
                finding("NM-TRIAL-DOC", "I2").get("message"));
        assertTrue(finding("NM-TRIAL-DOC", "I5").get("message").startsWith("NO_OUTCOME"),
                finding("NM-TRIAL-DOC", "I5").get("message"));
    }

    @Test
    void onlyTakesACommaListAndRepeats() throws IOException {
        mixed();
        List<String> expected = List.of("NM-POS-PERM I2:1 HIGH", "NM-PSYCH-EVAL T1:1 HIGH", "NM-PSYCH-EVAL T5:1 HIGH");
        assertEquals(0, audit("--only", "NM-POS-PERM,NM-PSYCH-EVAL").exitCode());
        assertEquals(expected, findings());
        assertEquals(List.of("NM-POS-PERM", "NM-PSYCH-EVAL"), texts(runJson().get("rule_selection").get("only")));
        assertEquals(0, audit("--only", "NM-POS-PERM", "--only", "NM-PSYCH-EVAL").exitCode());
        assertEquals(expected, findings());
        assertEquals(List.of("NM-POS-PERM", "NM-PSYCH-EVAL"), texts(runJson().get("rule_selection").get("only")));
    }

    @Test
    void runJsonRecordsTheSelectionAndEachRulesEnabled() throws IOException {
        mixed();
        assertEquals(0, audit("--only", "NM-TRIAL-DOC,NM-POS-PERM").exitCode());
        JsonNode json = runJson();
        JsonNode selection = json.get("rule_selection");
        assertEquals(List.of("NM-POS-PERM", "NM-TRIAL-DOC"), texts(selection.get("only")));
        assertEquals(List.of(), texts(selection.get("disabled")));
        assertEquals(List.of("NM-POS-PERM", "NM-TRIAL-DOC"), texts(selection.get("finding_rules_run")));
        Map<String, Boolean> enabled = enabledById(json);
        for (String id : FINDING_RULES) {
            assertEquals(id.equals("NM-POS-PERM") || id.equals("NM-TRIAL-DOC"), enabled.get(id), id);
        }
        for (JsonNode rule : json.get("rules")) {
            if (rule.get("kind").asText().equals("derivation")) {
                assertTrue(rule.get("enabled").asBoolean(), "derivations always run: " + rule);
            }
        }
        assertEquals(Map.of("NM-POS-PERM", 1, "NM-TRIAL-DOC", 2),
                new ObjectMapper().convertValue(json.get("findings_by_rule"), Map.class));
    }

    // ---- --disable -----------------------------------------------------------------------------------------

    @Test
    void disableRemovesThatRulesFindings() throws IOException {
        mixed();
        CliRun run = audit("--disable", "NM-PSYCH-EVAL");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("NM-POS-PERM I2:1 HIGH", "NM-TRIAL-DOC I2:1 HIGH", "NM-TRIAL-DOC I5:1 HIGH"), findings());
        JsonNode json = runJson();
        JsonNode selection = json.get("rule_selection");
        assertEquals(List.of(), texts(selection.get("only")));
        assertEquals(List.of("NM-PSYCH-EVAL"), texts(selection.get("disabled")));
        List<String> run18 = new ArrayList<>(FINDING_RULES);
        run18.remove("NM-PSYCH-EVAL");
        assertEquals(run18, texts(selection.get("finding_rules_run")));
        Map<String, Boolean> enabled = enabledById(json);
        for (String id : FINDING_RULES) {
            assertEquals(!id.equals("NM-PSYCH-EVAL"), enabled.get(id), id);
        }
    }

    @Test
    void disableTakesACommaListAndRepeats() throws IOException {
        mixed();
        assertEquals(0, audit("--disable", "NM-PSYCH-EVAL,NM-TRIAL-DOC", "--disable", "NM-UNITS").exitCode());
        assertEquals(List.of("NM-POS-PERM I2:1 HIGH"), findings());
        assertEquals(List.of("NM-PSYCH-EVAL", "NM-TRIAL-DOC", "NM-UNITS"),
                texts(runJson().get("rule_selection").get("disabled")));
    }

    @Test
    void disableWinsOverOnly() throws IOException {
        mixed();
        assertEquals(0, audit("--only", "NM-POS-PERM,NM-TRIAL-DOC", "--disable", "NM-TRIAL-DOC").exitCode());
        assertEquals(List.of("NM-POS-PERM I2:1 HIGH"), findings());
        assertEquals(List.of("NM-POS-PERM"), texts(runJson().get("rule_selection").get("finding_rules_run")));
    }

    // ---- Unknown ids ---------------------------------------------------------------------------------------

    @Test
    void anUnknownOnlyIdExits2ListingTheRuleIds() {
        mixed();
        CliRun run = audit("--only", "NM-POS-PERM,NM-NOPE");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("NM-NOPE"), run.err());
        for (String id : FINDING_RULES) {
            assertTrue(run.err().contains(id), id + " should be listed: " + run.err());
        }
        assertFalse(Files.exists(out()), "nothing is audited");
    }

    @Test
    void anUnknownDisableIdExits2ListingTheRuleIds() {
        mixed();
        CliRun run = audit("--disable", "NM-PSYCH-EVALUATION");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("NM-PSYCH-EVALUATION"), run.err());
        for (String id : FINDING_RULES) {
            assertTrue(run.err().contains(id), id + " should be listed: " + run.err());
        }
        assertFalse(Files.exists(out()));
    }

    @Test
    void aDerivationIdIsNotAFindingRuleToSelect() {
        mixed();
        CliRun run = audit("--only", "DERIVE-TRIAL-LINE");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("DERIVE-TRIAL-LINE") && run.err().contains("NM-RATIO"), run.err());
        assertFalse(Files.exists(out()));
    }

    // ---- --reference -------------------------------------------------------------------------------------

    /** A reference folder with contracted rates above what P3 and P4 were paid. */
    private Path contractedReference() throws IOException {
        Path ref = tmp.resolve("contract-rates");
        DataFolder.in(ref).file("fee-schedule.csv",
                        "payer_type,cpt_code,setting,component,expected_amount,effective_from,source",
                        "MEDICARE,95971,NON_FACILITY,PROFESSIONAL,60.00,2025-01-01,locality-adjusted",
                        "COMMERCIAL,95971,NON_FACILITY,PROFESSIONAL,80.00,2025-01-01,contract 2025")
                .text("codes.csv", Files.readString(Path.of("data", "reference", "codes.csv")));
        return ref;
    }

    @Test
    void theShippedReferenceIsTheDefaultAndIsRecorded() throws IOException {
        mixed();
        assertEquals(0, audit().exitCode());
        assertFalse(findings().stream().anyMatch(f -> f.startsWith("NM-UNDERPAID")), findings().toString());
        JsonNode json = runJson();
        assertEquals(Path.of("data", "reference").toAbsolutePath().toString(), json.get("reference_folder").asText(),
                "run.json names folders by absolute path");
        assertReferenceFiles(json, Path.of("data", "reference"));
    }

    @Test
    void aCustomReferenceFolderChangesUnderpaid() throws IOException {
        mixed();
        Path ref = contractedReference();
        CliRun run = audit("--reference", ref.toString(), "--only", "NM-UNDERPAID");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("NM-UNDERPAID M3:1 INFO", "NM-UNDERPAID M4:1 INFO"), findings());
        assertEquals("14.00", finding("NM-UNDERPAID", "M3").get("amount_at_risk"));
        assertEquals("30.00", finding("NM-UNDERPAID", "M4").get("amount_at_risk"));
        JsonNode json = runJson();
        assertEquals(ref.toString().replace('\\', '/'), json.get("reference_folder").asText());
        assertReferenceFiles(json, ref);
    }

    @Test
    void aMissingReferenceFolderExits2WithAMessage() {
        mixed();
        Path missing = tmp.resolve("no-such-reference");
        CliRun run = audit("--reference", missing.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(missing.toString()) && run.err().contains("--reference"), run.err());
        assertFalse(Files.exists(out()));
    }

    @Test
    void aBadReferenceRowExits2ListingIt() throws IOException {
        mixed();
        Path ref = contractedReference();
        Files.writeString(ref.resolve("fee-schedule.csv"),
                "payer_type,cpt_code,setting,component,expected_amount,effective_from\n"
                        + "MEDICARE,95971,OFFICE,PROFESSIONAL,60.00,2025-01-01\n");
        CliRun run = audit("--reference", ref.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("fee-schedule.csv:2 column setting: setting OFFICE is not one of FACILITY,"
                + " NON_FACILITY"), run.err());
        assertFalse(Files.exists(out()));
    }

    /** run.json's reference_files: fee-schedule.csv and codes.csv of {@code folder}, each with its SHA-256. */
    private static void assertReferenceFiles(JsonNode json, Path folder) throws IOException {
        Map<String, String> sha = new TreeMap<>();
        for (JsonNode f : json.get("reference_files")) {
            sha.put(f.get("file").asText(), f.get("sha256").asText());
        }
        assertEquals(new TreeSet<>(List.of("codes.csv", "fee-schedule.csv")), sha.keySet());
        for (Map.Entry<String, String> e : sha.entrySet()) {
            assertEquals(Sha256.hex(Files.readAllBytes(folder.resolve(e.getKey()))), e.getValue(), e.getKey());
        }
    }
}
