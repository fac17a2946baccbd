package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nmaudit.testing.CliRun;

/**
 * Every --help as a new user reads it: each command lists its own exit codes, and no line break falls
 * inside a file name or a hyphenated word (picocli breaks lines after "." and "-", so
 * "findings.json" came out as "findings." and "json").
 */
class HelpTextTest {
    private static final List<List<String>> COMMANDS = List.of(List.of(), List.of("audit"), List.of("diff"),
            List.of("explain"), List.of("generate"), List.of("rules"), List.of("rules", "check"),
            List.of("rules", "list"), List.of("rules", "test"));
    /** A line ending in "name." whose next line starts with an extension, or ending in "word-". */
    private static final Pattern SPLIT_NAME = Pattern.compile("[A-Za-z0-9_]\\.$");
    private static final Pattern EXTENSION = Pattern.compile("^(csv|json|properties|drl|md|log|xlsx|html|txt)\\b.*");
    private static final Pattern SPLIT_WORD = Pattern.compile("[A-Za-z0-9]-$");

    private static String help(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        return run.out();
    }

    @Test
    void noLineBreaksInsideAFileNameOrAHyphenatedWord() {
        List<String> splits = new ArrayList<>();
        for (List<String> command : COMMANDS) {
            List<String> lines = help(command).lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String end = lines.get(i).stripTrailing();
                String next = lines.get(i + 1).strip();
                if (SPLIT_NAME.matcher(end).find() && EXTENSION.matcher(next).matches()
                        || SPLIT_WORD.matcher(end).find() && !next.isEmpty() && Character.isLetterOrDigit(next.charAt(0))) {
                    splits.add("nmaudit " + String.join(" ", command) + " --help: \"" + end + "\" / \"" + next + "\"");
                }
            }
        }
        assertEquals(List.of(), splits);
    }

    @Test
    void everyCommandListsItsOwnExitCodes() {
        assertEquals(String.join("\n",
                "Exit codes:",
                "  0   completed; audit: no finding at or above --fail-on",
                "  1   internal error (a bug): message plus the log file path",
                "  2   usage error, unreadable input, missing required column, rule compile",
                "        error, --strict with rejects, or out of memory",
                "  4   audit: findings at or above --fail-on; scrub: a claim held; rules test: a",
                "        test case failed",
                "  5   audit, scrub, history import: input rows rejected (4 gives way to it)",
                ""), exitCodes(List.of()));
        assertEquals(String.join("\n",
                "Exit codes:",
                "  0   completed; no finding at or above --fail-on",
                "  1   internal error (a bug): message plus the log file path",
                "  2   usage error, unreadable input, missing required column, rule compile",
                "        error, --strict with rejects, or out of memory",
                "  4   completed, with findings at or above --fail-on",
                "  5   completed, some input rows rejected (takes precedence over 4)", ""),
                exitCodes(List.of("audit")));
        assertEquals(String.join("\n",
                "Exit codes:",
                "  0   the data set is written",
                "  1   internal error (a bug): message plus the log file path",
                "  2   an option out of range, data files already in --out (without --force),",
                "        the folder cannot be written, or a usage error", ""), exitCodes(List.of("generate")));
    }

    private static String exitCodes(List<String> command) {
        String help = help(command);
        return help.substring(help.indexOf("Exit codes:"));
    }
}
