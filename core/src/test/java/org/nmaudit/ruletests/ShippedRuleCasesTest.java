package org.nmaudit.ruletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleProblem;
import org.nmaudit.engine.RuleSetupException;

/**
 * The test cases shipped in rules/tests, one JUnit test each, exactly as {@code nmaudit rules test} runs
 * them; and every shipped finding rule has a case.
 */
class ShippedRuleCasesTest {
    private static RuleCaseSuite suite;

    @BeforeAll
    static void compileRules() throws RuleSetupException {
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        suite = new RuleCaseSuite(folder, RuleCompiler.compile(folder), folder.parameters(), Path.of("data", "reference"));
    }

    @TestFactory
    Stream<DynamicTest> everyShippedCasePasses() throws IOException {
        List<Path> cases = suite.caseFolders();
        assertFalse(cases.isEmpty(), "rules/tests holds no case");
        return cases.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            CaseVerdict verdict = suite.run(suite.load(folder), null);
            assertTrue(verdict.passed(), String.join("\n", verdict.lines()));
            assertTrue(verdict.knownGaps().isEmpty() && verdict.todoPassing().isEmpty() && verdict.warnings().isEmpty(),
                    String.join("\n", verdict.lines()));
            assertFalse(verdict.found().isEmpty(), "a shipped case shows a violation: " + verdict.lines());
        }));
    }

    @Test
    void everyShippedFindingRuleIsCoveredByACase() throws IOException, CaseFolderException {
        List<RuleCase> cases = new ArrayList<>();
        for (Path folder : suite.caseFolders()) {
            cases.add(suite.load(folder));
        }
        assertEquals(List.of(), suite.uncovered(cases, null).stream().map(RuleProblem::toString).toList());
    }

    @Test
    void everyShippedCaseTellsItsStory() throws IOException {
        for (Path folder : suite.caseFolders()) {
            assertTrue(Files.isRegularFile(folder.resolve("README.md")), folder + " has a README.md with its story");
        }
    }
}
