package org.nmaudit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * nmaudit run in a JVM of its own (what a user's shell runs), for what an in-process run cannot show: a
 * process with other permissions, another working directory, a kill. The class path is this test JVM's.
 *
 * @param exitCode the process's exit code
 */
public record ChildJvm(int exitCode, String out, String err) {

    /**
     * @param prefix a command the JVM runs under (e.g. setpriv with fewer capabilities); may be empty
     */
    public static ChildJvm run(List<String> prefix, Path workingDirectory, String... args)
            throws IOException, InterruptedException {
        return run(prefix, workingDirectory, Map.of(), args);
    }

    /** @param environment variables set for the process, beside those of this JVM */
    public static ChildJvm run(List<String> prefix, Path workingDirectory, Map<String, String> environment,
            String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.nmaudit.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
        pb.environment().putAll(environment);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("nmaudit " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new ChildJvm(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
