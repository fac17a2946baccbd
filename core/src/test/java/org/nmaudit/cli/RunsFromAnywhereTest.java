package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.RulesCopy;

/**
 * nmaudit run from a folder of the user's own, which has no rules/ and no data/reference/ (issue: "rules
 * folder rules does not exist"): without --rules and --reference the installation's folders are used, and
 * run.json and the console name them; a rules/ in the working directory comes first. Each run is a JVM of
 * its own in another working directory: java on the test class path, and the real launcher reached
 * through symbolic links on the PATH.
 */
class RunsFromAnywhereTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    private Path work;
    private Path data;

    @BeforeEach
    void aFolderOfTheUsersOwn() throws IOException {
        work = tmp.resolve("work");
        Files.createDirectories(work);
        data = DataFolder.in(work.resolve("mydata")).claims(
                DataFolder.claim("I1", "1").set("patient_id", "P2").set("cpt_code", "63685")
                        .set("service_date", "2025-02-20").set("place_of_service", "24").toString()).path();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path out = Files.createTempFile("nmaudit-out", ".txt");
        Path err = Files.createTempFile("nmaudit-err", ".txt");
        try {
            Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the run ends");
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** java -cp (the test class path) org.nmaudit.cli.Main ARGS, in the folder {@code cwd}. */
    private static Run java(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "org.nmaudit.cli.Main"));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command).directory(cwd.toFile()));
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A folder as the console of a run in the work folder shows it: relative where that is shorter. */
    private String shown(Path folder) {
        String relative = work.toAbsolutePath().relativize(folder).toString();
        // as FolderNames shows a folder: relative only below the working directory
        return !relative.startsWith("..") && relative.length() < folder.toString().length() ? relative
                : folder.toString();
    }

    private static JsonNode runJson(Path report) throws IOException {
        return new ObjectMapper().readTree(report.resolve("run.json").toFile());
    }

    @Test
    void anAuditFromAnotherFolderUsesTheInstallationsRulesAndReferenceAndSaysSo() throws Exception {
        Run audit = java(work, "audit", "mydata", "--out", "report");
        assertEquals(0, audit.exitCode(), audit.err());
        Path rules = PROJECT.resolve("rules").toRealPath();
        Path reference = PROJECT.resolve("data/reference").toRealPath();
        assertTrue(audit.out().contains("\nRules folder: " + shown(rules) + "; reference folder: " + shown(reference)
                + "\n"), audit.out());
        JsonNode run = runJson(work.resolve("report"));
        assertEquals(List.of(rules.toString(), reference.toString(), work.resolve("report").toString()),
                List.of(run.get("rules_folder").asText(), run.get("reference_folder").asText(),
                        run.get("output_folder").asText()), "run.json names folders by their absolute paths");
        assertEquals(rules + "/trials.drl", run.get("rule_files").get(5).get("file").asText());
    }

    @Test
    void aRulesFolderInTheWorkingDirectoryComesFirst() throws Exception {
        RulesCopy.in(work.resolve("rules"));
        Run audit = java(work, "audit", "mydata", "--out", "report");
        assertEquals(0, audit.exitCode(), audit.err());
        JsonNode run = runJson(work.resolve("report"));
        assertEquals(List.of(work.resolve("rules").toString(), PROJECT.resolve("data/reference").toRealPath().toString()),
                List.of(run.get("rules_folder").asText(), run.get("reference_folder").asText()));
    }

    @Test
    void theRulesCommandsFromAnotherFolderUseTheInstallationsRules() throws Exception {
        Path rules = PROJECT.resolve("rules").toRealPath();
        Run check = java(work, "rules", "check");
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().endsWith(rules + "/ OK: 19 finding rules, 15 derivation rules, 15 parameters\n"),
                check.out());
        Run test = java(work, "rules", "test", "--only", "NM-RATIO");
        assertEquals(0, test.exitCode(), test.out() + test.err());
        assertTrue(test.out().contains("PASS ratio-1-of-5-vs-4-decided"), test.out());
    }

    /**
     * The real ./nmaudit, copied into an installation of its own whose jar is a manifest naming the test
     * class path (so the launcher finds it up to date and builds nothing), reached from the PATH through a
     * relative and then an absolute symbolic link, run in the user's folder.
     */
    @Test
    void theLauncherWorksThroughASymbolicLinkOnThePath() throws Exception {
        Path installation = tmp.resolve("opt").resolve("nmaudit");
        Files.createDirectories(installation.resolve("core/src/main"));
        Files.copy(PROJECT.resolve("nmaudit"), installation.resolve("nmaudit"));
        assertTrue(installation.resolve("nmaudit").toFile().setExecutable(true));
        Files.writeString(installation.resolve("pom.xml"), "<project/>");
        Files.writeString(installation.resolve("core/pom.xml"), "<project/>");
        RulesCopy.in(installation.resolve("rules"));
        Files.createDirectories(installation.resolve("data/reference"));
        try (Stream<Path> files = Files.list(PROJECT.resolve("data/reference"))) {
            for (Path f : files.toList()) {
                Files.copy(f, installation.resolve("data/reference").resolve(f.getFileName()));
            }
        }
        FileTime built = FileTime.from(Instant.parse("2025-01-01T00:00:00Z"));
        for (String older : List.of("pom.xml", "core/pom.xml", "core/src/main")) {
            Files.setLastModifiedTime(installation.resolve(older), built);
        }
        Path jar = installation.resolve("core/target/nmaudit.jar");
        writeClassPathJar(jar);
        Files.setLastModifiedTime(jar, FileTime.from(built.toInstant().plusSeconds(60)));

        Path links = tmp.resolve("links");
        Files.createDirectories(links);
        Files.createSymbolicLink(links.resolve("nm"), installation.resolve("nmaudit"));
        Path bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        Files.createSymbolicLink(bin.resolve("nmaudit"), Path.of("../links/nm"));

        // A shell finds the command on its PATH, as when a user types it.
        ProcessBuilder launcher = new ProcessBuilder("/bin/sh", "-c", "nmaudit audit mydata --out report")
                .directory(work.toFile());
        launcher.environment().put("PATH", bin + File.pathSeparator + Path.of(javaCommand()).getParent()
                + File.pathSeparator + System.getenv("PATH"));
        launcher.environment().put("NMAUDIT_JAVA_OPTS", "-Xmx512m");
        Run audit = run(launcher);
        assertEquals(0, audit.exitCode(), audit.err());
        Path home = installation.toRealPath();
        JsonNode run = runJson(work.resolve("report"));
        assertEquals(List.of(home.resolve("rules").toString(), home.resolve("data/reference").toString()),
                List.of(run.get("rules_folder").asText(), run.get("reference_folder").asText()));
        assertTrue(audit.out().contains("\nRules folder: " + shown(home.resolve("rules")) + "; reference folder: "
                + shown(home.resolve("data/reference")) + "\n"), audit.out());
    }

    /** A jar holding only a manifest: Main-Class nmaudit's, Class-Path every entry of the test class path. */
    private static void writeClassPathJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "org.nmaudit.cli.Main");
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
        assertTrue(Files.size(jar) > 0, jar + " written");
    }
}
