package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleProblem;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.ruletests.CaseVerdict;
import org.nmaudit.ruletests.RuleCaseSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmaudit rules test}: runs the test cases auditors keep next to the rules. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Runs the test cases of a rules folder, DIR/tests/<case>/: each a small data set (claims.csv"
                + " and any documentation files, as for an audit) with expected-findings.csv (rule_id, claim_id,"
                + " line_number, rendering_npi, status) listing every finding the case must raise. Optional in a case:"
                + " case.properties (as_of=yyyy-MM-dd, param.NAME=VALUE) and a reference/ folder.",
            "A case passes when it raises exactly the expected findings and no input row is rejected; a row with"
                + " status todo is a known gap that does not fail. Finding rules that no case covers are warnings."})
public final class RulesTestCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder whose tests/ to run (default: rules/ in the working directory if there is"
                    + " one, else the installation's).")
    Path rulesFolder;

    @Option(names = "--only", paramLabel = "ID",
            description = "Runs only the cases whose expected-findings.csv names this rule @id, and compares only"
                    + " that rule's findings.")
    String only;

    @Option(names = "--reference", paramLabel = "DIR",
            description = "Reference folder for the cases that have no reference/ of their own (default:"
                    + " data/reference/ in the working directory if there is one, else the installation's).")
    Path referenceFolder;

    @Mixin
    UnsafeRulesOption unsafeRules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String onlyId = only == null ? null : only.strip().toUpperCase(Locale.ROOT);
        Path rules = DefaultFolders.rules(rulesFolder);
        RuleCaseSuite suite;
        try {
            RuleFolder folder = RuleFolder.load(rules).withUnsafeCodeAllowed(unsafeRules.allowed);
            ParameterSet parameters = folder.parameters();
            RuleBase compiled = RuleCompiler.compile(folder);
            suite = new RuleCaseSuite(folder, compiled, parameters, DefaultFolders.reference(referenceFolder));
            if (onlyId != null) {
                try {
                    RuleSelection.of(List.of(onlyId), List.of()).check(compiled);
                } catch (RuleSetupException e) {
                    err.println("nmaudit: " + e.problems().get(0).message());
                    return ExitCode.USAGE;
                }
            }
        } catch (RuleSetupException e) {
            return AuditCommand.RuleProblems.report(err, e, "no case was run (nmaudit rules check shows them all)");
        }
        if (!Files.isDirectory(rules.resolve(RuleCaseSuite.TESTS))) {
            out.println(suite.testsDisplay() + " does not exist: no test cases (docs/rule-authoring.md shows how to"
                    + " write one)");
        }
        RuleCaseSuite.Result result;
        try {
            result = suite.runAll(onlyId);
        } catch (RuleSetupException e) {
            return AuditCommand.RuleProblems.report(err, e, "the test run stopped");
        }
        for (CaseVerdict v : result.verdicts()) {
            v.lines().forEach(out::println);
        }
        for (Map.Entry<String, List<String>> m : result.malformed().entrySet()) {
            out.println("ERROR " + m.getKey() + ": the case cannot run");
            m.getValue().forEach(out::println);
        }
        for (RuleProblem p : result.uncovered()) {
            out.println(p);
        }
        out.println(result.summary());
        if (!result.malformed().isEmpty()) {
            return ExitCode.USAGE;
        }
        return result.failed() > 0 ? ExitCode.RULE_CASE_FAILED : ExitCode.OK;
    }
}
