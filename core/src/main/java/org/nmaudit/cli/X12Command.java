package org.nmaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nmaudit x12}: work on X12 837/835 files without an audit; only names its subcommands. */
@Command(name = "x12",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads X12 837P/837I claims and 835 remittances without auditing them (docs/input-format.md maps them)."
                + " An audit reads them itself: put the files in the data folder.",
        subcommands = {X12ToCsvCommand.class})
public final class X12Command implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: to-csv");
    }
}
