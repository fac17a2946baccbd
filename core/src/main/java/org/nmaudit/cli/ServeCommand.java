package org.nmaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;
import org.nmaudit.server.ScrubServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nmaudit serve}: the scrub of {@code nmaudit scrub} as a JSON API over HTTP, for a billing system that
 * checks each claim before it sends it (scrubbing.md, "Over HTTP"). Runs until Ctrl-C.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Serves the scrub of nmaudit scrub as a JSON API over HTTP.",
            "POST /v1/scrub judges claims (JSON, or an 837 file) against the claim history exactly as nmaudit scrub"
                + " does; POST /v1/history adds claims and documentation to it; GET /v1/rules, GET /v1/health and"
                + " GET /v1/openapi.json describe the server.",
            "The rules are compiled once at start; when a file of the rules folder changes they are compiled again"
                + " and used only if they compile (a broken edit keeps the running rules; /v1/health shows the"
                + " error). Listens on " + ScrubServer.Settings.LOOPBACK + " unless --bind says otherwise, which"
                + " then needs --token-file. Ctrl-C stops it."})
public final class ServeCommand implements Callable<Integer> {
    /** How often the rules folder's files are fingerprinted for changes. */
    static final Duration RULES_POLL = Duration.ofSeconds(2);
    /** Connections to the history store: enough for the requests that two cores can serve at once. */
    static final int STORE_CONNECTIONS = 10;

    @Mixin
    HistoryDatabaseOption database;

    @Mixin
    ScrubRulesOptions rulesOptions;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ScrubServer.Settings.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other address"
                    + " needs --token-file.")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding the bearer token (one line, at least 16 characters, e.g. from openssl rand"
                    + " -hex 32) that every request must send as Authorization: Bearer <token>. The token is never"
                    + " taken on the command line, and never logged.")
    Path tokenFile;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest request body accepted, in bytes (default: ${DEFAULT-VALUE}, 1 MB, about 3,000"
                    + " claim lines); a larger one gets 413.")
    long maxBody;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("nmaudit: --port " + port + " is not a port (0 to 65535)");
            return ExitCode.USAGE;
        }
        ScrubServer.Settings settings = new ScrubServer.Settings(bind, port, maxBody, tokenFile, RULES_POLL);
        String problem = settings.problem();
        if (problem != null) {
            err.println("nmaudit: " + problem);
            return ExitCode.USAGE;
        }
        ReferenceData reference;
        try {
            reference = new ReferenceReader(new ConsoleProgress(err, false)).read(rulesOptions.reference());
        } catch (InputException e) {
            err.println("nmaudit: " + e.getMessage());
            return ExitCode.USAGE;
        }
        reference.warnings().forEach(w -> err.println("warning: " + w));
        HistoryStore store;
        try {
            store = database.openForServing(STORE_CONNECTIONS);
        } catch (HistoryException e) {
            err.println("nmaudit: " + e.getMessage());
            return ExitCode.USAGE;
        }
        ScrubServer server;
        try {
            server = ScrubServer.start(settings, rulesOptions.rules(), reference, store, line -> {
                out.println(line);
                out.flush();
            });
        } catch (RuleSetupException e) {
            store.close();
            return AuditCommand.RuleProblems.report(err, e, "the server did not start");
        } catch (IOException e) {
            store.close();
            err.println("nmaudit: the token file " + tokenFile + " cannot be read ("
                    + org.nmaudit.input.IoErrors.describe(e) + ")");
            return ExitCode.USAGE;
        } catch (IllegalArgumentException e) {
            store.close();
            err.println("nmaudit: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            store.close();
            if (isBindFailure(e)) {
                err.println("nmaudit: cannot listen on " + bind + " port " + port + " (" + rootMessage(e)
                        + "); is another server on that port? Choose another with --port");
                return ExitCode.USAGE;
            }
            throw e;
        }
        out.printf(Locale.ROOT, "nmaudit serve: listening on %s/v1/ (%s); rules: %s; store: %s. Ctrl-C stops.%n",
                server.url(), tokenFile == null ? "no token" : "bearer token required", server.rulesSummary(),
                store.location());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            out.println("nmaudit serve: stopped");
            out.flush();
            stopped.countDown();
        }, "nmaudit-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t.getClass().getSimpleName().contains("BindException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
