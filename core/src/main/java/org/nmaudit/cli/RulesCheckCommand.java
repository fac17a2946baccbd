package org.nmaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nmaudit.engine.RuleCheck;
import org.nmaudit.engine.RuleProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmaudit rules check}: compiles a rules folder and reports every error and warning, located. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Compiles every DRL file and the parameters file of a rules folder without reading any data,"
                + " and prints every error, then every warning, as FILE:LINE:COL: message (rule \"name\").",
            "Warnings: an @id shared by rules in two files (or, in one file, further down and with another"
                + " @citation), a parameter no rule uses, a parameter a rule uses that has no default, a rule with"
                + " none of @id, @severity, @citation, @derives."})
public final class RulesCheckCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder: every *.drl in it and its%nparameters.properties (default: rules/ in the"
                    + " working directory if there is one, else the installation's).")
    Path rulesFolder;

    @Mixin
    UnsafeRulesOption unsafeRules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleCheck check = RuleCheck.of(DefaultFolders.rules(rulesFolder), unsafeRules.allowed);
        for (RuleProblem p : check.errors()) {
            out.println(p);
        }
        for (RuleProblem p : check.warnings()) {
            out.println(p);
        }
        out.println(check.summary());
        return check.compiles() ? ExitCode.OK : ExitCode.USAGE;
    }
}
