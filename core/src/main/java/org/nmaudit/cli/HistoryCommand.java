package org.nmaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nmaudit history}: the claim history store that scrubs judge new claims against; only names its subcommands. */
@Command(name = "history",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps the claim history (claim lines and documentation rows) in a database: an embedded"
                + " file under the working folder (" + HistoryDatabaseOption.DEFAULT_SHOWN + ") unless --db names"
                + " another, e.g. jdbc:postgresql://HOST/DB with the user and password in " 
                + "NMAUDIT_DB_USER and NMAUDIT_DB_PASSWORD.",
        subcommands = {HistoryImportCommand.class, HistoryExportCommand.class})
public final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: import or export");
    }
}
