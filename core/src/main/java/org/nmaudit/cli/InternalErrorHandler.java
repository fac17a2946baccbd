package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.nmaudit.input.IoErrors;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * A bug must not greet a billing clerk with a stack trace: the console gets one line and the path of
 * a log file that holds the trace for whoever fixes it (exit code 1).
 */
final class InternalErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        return report(ex, cmd.getErr(), parseResult.originalArgs());
    }

    /** Also for an Error (a linkage error, a stack overflow in a rule), which picocli lets through. */
    static int report(Throwable ex, PrintWriter err, List<String> args) {
        if (outOfMemory(ex)) {
            // Not a bug but a data set larger than the heap (exit code 2, like other input the run cannot
            // take): say how to give it more.
            err.printf("nmaudit: out of memory (the JVM may use %,d MB); a patient with a very long history, or the"
                    + " provider pass over a very large data set (it holds every carried fact), needs a larger heap: rerun with NMAUDIT_JAVA_OPTS=-Xmx<size>, e.g."
                    + " NMAUDIT_JAVA_OPTS=-Xmx8g ./nmaudit ...%n", Runtime.getRuntime().maxMemory() >> 20);
            err.flush();
            return ExitCode.USAGE;
        }
        String where;
        try {
            Path log = Files.createTempFile("nmaudit-error-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-", ".log");
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            Files.writeString(log, "nmaudit " + VersionProvider.version() + "\nargs: "
                    + String.join(" ", args) + "\n\n" + trace, StandardCharsets.UTF_8);
            where = "details in " + log;
        } catch (IOException e) {
            where = "and the log file could not be written (" + IoErrors.describe(e) + ")";
        } catch (RuntimeException | Error e) {
            // The JVM may be too broken to write a log (a class that cannot load); the line still goes out.
            where = "and the log file could not be written (" + e + ")";
        }
        err.println("nmaudit: internal error (a bug, please report it): " + ex + "; " + where);
        err.flush();
        return ExitCode.INTERNAL_ERROR;
    }

    /**
     * An OutOfMemoryError, also when it reached the command wrapped: thrown in a worker thread of the rule
     * engine it comes back as the cause of another exception.
     */
    static boolean outOfMemory(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
