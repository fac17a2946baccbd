package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.ChildJvm;

/**
 * Two audits of the sample in processes of their own, as a user runs them month after month: the first compiles
 * the rules and keeps them in the cache folder, the second reads them from there, and both write the same report.
 */
class CompiledRulesAcrossRunsTest {
    @TempDir
    Path tmp;

    @Test
    void theSecondRunReadsTheCompiledRulesAndReportsTheSame() throws Exception {
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of("NMAUDIT_CACHE_DIR", cache.toString());
        Path root = Path.of("").toAbsolutePath();
        ChildJvm first = audit(root, env, tmp.resolve("first"));
        assertEquals(5, first.exitCode(), first::err);
        List<Path> entries = entries(cache.resolve("rules"));
        assertEquals(1, entries.size(), "one compiled rules folder kept: " + entries);
        FileTime longAgo = FileTime.fromMillis(0);
        Files.setLastModifiedTime(entries.get(0), longAgo);

        ChildJvm second = audit(root, env, tmp.resolve("second"));
        assertEquals(5, second.exitCode(), second::err);
        assertEquals(entries, entries(cache.resolve("rules")), "no new entry: the same rules");
        assertTrue(Files.getLastModifiedTime(entries.get(0)).compareTo(longAgo) > 0, "the second run read the entry");
        for (String file : List.of("findings.csv", "provider-ratios.csv", "rejects.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("first").resolve(file)),
                    Files.readAllBytes(tmp.resolve("second").resolve(file)), file);
        }
        assertEquals(withoutTimesAndFolders(tmp.resolve("first")), withoutTimesAndFolders(tmp.resolve("second")));
    }

    private static ChildJvm audit(Path root, Map<String, String> env, Path out) throws Exception {
        return ChildJvm.run(List.of(), root, env, "audit", "data/sample", "--out", out.toString());
    }

    private static List<Path> entries(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".rules")).sorted().toList();
        }
    }

    /** findings.json without the run's times and its output folder, which differ from run to run. */
    private static List<String> withoutTimesAndFolders(Path report) throws Exception {
        return Files.readAllLines(report.resolve("findings.json")).stream()
                .filter(l -> !l.matches("\\s*\"[a-z_]*(_at|_ms|output_folder)\".*")).toList();
    }
}
