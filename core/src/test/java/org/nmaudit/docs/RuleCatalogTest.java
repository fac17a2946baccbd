package org.nmaudit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleDescription;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.report.RuleCatalog;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.RulesCopy;

/**
 * docs/rule-catalog.md is what {@code rules list --format markdown} makes of rules/: a rule added or
 * changed without regenerating it fails here. What each rule flags and lets pass comes from the rules'
 * own @flags and @exceptions metadata, which every shipped finding rule carries.
 */
class RuleCatalogTest {
    private static final Path CATALOG = Path.of("docs", "rule-catalog.md");

    @TempDir
    Path tmp;

    @Test
    void theCatalogInDocsIsTheOneTheRulesMake() throws IOException {
        CliRun run = CliRun.of("rules", "list", "--format", "markdown");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(run.out(), Files.readString(CATALOG, StandardCharsets.UTF_8),
                CATALOG + " is not what the rules folder makes; regenerate it from the project folder with\n  "
                        + RuleCatalog.COMMAND + "\n");
    }

    @Test
    void everyShippedFindingRuleSaysWhatItFlagsAndWhatItLetsPass() throws RuleSetupException {
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        List<String> undescribed = new ArrayList<>();
        int finding = 0;
        for (RuleDescription r : RuleDescription.all(folder, RuleCompiler.compile(folder))) {
            if (r.isFindingRule()) {
                finding++;
                if (r.flags() == null || r.exceptions() == null) {
                    undescribed.add(r.info().name());
                }
            }
        }
        assertEquals(26, finding);
        assertEquals(List.of(), undescribed, "finding rules without @flags or @exceptions");
    }

    @Test
    void aRuleWithoutTheMetadataIsListedAsNotDescribed() {
        RulesCopy rules = RulesCopy.in(tmp.resolve("my-rules"));
        rules.append("coding.drl", "\nrule \"NM-LOCAL: 99999 billed\"\n    @id(NM-LOCAL)\n    @severity(LOW)\n"
                + "    @citation(\"local policy\")\nwhen\n    $line : ClaimLine(cptCode == \"99999\")\nthen\n"
                + "    flag.line(kcontext, $line, \"99999 is not billed here.\");\nend\n");
        CliRun run = CliRun.of("rules", "list", "--format", "markdown", "--rules", rules.display());
        assertEquals(0, run.exitCode(), run::toString);
        String local = run.out().substring(run.out().indexOf("\n## NM-LOCAL\n"));
        assertTrue(local.startsWith(String.join("\n", "", "## NM-LOCAL", "", "99999 billed.", "",
                "- **Severity:** LOW; **scope:** LINE",
                "- **Flags:** (not described: the rule has no @flags metadata)",
                "- **Exceptions:** (not described: the rule has no @exceptions metadata)",
                "- **Parameters:** none",
                "- **Citation:** Local policy.",
                "- **DRL:** `" + rules.display() + "/coding.drl:" + rules.lineOf("coding.drl", "rule \"NM-LOCAL")
                        + "`, rule \"NM-LOCAL: 99999 billed\"", "")), local);
        assertTrue(run.out().contains("| [NM-LOCAL](#nm-local) | LOW | LINE | `" + rules.display() + "/coding.drl:"),
                run.out());
    }
}
