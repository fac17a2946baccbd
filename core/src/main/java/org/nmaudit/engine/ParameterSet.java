package org.nmaudit.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nmaudit.facts.Parameter;
import org.nmaudit.input.EchoedText;

/**
 * The audit parameters: the defaults auditors keep in {@code rules/parameters.properties}, with the
 * run's {@code --param name=value} overrides applied. Every value is a plain decimal number.
 *
 * <p>The file is {@code name = value} lines with {@code #} comments; it is parsed here rather than with
 * java.util.Properties so that a repeated name or a bad value is reported with its line number.
 */
public final class ParameterSet {
    public static final String FILE_NAME = "parameters.properties";

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*[=:]\\s*(.*)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * @param source where the value came from: the file and line, or "--param"
     */
    public record Value(String name, BigDecimal value, String source) {
    }

    private final Map<String, Value> values;

    private ParameterSet(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Parses the parameters file; every bad line is reported, not only the first. */
    public static ParameterSet parse(String displayPath, String text) throws RuleSetupException {
        Map<String, Value> values = new LinkedHashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNo = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (!m.matches()) {
                problems.add(new RuleProblem(displayPath, lineNo, 1,
                        "expected 'name = value', found '" + EchoedText.of(line) + "'", null));
                continue;
            }
            String name = m.group(1);
            String raw = stripComment(m.group(2));
            if (!NUMBER.matcher(raw).matches()) {
                problems.add(new RuleProblem(displayPath, lineNo, lines[i].indexOf(m.group(2)) + 1,
                        "parameter " + name + " = '" + EchoedText.of(raw) + "' is not a number (write e.g. 180 or 0.50)",
                        null));
                continue;
            }
            if (values.containsKey(name)) {
                problems.add(new RuleProblem(displayPath, lineNo, 1, "parameter " + name
                        + " is already set at " + values.get(name).source() + "; give each parameter once", null));
                continue;
            }
            values.put(name, new Value(name, new BigDecimal(raw), displayPath + ":" + lineNo));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetupException(problems);
        }
        return new ParameterSet(values);
    }

    private static String stripComment(String raw) {
        int hash = raw.indexOf('#');
        return (hash >= 0 ? raw.substring(0, hash) : raw).strip();
    }

    /**
     * Applies {@code name=value} overrides. An unknown name is an error: a misspelt override would
     * otherwise change nothing without a word.
     */
    public ParameterSet withOverrides(List<String> overrides) throws RuleSetupException {
        Map<String, Value> copy = new LinkedHashMap<>(values);
        List<RuleProblem> problems = new ArrayList<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            String name = eq < 0 ? override.strip() : override.substring(0, eq).strip();
            String raw = eq < 0 ? "" : override.substring(eq + 1).strip();
            String option = "--param " + EchoedText.of(override);
            if (eq < 0) {
                problems.add(new RuleProblem(null, 0, 0, option + ": expected NAME=VALUE, e.g. --param "
                        + firstName() + "=" + firstValue() + "; known parameters: " + names(), null));
            } else if (!copy.containsKey(name)) {
                problems.add(new RuleProblem(null, 0, 0, option + ": unknown parameter '" + EchoedText.of(name)
                        + "'; known parameters: " + names(), null));
            } else if (!NUMBER.matcher(raw).matches()) {
                problems.add(new RuleProblem(null, 0, 0, option + ": '" + EchoedText.of(raw) + "' is not a number;"
                        + " " + name + " takes a plain number such as " + copy.get(name).value().toPlainString()
                        + " (digits, an optional - and . decimals)", null));
            } else {
                copy.put(name, new Value(name, new BigDecimal(raw), "--param"));
            }
        }
        if (!problems.isEmpty()) {
            throw RuleSetupException.commandLine(problems);
        }
        return new ParameterSet(copy);
    }

    private String names() {
        return values.isEmpty() ? "(none: " + FILE_NAME + " sets no parameter)" : String.join(", ", values.keySet());
    }

    private String firstName() {
        return values.isEmpty() ? "NAME" : values.keySet().iterator().next();
    }

    private String firstValue() {
        return values.isEmpty() ? "VALUE" : values.values().iterator().next().value().toPlainString();
    }

    /** The 1-based line of the parameters file that sets {@code name}, or 0 (unknown name, or --param). */
    public int lineOf(String name) {
        Value v = values.get(name);
        if (v == null) {
            return 0;
        }
        int colon = v.source().lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(v.source().substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the parameters file (or an override) sets {@code name}. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Every parameter in file order. */
    public List<Value> values() {
        return List.copyOf(values.values());
    }

    /** The facts rules bind parameters from. */
    public List<Parameter> facts() {
        List<Parameter> facts = new ArrayList<>();
        for (Value v : values.values()) {
            facts.add(new Parameter(v.name(), v.value()));
        }
        return facts;
    }
}
