package org.nmaudit.cli;

import java.util.List;
import picocli.CommandLine;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Made before any rule runs: with the heap exhausted there may be no memory left to make it.
        Thread.setDefaultUncaughtExceptionHandler(new OutOfMemoryExit(args));
        System.exit(run(args));
    }

    /**
     * Out of memory in a worker thread of the rule engine (it compiles in parallel) leaves the command
     * waiting for that thread for ever: the run ends here instead, as {@link #run} would end it.
     */
    private static final class OutOfMemoryExit implements Thread.UncaughtExceptionHandler {
        private final List<String> args;

        OutOfMemoryExit(String[] args) {
            this.args = List.of(args);
            InternalErrorHandler.outOfMemory(null); // loaded now: loading a class takes memory
        }

        @Override
        @SuppressWarnings("finally")
        public void uncaughtException(Thread thread, Throwable e) {
            int code = -1;
            try {
                if (!InternalErrorHandler.outOfMemory(e)) {
                    System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                    e.printStackTrace(System.err);
                    return;
                }
                code = ExitCode.USAGE;
                code = InternalErrorHandler.report(e, new java.io.PrintWriter(System.err, true), args);
            } catch (Throwable tooLittleMemoryEvenToSaySo) {
                code = ExitCode.USAGE; // the exit code still says it
            } finally {
                if (code >= 0) {
                    Runtime.getRuntime().halt(code);
                }
            }
        }
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
