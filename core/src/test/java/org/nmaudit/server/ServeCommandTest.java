package org.nmaudit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.history.TestDatabase;
import org.nmaudit.testing.CliRun;

/**
 * {@code nmaudit serve} as a user starts it: the one console line (URL, rules with their count and SHA-256,
 * the store), a clean stop on Ctrl-C (SIGINT), help on every option, and the refusals: a bind beyond the
 * loopback address without a token file, a token file that holds no usable token.
 */
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aBindBeyondLoopbackWithoutATokenFileIsRefused() {
        CliRun run = CliRun.of("serve", "--bind", "0.0.0.0", "--port", "0");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("nmaudit: --bind 0.0.0.0 listens beyond this machine: give --token-file FILE too (a file holding"
                + " the bearer token that every request must send), or bind 127.0.0.1\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void aTokenFileWithoutAUsableTokenIsRefused() throws Exception {
        Path shortToken = Files.writeString(tmp.resolve("token"), "secret\n");
        try (TestDatabase db = TestDatabase.h2()) {
            CliRun run = CliRun.of("serve", "--db", db.url(), "--port", "0", "--token-file", shortToken.toString());
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals("nmaudit: the token file " + shortToken + " must hold one token of at least 16 characters"
                    + " without spaces (e.g. from: openssl rand -hex 32)\n", run.err());
            assertFalse(run.err().contains("secret"), "the token itself is never shown");
        }
    }

    @Test
    void everyOptionHasHelp() {
        CliRun help = CliRun.of("serve", "--help");
        assertEquals(0, help.exitCode());
        for (String option : List.of("--db", "--rules", "--reference", "--param", "--only", "--disable", "--bind",
                "--port", "--token-file", "--max-body", "--allow-unsafe-rules")) {
            Matcher m = Pattern.compile("^\\s+(-\\w, )?" + option + "(=\\S+)?\\s+(\\S.*)$", Pattern.MULTILINE)
                    .matcher(help.out());
            assertTrue(m.find(), option + " has a line of help:\n" + help.out());
        }
        assertTrue(CliRun.of("--help").out().contains("serve"), "listed by nmaudit --help");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The threads of a running JVM, as jcmd prints them, for the message of a failure. */
    private static String threadDump(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    @Test
    void startsWithOneLineAndStopsCleanlyOnCtrlC() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "org.nmaudit.cli.Main", "serve", "--db", db.url(),
                    "--port", "0");
            Process p = new ProcessBuilder(command).redirectError(tmp.resolve("err.txt").toFile()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String first = out.readLine();
                Matcher started = Pattern.compile("nmaudit serve: listening on (http://127\\.0\\.0\\.1:\\d+)/v1/ \\(no"
                        + " token\\); rules: (\\d+) finding rules from rules, SHA-256 ([0-9a-f]{64}); store:"
                        + " jdbc:h2:file:.*\\. Ctrl-C stops\\.").matcher(String.valueOf(first));
                assertTrue(started.matches(), first + "\n" + Files.readString(tmp.resolve("err.txt")));
                assertEquals("19", started.group(2), "finding rules by id, as rules check counts them");
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(started.group(1) + "/v1/health")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), health.body());
                assertTrue(health.body().contains("\"sha256\":\"" + started.group(3) + "\""), health.body());

                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                // Generous: a loaded CI machine; if it still runs, the failure shows what each of its threads does.
                boolean ended = p.waitFor(60, TimeUnit.SECONDS);
                assertTrue(ended, () -> "stopped on SIGINT; stderr:\n" + readQuietly(tmp.resolve("err.txt"))
                        + "\nthreads:\n" + threadDump(p.pid()));
                List<String> rest = new ArrayList<>();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    rest.add(line);
                }
                assertEquals(List.of("nmaudit serve: stopped"), rest);
                assertEquals("", Files.readString(tmp.resolve("err.txt")), "nothing on stderr");
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
