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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;
import org.nmaudit.testing.RulesCopy;

/**
 * The worked examples of docs/rule-authoring.md, run as printed, in the order they are printed: its fenced
 * blocks marked {@code file=PATH} (and {@code mode=append}) are written into a copy of rules/ named my-rules,
 * and each block marked {@code command=ARGS} is run with nmaudit and must print exactly its content and exit 0.
 */
class RuleAuthoringGuideTest {
    private static final Path GUIDE = Path.of("docs", "rule-authoring.md");
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\S*)(.*)$");

    /** One fenced block: its info string after the language, and its content. */
    private record Block(String info, String content, int line) {
        String attribute(String name) {
            Matcher m = Pattern.compile("\\b" + name + "=(\\S+)").matcher(info);
            return m.find() ? m.group(1) : null;
        }

        String command() {
            int at = info.indexOf("command=");
            return at < 0 ? null : info.substring(at + "command=".length()).strip();
        }
    }

    @TempDir
    Path tmp;

    @Test
    void theWorkedExampleChecksAndItsCasePasses() throws IOException {
        List<Block> blocks = blocks(Files.readString(GUIDE, StandardCharsets.UTF_8));
        List<Block> files = blocks.stream().filter(b -> b.attribute("file") != null).toList();
        List<Block> commands = blocks.stream().filter(b -> b.command() != null).toList();
        assertTrue(files.stream().anyMatch(b -> b.attribute("file").endsWith(".drl")),
                GUIDE + " has a ```drl file=NAME.drl``` block with the example rule");
        assertTrue(files.stream().anyMatch(b -> b.attribute("file").matches("tests/[^/]+/claims\\.csv")),
                GUIDE + " has a ```csv file=tests/CASE/claims.csv``` block");
        assertTrue(files.stream().anyMatch(b -> b.attribute("file").matches("tests/[^/]+/expected-findings\\.csv")),
                GUIDE + " has a ```csv file=tests/CASE/expected-findings.csv``` block");
        assertTrue(commands.stream().anyMatch(b -> b.command().startsWith("rules check ")),
                GUIDE + " has a ```text command=rules check --rules my-rules``` block");
        assertTrue(commands.stream().anyMatch(b -> b.command().startsWith("rules test ") && b.command().contains("--only")),
                GUIDE + " has a ```text command=rules test --rules my-rules --only ID``` block");

        // In document order: each command sees the files written above it, as a reader following the guide.
        RulesCopy myRules = RulesCopy.in(tmp.resolve("my-rules"));
        for (Block b : blocks(Files.readString(GUIDE, StandardCharsets.UTF_8))) {
            if (b.attribute("file") != null) {
                if ("append".equals(b.attribute("mode"))) {
                    myRules.append(b.attribute("file"), b.content());
                } else {
                    myRules.write(b.attribute("file"), b.content());
                }
                continue;
            }
            if (b.command() == null) {
                continue;
            }
            List<String> args = new ArrayList<>();
            for (String arg : b.command().split("\\s+")) {
                args.add(arg.equals("my-rules") ? myRules.path().toString() : arg);
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            String shown = run.out().replace(myRules.display(), "my-rules");
            assertEquals(b.content(), shown, GUIDE + " line " + b.line() + ": nmaudit " + b.command() + "\n" + run);
            assertEquals(0, run.exitCode(), GUIDE + " line " + b.line() + ": nmaudit " + b.command() + "\n" + run);
        }
    }

    private static List<Block> blocks(String markdown) {
        List<Block> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            StringBuilder content = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].startsWith("```")) {
                content.append(lines[j]).append('\n');
                j++;
            }
            out.add(new Block(open.group(2).strip(), content.toString(), i + 1));
            i = j;
        }
        return out;
    }
}
