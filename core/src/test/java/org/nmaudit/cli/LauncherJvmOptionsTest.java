package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options ./nmaudit picks, which the README's performance figures rest on: a batch command gets the
 * audit's heap, compile thresholds and inlining limits (huge pages where the kernel offers them, and a class-data-sharing archive
 * the first audit saves, or on Java 25 and later an AOT cache recorded from the bundled sample), serve its large young generation, the default thresholds and fewer
 * pauses (the inline-cache buffer only where the JVM has the option), and NMAUDIT_JAVA_OPTS replaces either.
 * The real launcher runs in an installation of its own whose jar is up to date (so it builds nothing), with a
 * {@code java} on the PATH that prints the arguments it was given, and refuses the option named in
 * {@code REFUSES}, as a JVM refuses one it does not have.
 */
class LauncherJvmOptionsTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final List<String> BATCH_ON_EVERY_KERNEL = List.of("-Xms1g", "-Xmn400m", "-Xmx3g",
            "-XX:+UseParallelGC", "-XX:MetaspaceSize=64m", "-XX:CompileThresholdScaling=2", "-XX:MaxTenuringThreshold=1",
            "-XX:FreqInlineSize=60", "-XX:InlineSmallCode=700");
    /** The batch options where the kernel offers transparent huge pages (the launch below says it does). */
    private static final List<String> BATCH = concat(BATCH_ON_EVERY_KERNEL, List.of("-XX:+UseTransparentHugePages"));
    private static final List<String> SERVER_ON_EVERY_JVM = List.of("-Xms3g", "-Xmn2g", "-Xmx3g",
            "-XX:+UseParallelGC", "-XX:MetaspaceSize=64m", "-XX:MaxTenuringThreshold=1",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=0");
    private static final List<String> SERVER = concat(SERVER_ON_EVERY_JVM,
            List.of("-XX:+UnlockExperimentalVMOptions", "-XX:InlineCacheBufferSize=1m"));

    @TempDir
    Path tmp;

    private Path installation;
    private Path bin;

    @BeforeEach
    void anInstallationWithAnEchoingJava() throws IOException {
        installation = tmp.resolve("nmaudit");
        Files.createDirectories(installation.resolve("core/src/main"));
        Files.copy(PROJECT.resolve("nmaudit"), installation.resolve("nmaudit"));
        Files.writeString(installation.resolve("pom.xml"), "<project/>");
        Files.writeString(installation.resolve("core/pom.xml"), "<project/>");
        FileTime built = FileTime.from(Instant.parse("2025-01-01T00:00:00Z"));
        for (String older : List.of("pom.xml", "core/pom.xml", "core/src/main")) {
            Files.setLastModifiedTime(installation.resolve(older), built);
        }
        Path jar = installation.resolve("core/target/nmaudit.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not read: java here only prints its arguments");
        Files.setLastModifiedTime(jar, FileTime.from(built.toInstant().plusSeconds(60)));
        bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "for a in \"$@\"; do if [ -n \"$REFUSES\" ] && [ \"$a\" = \"$REFUSES\" ]; then\n"
                + "  echo \"Unrecognized VM option\" >&2; exit 1; fi; done\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*)\n"
                + "  [ -n \"$WRITES_NO_ARCHIVE\" ] || printf 'classes' > \"${a#-XX:ArchiveClassesAtExit=}\";; esac; done\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:AOTMode=*)\n"
                // a step of making the AOT cache: logged, its file written as the JVM would, the sample's exit code
                + "  printf '%s ' \"$@\" >> \"$AOT_STEPS\"; echo >> \"$AOT_STEPS\"\n"
                + "  for b in \"$@\"; do case \"$b\" in\n"
                + "    -XX:AOTConfiguration=*) [ \"$a\" != -XX:AOTMode=record ] || [ -n \"$RECORDS_NOTHING\" ] \\\n"
                + "      || printf 'configuration' > \"${b#-XX:AOTConfiguration=}\";;\n"
                + "    -XX:AOTCache=*) printf 'cache' > \"${b#-XX:AOTCache=}\";;\n"
                + "  esac; done\n"
                + "  [ \"$a\" = -XX:AOTMode=record ] && exit 5; exit 0;; esac; done\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done\n"
                + "exit ${EXITS_WITH:-0}\n");
        java.toFile().setExecutable(true);
    }

    @Test
    void aBatchCommandGetsTheAuditHeapHigherCompileThresholdsAndEarlyPromotion() throws Exception {
        assertEquals(expected(BATCH, "audit", "data/sample", "--period", "2025-12"),
                launch(Map.of(), "audit", "data/sample", "--period", "2025-12"));
        assertEquals(expected(BATCH, "history", "import", "data/sample"),
                launch(Map.of(), "history", "import", "data/sample"));
        assertEquals(expected(BATCH, "--version"), launch(Map.of(), "--version"));
    }

    @Test
    void hugePagesOnlyWhereTheKernelOffersThemToAProcessThatAsks() throws Exception {
        Path setting = tmp.resolve("thp-enabled");
        Files.writeString(setting, "[always] madvise never\n");
        assertEquals(expected(BATCH, "audit", "x"), launch(Map.of("NMAUDIT_THP_SETTING", setting.toString()),
                "audit", "x"));
        Files.writeString(setting, "always madvise [never]\n");
        assertEquals(expected(BATCH_ON_EVERY_KERNEL, "audit", "x"),
                launch(Map.of("NMAUDIT_THP_SETTING", setting.toString()), "audit", "x"));
        assertEquals(expected(BATCH_ON_EVERY_KERNEL, "audit", "x"),
                launch(Map.of("NMAUDIT_THP_SETTING", tmp.resolve("no-such-file").toString()), "audit", "x"),
                "a kernel without the setting (not Linux, or too old)");
    }

    @Test
    void theFirstAuditSavesTheClassArchiveAndLaterBatchCommandsMapIt() throws Exception {
        aJdkWithAReleaseFile();
        List<String> first = launch(Map.of(), "audit", "data/sample");
        Path archive = onlyArchive();
        assertTrue(archive.getFileName().toString().matches("nmaudit-cds-[0-9]+\\.jsa"), archive.toString());
        assertEquals(BATCH, first.subList(0, BATCH.size()));
        String dump = first.get(BATCH.size());
        assertTrue(dump.matches("-XX:ArchiveClassesAtExit=" + java.util.regex.Pattern.quote(archive.toString())
                + "\\.[0-9]+\\.tmp"), dump);
        assertEquals("-Xlog:cds*=off", first.get(BATCH.size() + 1), "the JVM's CDS warnings would go to stdout");
        assertEquals(expected(BATCH, "audit", "data/sample").subList(BATCH.size(), expected(BATCH).size() + 2),
                first.subList(BATCH.size() + 2, first.size()));
        assertEquals("classes", Files.readString(archive), "the archive the JVM wrote is put in place");
        assertEquals(List.of(archive), archives(), "no temporary file is left");

        List<String> mapIt = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
        assertEquals(expected(concat(BATCH, mapIt), "history", "import", "data/sample"),
                launch(Map.of(), "history", "import", "data/sample"));
        assertEquals(expected(concat(BATCH, mapIt), "audit", "x"), launch(Map.of(), "audit", "x"));
        assertEquals(expected(SERVER, "serve"), launch(Map.of(), "serve"), "a server starts once");
        assertEquals(expected(List.of("-Xmx2g"), "audit", "x"), launch(Map.of("NMAUDIT_JAVA_OPTS", "-Xmx2g"), "audit",
                "x"));
    }

    @Test
    void aJarNewerThanTheArchiveIsNotMappedAndTheNextAuditSavesANewOne() throws Exception {
        aJdkWithAReleaseFile();
        launch(Map.of(), "audit", "x");
        Path archive = onlyArchive();
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        assertEquals(expected(BATCH, "history", "import", "d"), launch(Map.of(), "history", "import", "d"),
                "an archive of an earlier jar is not used");
        List<String> again = launch(Map.of(), "audit", "x");
        assertTrue(again.get(BATCH.size()).startsWith("-XX:ArchiveClassesAtExit="), again.toString());
        assertTrue(Files.getLastModifiedTime(archive).toInstant().isAfter(Instant.parse("2025-01-02T00:00:00Z")));
    }

    @Test
    void theSavingRunKeepsTheExitCodeAndOnlyAJvmThatEndedByItselfLeavesAnArchive() throws Exception {
        aJdkWithAReleaseFile();
        List<String> args = launch(Map.of("EXITS_WITH", "5", "WRITES_NO_ARCHIVE", "yes"), 5, "audit", "x");
        assertTrue(args.get(BATCH.size()).startsWith("-XX:ArchiveClassesAtExit="), args.toString());
        assertEquals(List.of(), archives());
        launch(Map.of("EXITS_WITH", "137"), 137, "audit", "x");
        assertEquals(List.of(), archives(), "a JVM killed while writing the archive left part of one: not kept");
        launch(Map.of("EXITS_WITH", "2"), 2, "audit", "no-such-folder");
        assertEquals(List.of(), archives(), "an audit stopped by a usage error loaded too few classes");
        assertEquals(expected(BATCH, "audit", "--help"), launch(Map.of(), "audit", "--help"), "nor is help an audit");
        launch(Map.of("EXITS_WITH", "5"), 5, "audit", "x");
        assertEquals(1, archives().size(), "an audit that found rejects (exit 5) ended by itself");
    }

    @Test
    void noArchiveWithoutAJdkReleaseFile() throws Exception {
        assertEquals(expected(BATCH, "audit", "x"), launch(Map.of(), "audit", "x"));
        assertEquals(List.of(), archives());
    }

    /** The echoing java in a JDK's layout: bin/java beside a release file, which names the JVM's archive. */
    private void aJdkWithAReleaseFile() throws IOException {
        aJdkWithAReleaseFile("17.0.15");
    }

    private void aJdkWithAReleaseFile(String version) throws IOException {
        Files.writeString(tmp.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
    }

    private Path onlyArchive() throws IOException {
        List<Path> all = archives();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private List<Path> archives() throws IOException {
        try (var files = Files.list(installation.resolve("core/target"))) {
            return files.filter(p -> p.getFileName().toString().contains(".jsa")).sorted().toList();
        }
    }

    @Test
    void onJava25TheFirstAuditRecordsTheBundledSampleAndLaterBatchCommandsUseTheAotCache() throws Exception {
        aJdkWithAReleaseFile("25.0.3");
        Files.createDirectories(installation.resolve("data/sample"));
        assertEquals(expected(BATCH, "audit", "x"), launch(Map.of("EXITS_WITH", "4"), 4, "audit", "x"),
                "the user's audit runs as without a cache, and its exit code is the launcher's");
        Path cache = onlyFile("nmaudit-aot-[0-9]+\\.aot");
        assertEquals("cache", Files.readString(cache));
        List<String> steps = Files.readAllLines(tmp.resolve("aot-steps.txt"));
        assertEquals(2, steps.size(), steps.toString());
        String home = installation.toRealPath().toString();
        String record = steps.get(0);
        assertTrue(record.startsWith(String.join(" ", BATCH) + " -XX:AOTMode=record -XX:AOTConfiguration=" + home
                + "/core/target/nmaudit-aot."), record);
        assertTrue(record.contains("/sample.aotconf -Xlog:aot=off -Xlog:cds=off -Dnmaudit.home=" + home + " -jar " + home
                + "/core/target/nmaudit.jar audit " + home + "/data/sample --period 2025-12 --out "), record);
        String create = steps.get(1);
        assertTrue(create.startsWith(String.join(" ", BATCH) + " -XX:AOTMode=create -XX:AOTConfiguration="), create);
        assertTrue(create.contains(" -XX:AOTCache=" + cache + "."), "written under a temporary name: " + create);
        assertEquals(List.of(cache), targetFiles(".*aot.*"), "no configuration, scratch folder or temporary cache left");
        assertEquals(List.of(), targetFiles(".*\\.jsa.*"), "no class archive on a JVM that has the AOT cache");

        List<String> useIt = List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
        assertEquals(expected(concat(BATCH, useIt), "history", "import", "d"), launch(Map.of(), "history", "import", "d"));
        assertEquals(expected(concat(BATCH, useIt), "audit", "x"), launch(Map.of(), "audit", "x"));
        assertEquals(2, Files.readAllLines(tmp.resolve("aot-steps.txt")).size(), "made once");

        Files.setLastModifiedTime(cache, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        assertEquals(expected(BATCH, "audit", "x"), launch(Map.of(), "audit", "x"), "a cache of an earlier jar is not used");
        assertEquals(4, Files.readAllLines(tmp.resolve("aot-steps.txt")).size(), "and the audit makes a new one");
    }

    @Test
    void onJava25NoCacheFromAnAuditThatDidNotEndByItselfOrWithoutTheSampleOrARecording() throws Exception {
        aJdkWithAReleaseFile("25");
        Files.createDirectories(installation.resolve("data/sample"));
        launch(Map.of("EXITS_WITH", "2"), 2, "audit", "no-such-folder");
        launch(Map.of("EXITS_WITH", "137"), 137, "audit", "x");
        assertEquals(expected(BATCH, "audit", "--help"), launch(Map.of(), "audit", "--help"));
        assertEquals(expected(BATCH, "rules", "check"), launch(Map.of(), "rules", "check"), "only an audit makes it");
        assertFalse(Files.exists(tmp.resolve("aot-steps.txt")), "nothing was recorded");
        assertEquals(expected(BATCH, "audit", "x"), launch(Map.of("RECORDS_NOTHING", "yes", "EXITS_WITH", "5"), 5,
                "audit", "x"));
        assertEquals(1, Files.readAllLines(tmp.resolve("aot-steps.txt")).size(), "no cache made without a recording");
        assertEquals(List.of(), targetFiles(".*aot.*"));

        Files.delete(installation.resolve("data/sample"));
        launch(Map.of(), "audit", "x");
        assertEquals(1, Files.readAllLines(tmp.resolve("aot-steps.txt")).size(), "no sample, no recording");
        assertEquals(List.of(), targetFiles(".*aot.*"));
    }

    private Path onlyFile(String pattern) throws IOException {
        List<Path> all = targetFiles(pattern);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private List<Path> targetFiles(String pattern) throws IOException {
        try (var files = Files.list(installation.resolve("core/target"))) {
            return files.filter(p -> p.getFileName().toString().matches(pattern)).sorted().toList();
        }
    }

    @Test
    void serveGetsTheLargeYoungGenerationTheDefaultThresholdsAndFewerPauses() throws Exception {
        assertEquals(expected(SERVER, "serve", "--port", "8080"), launch(Map.of(), "serve", "--port", "8080"));
    }

    @Test
    void serveStartsWithoutTheInlineCacheBufferOnAJvmThatHasNoSuchOption() throws Exception {
        // Java 23 and later removed the buffer and its option; with it, they would refuse to start.
        assertEquals(expected(SERVER_ON_EVERY_JVM, "serve"),
                launch(Map.of("REFUSES", "-XX:InlineCacheBufferSize=1m"), "serve"));
    }

    @Test
    void anOptionBeforeTheCommandDoesNotHideServe() throws Exception {
        assertEquals(expected(SERVER, "--debug", "serve"), launch(Map.of(), "--debug", "serve"));
    }

    @Test
    void serveAsAnArgumentOfAnotherCommandIsNotTheServer() throws Exception {
        assertEquals(expected(BATCH, "audit", "serve"), launch(Map.of(), "audit", "serve"));
    }

    @Test
    void nmauditJavaOptsReplacesTheDefaults() throws Exception {
        Map<String, String> env = Map.of("NMAUDIT_JAVA_OPTS", "-Xmx2g -XX:+UseG1GC");
        assertEquals(expected(List.of("-Xmx2g", "-XX:+UseG1GC"), "audit", "x"), launch(env, "audit", "x"));
        assertEquals(expected(List.of("-Xmx2g", "-XX:+UseG1GC"), "serve"), launch(env, "serve"));
    }

    @Test
    void nmauditMaxHeapReplacesOnlyTheLargestHeap() throws Exception {
        assertEquals(expected(withHeap(BATCH, "-Xms1g", "-Xmn400m", "-Xmx2048m"), "audit", "x"),
                launch(Map.of("NMAUDIT_MAX_HEAP", "2g"), "audit", "x"));
        assertEquals(expected(withHeap(BATCH, "-Xms1g", "-Xmn400m", "-Xmx6144m"), "audit", "x"),
                launch(Map.of("NMAUDIT_MAX_HEAP", "6G"), "audit", "x"));
        assertEquals(expected(withHeap(SERVER, "-Xms2048m", "-Xmn819m", "-Xmx2048m"), "serve"),
                launch(Map.of("NMAUDIT_MAX_HEAP", "2048m"), "serve"));
    }

    @Test
    void aSmallMaxHeapShrinksTheInitialHeapAndTheYoungGeneration() throws Exception {
        assertEquals(expected(withHeap(BATCH, "-Xms512m", "-Xmn204m", "-Xmx512m"), "audit", "x"),
                launch(Map.of("NMAUDIT_MAX_HEAP", "512m"), "audit", "x"));
    }

    @Test
    void aMaxHeapThatIsNoSizeIsRefusedWithWhatToWrite() throws Exception {
        for (String bad : List.of("2", "2gb", "-1g", "lots", "2.5g", "10m")) {
            assertEquals(List.of(), launch(Map.of("NMAUDIT_MAX_HEAP", bad), 2, "audit", "x"), bad);
            String message = Files.readString(tmp.resolve("launcher-err.txt"));
            assertTrue(message.startsWith("nmaudit: NMAUDIT_MAX_HEAP=" + bad + " is "), message);
            assertTrue(message.contains("1536m or 2g") || message.contains("at least 64m"), message);
        }
    }

    @Test
    void nmauditJavaOptsWinsOverNmauditMaxHeap() throws Exception {
        assertEquals(expected(List.of("-Xmx1g"), "audit", "x"),
                launch(Map.of("NMAUDIT_JAVA_OPTS", "-Xmx1g", "NMAUDIT_MAX_HEAP", "2g"), "audit", "x"));
    }

    /** The options with their -Xms, -Xmn and -Xmx (the first three) replaced. */
    private static List<String> withHeap(List<String> options, String xms, String xmn, String xmx) {
        assertEquals(List.of("-Xms", "-Xmn", "-Xmx"), options.subList(0, 3).stream().map(o -> o.substring(0, 4)).toList());
        return concat(List.of(xms, xmn, xmx), options.subList(3, options.size()));
    }

    private List<String> expected(List<String> jvmOptions, String... arguments) throws IOException {
        List<String> all = new ArrayList<>(jvmOptions);
        all.add("-Dnmaudit.home=" + installation.toRealPath());
        all.add("-jar");
        all.add(installation.toRealPath().resolve("core/target/nmaudit.jar").toString());
        all.addAll(List.of(arguments));
        return all;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The arguments java was started with, one per line of its output. */
    private List<String> launch(Map<String, String> env, String... arguments) throws Exception {
        return launch(env, 0, arguments);
    }

    private List<String> launch(Map<String, String> env, int exitCode, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(installation.resolve("nmaudit").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().remove("NMAUDIT_JAVA_OPTS");
        builder.environment().remove("NMAUDIT_MAX_HEAP");
        Path madvise = tmp.resolve("thp-madvise");
        Files.writeString(madvise, "always [madvise] never\n"); // the kernel of this machine and most Linux hosts
        builder.environment().put("NMAUDIT_THP_SETTING", madvise.toString());
        builder.environment().put("AOT_STEPS", tmp.resolve("aot-steps.txt").toString());
        builder.environment().putAll(env);
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Path out = tmp.resolve("java-arguments.txt");
        Path err = tmp.resolve("launcher-err.txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish");
        }
        assertEquals(exitCode, p.exitValue(), Files.readString(err));
        return Files.readAllLines(out);
    }
}
