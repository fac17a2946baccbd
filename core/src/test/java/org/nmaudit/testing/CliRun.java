package org.nmaudit.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.nmaudit.cli.Main;

/**
 * One in-process run of the nmaudit command line, as a user would type it, with what it printed.
 *
 * @param exitCode the process exit code the command would return
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
