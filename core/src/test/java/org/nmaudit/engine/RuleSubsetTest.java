package org.nmaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.testing.ClaimLineBuilder.claim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nmaudit.testing.RuleHarness;

/**
 * --only and --disable compile a rule base without the other rules. Removing a rule unloads its
 * classes, so the full rule base of the same JVM must keep working after a subset was built and run.
 */
class RuleSubsetTest {
    private static final List<Object> FACTS = List.of(
            // 63685 in the office (NM-POS-PERM) with no trial (NM-TRIAL-DOC), twice on two claims (NM-UNITS,
            // NM-DUP-LINE on the later claim).
            claim("I1").cpt("63685").on("2025-02-20").pos("11").build(),
            claim("I2").cpt("63685").on("2025-02-20").pos("11").build());

    private static List<String> ruleIds(RuleBase rules) throws RuleSetupException {
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        return RuleHarness.compact(new RuleEngine(rules).run(folder.parameters(), LocalDate.of(2025, 3, 1), FACTS)
                .findings().all());
    }

    @Test
    void aSubsetRunsOnlyItsRulesAndTheFullRuleBaseStillWorksAfterIt() throws RuleSetupException {
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        RuleBase full = RuleCompiler.compile(folder);
        List<String> everything = ruleIds(full);
        assertEquals(RuleHarness.expected("NM-DUP-LINE I2:1 HIGH", "NM-POS-PERM I1:1 HIGH", "NM-POS-PERM I2:1 HIGH",
                "NM-TRIAL-DOC I1:1 HIGH", "NM-TRIAL-DOC I2:1 HIGH", "NM-UNITS I1:1 HIGH", "NM-UNITS I2:1 HIGH"),
                everything);

        RuleSelection onlyPos = new RuleSelection(Set.of("NM-POS-PERM"), Set.of());
        RuleBase subset = RuleCompiler.compile(folder, onlyPos);
        assertEquals(RuleHarness.expected("NM-POS-PERM I1:1 HIGH", "NM-POS-PERM I2:1 HIGH"), ruleIds(subset));
        assertEquals(everything, ruleIds(full));

        RuleSelection withoutPos = new RuleSelection(Set.of(), Set.of("NM-POS-PERM", "NM-UNITS"));
        assertEquals(RuleHarness.expected("NM-DUP-LINE I2:1 HIGH", "NM-TRIAL-DOC I1:1 HIGH", "NM-TRIAL-DOC I2:1 HIGH"),
                ruleIds(RuleCompiler.compile(folder, withoutPos)));
        assertEquals(everything, ruleIds(full));
    }
}
