package org.nmaudit.cli;

import picocli.CommandLine.Command;

/** The root command: only names the subcommands; each subcommand is its own class. */
@Command(
        name = "nmaudit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compliance auditor for neuromodulation (spinal cord and peripheral nerve stimulator) billing.",
        subcommands = {AuditCommand.class, DiffCommand.class, ExplainCommand.class, GenerateCommand.class,
            RulesCommand.class, X12Command.class, HistoryCommand.class, ScrubCommand.class,
            ServeCommand.class})
public final class NmauditCommand {
}
