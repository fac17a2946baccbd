package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Turns one Drools build message into located problems ({@code file:line:col}). Drools knows the line
 * of a parse error and of most condition errors, but puts the column only in the text ("Line 18:25"),
 * reports Java errors in a consequence at the rule's first line, and leaves some follow-on condition
 * errors without a line; for those the offending text is looked up in the file.
 */
final class DrlErrorLocator {
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern MVEL_NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.\\}\\]");
    private static final Pattern MVEL_ERROR = Pattern.compile("\\[Error: ([^\\]]*)\\]");
    private static final Pattern IN_RULE = Pattern.compile("\\s+in (?:the )?rule ['\"]([^'\"]*)['\"]\\s*");
    private static final Pattern ERR_PREFIX = Pattern.compile("^\\[ERR \\d+\\]\\s*Line \\d+:\\d+\\s*");
    /** A fact class an MVEL error names, e.g. org.nmaudit.facts.PermanentImplant. */
    private static final Pattern FACT_TYPE = Pattern.compile("\\b(?:[a-z]\\w*\\.)+([A-Z]\\w*)\\.");
    private static final Pattern QUOTED = Pattern.compile("'([^']{2,})'");
    private static final String CONSEQUENCE_PREFIX = "Rule Compilation error";
    /** The name a Java compiler error gives to the offending symbol. */
    private static final List<Pattern> JAVA_SYMBOL = List.of(
            Pattern.compile("^(\\S+) cannot be resolved"),
            Pattern.compile("^The (?:method|constructor) (\\w+)\\("),
            Pattern.compile("^The field (?:\\w+\\.)?(\\w+) is"),
            Pattern.compile("^(\\w+) cannot be resolved to a type"));

    private final Map<String, RuleFile> files;

    DrlErrorLocator(Map<String, RuleFile> filesByName) {
        this.files = filesByName;
    }

    List<RuleProblem> locate(Message m) {
        RuleFile file = files.get(fileName(m.getPath()));
        String display = file == null ? m.getPath() : file.displayPath();
        String text = m.getText() == null ? "" : m.getText().strip();
        if (text.startsWith(CONSEQUENCE_PREFIX) && file != null) {
            return consequenceErrors(file, m.getLine(), text.substring(CONSEQUENCE_PREFIX.length()).strip());
        }
        int line = m.getLine();
        int column = 0;
        Matcher pos = PARSER_POSITION.matcher(text);
        if (pos.find()) {
            line = Integer.parseInt(pos.group(1));
            column = Integer.parseInt(pos.group(2)) + 1; // the parser counts columns from 0
        }
        String fragment = fragment(text);
        if (line <= 0 && file != null && fragment != null) {
            Matcher type = FACT_TYPE.matcher(text);
            if (type.find()) {
                line = firstLineWith(file, type.group(1) + "(", fragment);
            }
            if (line <= 0) {
                line = firstLineWith(file, fragment, 1, Integer.MAX_VALUE);
            }
        }
        if (column == 0 && file != null && line > 0) {
            column = columnOf(file.line(line), fragment);
        }
        String ruleName = null;
        Matcher inRule = IN_RULE.matcher(text);
        if (inRule.find()) {
            ruleName = inRule.group(1);
        } else if (file != null && line > 0) {
            ruleName = file.ruleAt(line);
        }
        return List.of(new RuleProblem(display, line, column, readable(text), ruleName));
    }

    /** Each Java error of a consequence, at the first line after "then" that holds its symbol. */
    private List<RuleProblem> consequenceErrors(RuleFile file, int ruleLine, String errors) {
        String ruleName = file.ruleAt(Math.max(ruleLine, 1));
        int then = firstLineWith(file, "then", Math.max(ruleLine, 1), Integer.MAX_VALUE);
        int end = then > 0 ? firstLineWith(file, "end", then + 1, Integer.MAX_VALUE) : 0;
        List<RuleProblem> out = new ArrayList<>();
        for (String error : errors.split("\\R")) {
            error = error.strip();
            if (error.isEmpty()) {
                continue;
            }
            String symbol = javaSymbol(error);
            int line = then > 0 ? then : ruleLine;
            int column = 0;
            if (symbol != null && then > 0) {
                int at = firstLineWith(file, symbol, then + 1, end > 0 ? end : Integer.MAX_VALUE);
                if (at > 0) {
                    line = at;
                    column = file.line(at).indexOf(symbol) + 1;
                }
            }
            if (column == 0) {
                column = columnOf(file.line(line), null);
            }
            out.add(new RuleProblem(file.displayPath(), line, column, "in the rule's consequence (then part): " + error,
                    ruleName));
        }
        return out;
    }

    private static String javaSymbol(String error) {
        for (Pattern p : JAVA_SYMBOL) {
            Matcher m = p.matcher(error);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The piece of DRL text the message quotes, if any: an MVEL expression or a quoted fragment. */
    private static String fragment(String text) {
        Matcher near = MVEL_NEAR.matcher(text);
        if (near.find()) {
            return near.group(1).strip();
        }
        String longest = null;
        Matcher quoted = QUOTED.matcher(IN_RULE.matcher(text).replaceAll(" "));
        while (quoted.find()) {
            if (longest == null || quoted.group(1).length() > longest.length()) {
                longest = quoted.group(1);
            }
        }
        return longest;
    }

    /** 1-based column of the fragment in the line, else of its first non-blank character. */
    private static int columnOf(String line, String fragment) {
        if (fragment != null) {
            int at = line.indexOf(fragment);
            if (at >= 0) {
                return at + 1;
            }
        }
        return line.length() - line.stripLeading().length() + 1;
    }

    /** The first line in [from, to) holding {@code needle}, or 0. */
    private static int firstLineWith(RuleFile file, String needle, int from, int to) {
        List<String> lines = file.lines();
        for (int i = Math.max(from, 1); i <= lines.size() && i < to; i++) {
            if (needle.equals("then") || needle.equals("end")
                    ? lines.get(i - 1).strip().equals(needle) : lines.get(i - 1).contains(needle)) {
                return i;
            }
        }
        return 0;
    }

    /** The first line holding both a pattern's type and the fragment, or 0. */
    private static int firstLineWith(RuleFile file, String type, String fragment) {
        List<String> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(type) && lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** One line of text: the parser prefix and the rule suffix go (they are printed apart). */
    private static String readable(String text) {
        String first = text.lines().findFirst().orElse("").strip();
        first = ERR_PREFIX.matcher(first).replaceFirst("");
        first = IN_RULE.matcher(first).replaceAll(" ").strip();
        Matcher error = MVEL_ERROR.matcher(text);
        if (error.find()) {
            first = (first.endsWith(":") ? first : first + ":") + " " + error.group(1).strip();
        }
        return first;
    }

    static String fileName(String path) {
        if (path == null) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
