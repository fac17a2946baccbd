package org.nmaudit.report.monthly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nmaudit.engine.RuleFile;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.input.Sha256;

/** The rules folder's one SHA-256: what `sha256sum *.drl parameters.properties | sort -k2 | sha256sum` gives. */
class RulesFolderHashTest {

    @Test
    void isTheSha256OfSha256sumsLinesSortedByFileName() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rules/trials.drl", "22".repeat(32));
        files.put("rules/coding.drl", "11".repeat(32));
        files.put("rules/parameters.properties", "33".repeat(32));
        String expected = Sha256.hex("11".repeat(32) + "  coding.drl\n" + "33".repeat(32) + "  parameters.properties\n"
                + "22".repeat(32) + "  trials.drl\n");
        assertEquals(expected, RulesFolderHash.of(files));
        Map<String, String> elsewhere = new LinkedHashMap<>();
        files.forEach((path, sha) -> elsewhere.put(path.replace("rules/", "/srv/audit/my-rules/"), sha));
        assertEquals(expected, RulesFolderHash.of(elsewhere), "the folder's location does not count");
    }

    @Test
    void ofTheProjectsRulesFolderMatchesItsFilesOnDisk() throws Exception {
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        Map<String, String> recorded = new LinkedHashMap<>();
        for (RuleFile f : folder.drlFiles()) {
            recorded.put(f.displayPath(), f.sha256());
        }
        recorded.put(folder.parametersFile().displayPath(), folder.parametersFile().sha256());

        StringBuilder lines = new StringBuilder();
        for (Path p : filesOf(Path.of("rules"))) {
            lines.append(Sha256.hex(Files.readAllBytes(p))).append("  ").append(p.getFileName()).append('\n');
        }
        assertEquals(Sha256.hex(lines.toString().getBytes(StandardCharsets.UTF_8)), RulesFolderHash.of(recorded));
    }

    /** Every .drl and parameters.properties directly in the folder, by name (C collation). */
    private static List<Path> filesOf(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".drl")
                    || p.getFileName().toString().equals("parameters.properties"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }
}
