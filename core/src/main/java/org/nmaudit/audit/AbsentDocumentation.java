package org.nmaudit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.findings.RuleInfo;
import org.nmaudit.input.DataSetSummary;

/**
 * A documentation file that is absent is read as "nothing documented" (data-format.md), so the rules that
 * look for that documentation flag every case: a practice that does not export its trial outcomes gets a
 * NM-TRIAL-DOC finding on every implant. The run says so, per absent file, naming the rules that read it
 * (from the rules folder, so an auditor's own rule is named too) and how to leave them out.
 */
public final class AbsentDocumentation {
    /** Each documentation file and the fact type its rows become. */
    private static final Map<String, String> FACT_TYPES = Map.of(
            "trial-outcomes.csv", "TrialOutcome",
            "repeat-trial-justifications.csv", "RepeatTrialJustification",
            "programming-sessions.csv", "ProgrammingSession",
            "psych-evaluations.csv", "PsychEvaluation");

    private AbsentDocumentation() {
    }

    public static List<String> warnings(DataSetSummary data, RuleBase rules, RuleSelection selection) {
        List<String> warnings = new ArrayList<>();
        for (String file : data.absentFiles()) {
            String type = FACT_TYPES.get(file);
            if (type == null) {
                continue;
            }
            TreeSet<String> ids = new TreeSet<>();
            for (RuleInfo r : rules.rulesMatching(type)) {
                if (r.isFindingRule() && selection.allows(r)) {
                    ids.add(r.id());
                }
            }
            if (!ids.isEmpty()) {
                String list = String.join(", ", ids);
                warnings.add(file + " is absent, so " + list + (ids.size() == 1 ? " sees" : " see") + " no "
                        + type + " documented for any patient and may flag every case it checks; if the practice"
                        + " does not keep these records, leave " + (ids.size() == 1 ? "that rule" : "those rules")
                        + " out with --disable " + String.join(",", ids));
            }
        }
        return warnings;
    }
}
