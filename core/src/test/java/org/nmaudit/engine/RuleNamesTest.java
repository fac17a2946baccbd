package org.nmaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A rule's name says what it checks, never the value of a parameter it reads: "within 30 days" went
 * stale the day an auditor set programming_window_days to 45, and explain and diff kept printing it.
 */
class RuleNamesTest {
    @Test
    void noShippedRuleNameStatesTheValueOfAParameterItUses() throws RuleSetupException {
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        ParameterSet parameters = folder.parameters();
        List<String> stale = new ArrayList<>();
        for (RuleDescription rule : RuleDescription.all(folder, RuleCompiler.compile(folder))) {
            for (String name : rule.parameters()) {
                for (ParameterSet.Value v : parameters.values()) {
                    for (String value : new java.util.TreeSet<>(List.of(v.value().toPlainString(),
                            v.value().stripTrailingZeros().toPlainString()))) {
                        if (v.name().equals(name) && Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "(?![\\w.])")
                                .matcher(rule.info().name()).find()) {
                            stale.add(rule.info().name() + " (" + name + " = " + value + ")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), stale);
    }
}
