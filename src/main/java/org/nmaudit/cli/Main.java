package org.nmaudit.cli;

import picocli.CommandLine;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; tests call this instead of spawning a JVM. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    private static void describeExitCodes(CommandLine cmd) {
        cmd.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList());
        cmd.getSubcommands().values().forEach(Main::describeExitCodes);
    }

    static CommandLine newCommandLine() {
        CommandLine cmd = new CommandLine(new NmauditCommand());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler(new InternalErrorHandler());
        describeExitCodes(cmd);
        return cmd;
    }
}
