package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleDescription;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.report.RuleCatalog;
import org.nmaudit.report.RuleListWriter;
import org.nmaudit.report.RuleTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmaudit rules list}: every rule of a rules folder with its metadata, scope and parameters. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Lists every finding rule of a rules folder: id, severity, scope (LINE or PROVIDER, from"
                + " what its consequence flags), file and line, the parameters it uses, its name and citation."
                + " A rule with several paths (DRL rules sharing an @id) is listed once per path.")
public final class RulesListCommand implements Callable<Integer> {
    enum Format { table, csv, json, markdown }

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder (default: rules/ in the working directory if there is one, else the"
                    + " installation's).")
    Path rulesFolder;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people, 100 columns; name and citation cut to fit), csv or json (every field"
                    + " whole, with a kind column), or markdown: the rule catalog, with what each rule flags and lets"
                    + " pass (@flags, @exceptions) and the parameter defaults, as docs/rule-catalog.md holds it."
                    + " Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--all",
            description = "Also lists the derivation rules (kind DERIVATION: @id and @derives, no findings).")
    boolean all;

    @Mixin
    UnsafeRulesOption unsafeRules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RuleFolder folder;
        RuleBase rules;
        ParameterSet parameters;
        try {
            folder = RuleFolder.load(DefaultFolders.rules(rulesFolder)).withUnsafeCodeAllowed(unsafeRules.allowed);
            rules = RuleCompiler.compile(folder);
            parameters = folder.parameters();
        } catch (RuleSetupException e) {
            return AuditCommand.RuleProblems.report(spec.commandLine().getErr(), e, "nothing was listed");
        }
        List<RuleDescription> described = RuleDescription.all(folder, rules);
        List<RuleDescription> listed = described.stream().filter(r -> all || r.isFindingRule()).toList();
        switch (format) {
            case csv -> RuleListWriter.csv(out, listed);
            case json -> RuleListWriter.json(out, listed);
            case markdown -> new RuleCatalog(out).print(folder.displayPath(), described, parameters);
            default -> new RuleTable(out).print(folder.displayPath(), described, all);
        }
        out.flush();
        return ExitCode.OK;
    }
}
