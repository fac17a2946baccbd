package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Turns one Drools build message into located problems ({@code file:line:col}), the column being the
 * offending symbol's. Drools' Message has no column: the parser puts it in the text ("Line 18:25", from
 * 0), an MVEL error marks it with a caret under the expression it quotes, and Java errors of a
 * consequence come at the rule's first line; those are looked up by the symbol they name. Some parser
 * errors are reported far from their cause (a missing quote, parenthesis or {@code end}); those are
 * traced back to it.
 */
final class DrlErrorLocator {
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern PARSER_ERROR = Pattern.compile("^\\[ERR \\d+\\]");
    private static final Pattern PARSER_INPUT = Pattern.compile("(?:mismatched|extraneous) input '([^']*)'"
            + "|no viable alternative at input '([^']*)'");
    private static final Pattern MVEL_NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.\\}\\]");
    private static final Pattern MVEL_NEAR_LINE = Pattern.compile("(?m)^.*\\[Near : \\{\\.\\.\\. .*$\\R^( *)\\^");
    private static final Pattern MVEL_ERROR = Pattern.compile("\\[Error: ([^\\]]*)\\]");
    /** Where a message starts naming its rule; the name follows the quote. */
    private static final Pattern IN_RULE = Pattern.compile("\\s+in (?:the )?rule (['\"])");
    private static final Pattern ERR_PREFIX = Pattern.compile("^\\[ERR \\d+\\]\\s*Line \\d+:\\d+\\s*");
    /** A fact class an MVEL error names, e.g. org.nmaudit.facts.PermanentImplant. */
    private static final Pattern FACT_TYPE = Pattern.compile("\\b(?:[a-z]\\w*\\.)+([A-Z]\\w*)\\.");
    private static final Pattern QUOTED = Pattern.compile("'([^']{2,})'");
    private static final Pattern FIELD_READER = Pattern.compile("^Field Reader does not exist for declaration");
    private static final Pattern IMPORT_ERROR = Pattern.compile("^Error importing : '([^']+)'");
    private static final Pattern IMPORT_ECHO = Pattern.compile("^Only a type can be imported\\. (\\S+) resolves to a"
            + " package");
    private static final Pattern DUPLICATE_RULE = Pattern.compile("^Duplicate rule name: (.+)$");
    private static final String CONSEQUENCE_PREFIX = "Rule Compilation error";
    /** The name a Java compiler error gives to the offending symbol. */
    private static final List<Pattern> JAVA_SYMBOL = List.of(
            Pattern.compile("^(\\S+) cannot be resolved"),
            Pattern.compile("^The (?:method|constructor) (\\w+)\\("),
            Pattern.compile("^The field (?:\\w+\\.)?(\\w+) is"),
            Pattern.compile("^(\\w+) cannot be resolved to a type"));

    private final Map<String, RuleFile> files;
    /** Every rule name of the folder, longest first. */
    private final List<String> ruleNames;

    /**
     * Where a message names its rule ({@code in rule 'NAME'}), and the name.
     *
     * @param start where the mention starts, the white space before it included
     * @param end after the closing quote and the white space after it
     */
    private record Mention(int start, int end, String name) {
    }

    DrlErrorLocator(Map<String, RuleFile> filesByName) {
        this.files = filesByName;
        List<String> names = new ArrayList<>();
        filesByName.values().forEach(f -> names.addAll(f.ruleNames()));
        names.sort(java.util.Comparator.comparingInt(String::length).reversed());
        this.ruleNames = List.copyOf(names);
    }

    /**
     * The first mention of a rule in the message. Drools quotes the name with ' or ", and a name may hold
     * that quote itself ("a manufacturer's representative"): the rule names of the folder are matched
     * first, the longest that the quote closes; failing that, the name runs to the next same quote.
     */
    private Mention mention(String text) {
        Matcher m = IN_RULE.matcher(text);
        if (!m.find()) {
            return null;
        }
        char quote = m.group(1).charAt(0);
        int from = m.end();
        String name = null;
        for (String candidate : ruleNames) {
            int close = from + candidate.length();
            if (text.startsWith(candidate, from) && close < text.length() && text.charAt(close) == quote) {
                name = candidate;
                break;
            }
        }
        if (name == null) {
            int close = text.indexOf(quote, from);
            if (close < 0) {
                return null;
            }
            name = text.substring(from, close);
        }
        int end = from + name.length() + 1;
        while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return new Mention(m.start(), end, name);
    }

    /** The message without its rule mentions (the rule is printed apart). */
    private String withoutMention(String text) {
        String rest = text;
        for (Mention m = mention(rest); m != null; m = mention(rest)) {
            rest = rest.substring(0, m.start()) + " " + rest.substring(m.end());
        }
        return rest;
    }

    List<RuleProblem> locate(Message m) {
        RuleFile file = files.get(fileName(m.getPath()));
        String display = file == null ? m.getPath() : file.displayPath();
        String text = m.getText() == null ? "" : m.getText().strip();
        if (text.startsWith(CONSEQUENCE_PREFIX) && file != null) {
            return javaErrors(file, m.getLine(), text.substring(CONSEQUENCE_PREFIX.length()).strip());
        }
        if (file != null) {
            Matcher importError = IMPORT_ERROR.matcher(text);
            if (importError.find()) {
                return List.of(importProblem(file, importError.group(1)));
            }
            Matcher duplicate = DUPLICATE_RULE.matcher(text);
            if (duplicate.find()) {
                return List.of(duplicateRule(file, m.getLine(), duplicate.group(1).strip()));
            }
        }
        int line = m.getLine();
        int column = 0;
        Matcher pos = PARSER_POSITION.matcher(text);
        if (pos.find()) {
            line = Integer.parseInt(pos.group(1));
            column = Integer.parseInt(pos.group(2)) + 1; // the parser counts columns from 0
        }
        if (PARSER_ERROR.matcher(text).find() && file != null && line > 0) {
            RuleProblem traced = traceParserError(file, line, text);
            if (traced != null) {
                return List.of(traced);
            }
        }
        String fragment = fragment(text);
        if (line <= 0 && file != null && fragment != null) {
            Matcher type = FACT_TYPE.matcher(text);
            if (type.find()) {
                line = firstLineWith(file, type.group(1) + "(", fragment);
            }
            if (line <= 0) {
                line = firstLineWith(file, "", fragment);
            }
        }
        if (column == 0 && file != null && line > 0) {
            column = columnOf(file.line(line), fragment) + offsetInFragment(text, fragment);
        }
        String ruleName = null;
        Mention inRule = mention(text);
        if (inRule != null) {
            ruleName = inRule.name();
        } else if (file != null && line > 0) {
            ruleName = file.ruleAt(line);
        }
        return List.of(new RuleProblem(display, line, column, readable(text), ruleName));
    }

    /**
     * Each Java error of a rule (its consequence, or an eval), at the line that holds its symbol: first
     * looked for in the then part, then in the conditions.
     */
    private List<RuleProblem> javaErrors(RuleFile file, int ruleLine, String errors) {
        int declared = Math.max(ruleLine, 1);
        String ruleName = file.ruleAt(declared);
        int then = firstLineWith(file, "then", declared, Integer.MAX_VALUE);
        int end = then > 0 ? firstLineWith(file, "end", then + 1, Integer.MAX_VALUE) : 0;
        List<RuleProblem> out = new ArrayList<>();
        for (String error : errors.split("\\R")) {
            error = error.strip();
            if (error.isEmpty()) {
                continue;
            }
            Matcher echo = IMPORT_ECHO.matcher(error);
            if (echo.find()) {
                out.add(importProblem(file, echo.group(1)));
                continue;
            }
            String symbol = javaSymbol(error);
            int line = then > 0 ? then : declared;
            int column = 0;
            String where = "in the rule's consequence (then part): ";
            if (symbol != null) {
                int at = then > 0 ? firstLineWith(file, symbol, then + 1, end > 0 ? end : Integer.MAX_VALUE) : 0;
                if (at == 0) {
                    at = firstLineWith(file, symbol, declared + 1, then > 0 ? then : Integer.MAX_VALUE);
                    if (at > 0) {
                        where = "in the rule's conditions (when part): ";
                    }
                }
                if (at > 0) {
                    line = at;
                    column = file.line(at).indexOf(symbol) + 1;
                }
            }
            if (column == 0) {
                column = columnOf(file.line(line), null);
            }
            out.add(new RuleProblem(file.displayPath(), line, column, where + error, ruleName));
        }
        return out;
    }

    /**
     * A parser error whose cause sits earlier than where the parser noticed it: a string literal not
     * closed on its line, a parenthesis never closed before {@code then}, a rule without {@code end}.
     * Null when the parser's position is the right one.
     */
    private RuleProblem traceParserError(RuleFile file, int line, String text) {
        Mention inRule = mention(text);
        String ruleName = inRule != null ? inRule.name() : file.ruleAt(line);
        DrlText.Position quote = DrlText.unclosedString(file.text());
        if (quote != null && quote.line() <= line) {
            return new RuleProblem(file.displayPath(), quote.line(), quote.column(),
                    "string not closed on its line: a closing " + file.line(quote.line()).charAt(quote.column() - 1)
                            + " is missing", file.ruleAt(quote.line()));
        }
        Matcher input = PARSER_INPUT.matcher(text);
        String found = !input.find() ? null : input.group(1) != null ? input.group(1) : input.group(2);
        if (ruleName != null && found != null) {
            int declared = file.lineOf(ruleName);
            String ruleHere = file.ruleAt(line);
            if (declared > 0 && ruleHere != null && !ruleHere.equals(ruleName)) {
                int next = file.lineOf(ruleHere);
                return new RuleProblem(file.displayPath(), next, 1, "missing 'end': rule \"" + ruleName
                        + "\" runs into this rule; close it with 'end' before this line", ruleName);
            }
            if (declared > 0 && (found.equals("then") || found.equals("end") || found.equals("<eof>"))) {
                DrlText.Position paren = DrlText.unclosedParenthesis(file.codeLines(), declared, line);
                if (paren != null) {
                    return new RuleProblem(file.displayPath(), paren.line(), paren.column(), "'(' not closed: the"
                            + " parser reached '" + found + "' on line " + line + " before its ')'", ruleName);
                }
            }
            if (declared > 0 && found.equals("<eof>") && firstLineWith(file, "then", declared, Integer.MAX_VALUE) > 0
                    && firstLineWith(file, "end", declared, Integer.MAX_VALUE) == 0) {
                return new RuleProblem(file.displayPath(), line, 1, "missing 'end': the file ends inside rule \""
                        + ruleName + "\"; close it with 'end'", ruleName);
            }
        }
        return null;
    }

    /** A class or package an import names that does not exist, at its import line. */
    private static RuleProblem importProblem(RuleFile file, String name) {
        Pattern importLine = Pattern.compile("^\\s*import\\s+(?:static\\s+)?(" + Pattern.quote(name) + ")\\b");
        List<String> code = file.codeLines();
        int line = 0;
        int column = 0;
        for (int i = 0; i < code.size() && line == 0; i++) {
            Matcher m = importLine.matcher(code.get(i));
            if (m.find()) {
                line = i + 1;
                column = m.start(1) + 1;
            }
        }
        return new RuleProblem(file.displayPath(), line, column, "import " + name + ": no such class (check the"
                + " spelling; the fact types are in org.nmaudit.facts)", null);
    }

    /** The second rule of one name, at its name, naming where the first is (this file or another). */
    private RuleProblem duplicateRule(RuleFile file, int line, String name) {
        String earlier = "";
        for (RuleFile f : files.values()) {
            int first = f.lineOf(name);
            if (first > 0 && !(f == file && first >= line)) {
                earlier = f == file ? " at line " + first + " of this file" : " in " + f.displayPath() + ":" + first;
                break;
            }
        }
        String text = file.line(line);
        int at = text.indexOf(name);
        int column = at > 0 && (text.charAt(at - 1) == '"' || text.charAt(at - 1) == '\'') ? at : at + 1;
        return new RuleProblem(file.displayPath(), line, Math.max(column, 1), "rule name already used" + earlier
                + "; every rule needs its own name (all files share the package)", name);
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
    private String fragment(String text) {
        Matcher near = MVEL_NEAR.matcher(text);
        if (near.find()) {
            return near.group(1).strip();
        }
        String longest = null;
        Matcher quoted = QUOTED.matcher(withoutMention(text));
        while (quoted.find()) {
            if (longest == null || quoted.group(1).length() > longest.length()) {
                longest = quoted.group(1);
            }
        }
        return longest;
    }

    /**
     * Where in the quoted fragment the offending symbol starts: MVEL puts a caret under it, and a
     * missing field of a binding ('$x : field') is the part after the colon.
     */
    private static int offsetInFragment(String text, String fragment) {
        if (fragment == null) {
            return 0;
        }
        Matcher caret = MVEL_NEAR_LINE.matcher(text);
        if (caret.find()) {
            String nearLine = caret.group().lines().findFirst().orElse("");
            int start = nearLine.indexOf("{... ") + "{... ".length();
            int offset = caret.group(1).length() - start;
            return offset >= 0 && offset < fragment.length() ? offset : 0;
        }
        if (FIELD_READER.matcher(text).find()) {
            int colon = fragment.indexOf(':');
            if (colon >= 0) {
                int at = colon + 1;
                while (at < fragment.length() && fragment.charAt(at) == ' ') {
                    at++;
                }
                return at < fragment.length() ? at : 0;
            }
        }
        return 0;
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

    /** The first line holding both a pattern's type (or "") and the fragment, or 0. */
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
    private String readable(String text) {
        String first = text.lines().findFirst().orElse("").strip();
        first = ERR_PREFIX.matcher(first).replaceFirst("");
        first = withoutMention(first).strip();
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
