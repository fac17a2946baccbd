package org.nmaudit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every folder the README tells a user to make inside the project with {@code cp -r} (my-rules,
 * my-reference, rules-draft) is git-ignored, so a user's own rules and rates never show up as changes
 * to commit. Asked of git itself ({@code git check-ignore}).
 */
class ReadmeCopiesTest {
    private static final Pattern COPY = Pattern.compile("\\bcp -r (\\S+) (\\S+)");

    @Test
    void everyCopyTheReadmeSuggestsIsIgnoredByGit() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.exists(Path.of(".git")), "skipped: the project folder is not a git checkout");
        List<String> copies = new ArrayList<>();
        Matcher m = COPY.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        while (m.find()) {
            copies.add(m.group(2));
        }
        assertTrue(copies.containsAll(List.of("my-rules", "my-reference", "rules-draft")), copies.toString());
        List<String> tracked = new ArrayList<>();
        for (String copy : copies) {
            Process git;
            try {
                git = new ProcessBuilder("git", "check-ignore", "-q", copy + "/parameters.properties")
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                Assumptions.abort("skipped: git is not installed (" + e.getMessage() + ")");
                return;
            }
            git.getInputStream().readAllBytes();
            if (git.waitFor() != 0) {
                tracked.add(copy);
            }
        }
        assertEquals(List.of(), tracked, "README copies that git would offer to commit");
    }
}
