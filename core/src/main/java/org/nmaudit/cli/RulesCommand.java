package org.nmaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nmaudit rules}: the auditor's own work on the rules folder; only names its subcommands. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Checks, lists and tests the DRL rules of a rules folder, without an audit.",
        subcommands = {RulesCheckCommand.class, RulesListCommand.class, RulesTestCommand.class})
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: check, list or test");
    }
}
