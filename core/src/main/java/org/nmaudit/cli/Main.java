package org.nmaudit.cli;

import java.util.List;
import picocli.CommandLine;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; tests call this instead of spawning a JVM. */
    public static int run(String... args) {
        CommandLine cmd = newCommandLine();
        try {
            return cmd.execute(args);
        } catch (Error e) {
            return InternalErrorHandler.report(e, cmd.getErr(), List.of(args));
        }
    }

    private static void describeExitCodes(CommandLine cmd) {
        cmd.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList(cmd.getCommandSpec().qualifiedName()));
        cmd.getSubcommands().values().forEach(Main::describeExitCodes);
    }

    /** Runs one command line with its own console streams (tests read what a user would see). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cmd = newCommandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        int code;
        try {
            code = cmd.execute(args);
        } catch (Error e) {
            code = InternalErrorHandler.report(e, err, List.of(args));
        }
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine newCommandLine() {
        CommandLine cmd = new CommandLine(new NmauditCommand());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler(new InternalErrorHandler());
        describeExitCodes(cmd);
        return cmd;
    }
}
