package org.nmaudit.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One DRL file of the rules folder.
 *
 * @param name the file name, e.g. trials.drl
 * @param displayPath the path messages use, e.g. rules/trials.drl
 */
public record RuleFile(String name, String displayPath, String text, String sha256, List<String> lines) {
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");

    /** The text split once into its lines; every lookup by line number reads these. */
    public RuleFile(String name, String displayPath, String text, String sha256) {
        this(name, displayPath, text, sha256, List.of(text.split("\n", -1)));
    }

    /** The name of the rule whose text holds {@code line} (1-based), or null outside any rule. */
    public String ruleAt(int line) {
        String current = null;
        for (int i = 0; i < lines.size() && i < line; i++) {
            Matcher m = RULE_START.matcher(lines.get(i));
            if (m.find()) {
                current = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            }
        }
        return current;
    }

    /** The names of the rules declared in the file, in file order. */
    public List<String> ruleNames() {
        List<String> names = new java.util.ArrayList<>();
        for (String line : lines) {
            Matcher m = RULE_START.matcher(line);
            if (m.find()) {
                names.add(m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
            }
        }
        return names;
    }

    /** The 1-based line where rule {@code name} is declared, or 0. */
    public int lineOf(String ruleName) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RULE_START.matcher(lines.get(i));
            if (m.find() && ruleName.equals(m.group(2) != null ? m.group(2)
                    : m.group(3) != null ? m.group(3) : m.group(4))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The lines with comments and the content of string literals blanked, positions kept (see DrlText). */
    List<String> codeLines() {
        return List.of(DrlText.codeOnly(text).split("\n", -1));
    }

    /** The text of 1-based line {@code line}, or "" past the end. */
    public String line(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
