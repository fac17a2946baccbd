package org.nmaudit.ruletests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleProblem;
import org.nmaudit.engine.RuleSetupException;
import org.nmaudit.input.IoErrors;

/**
 * A case's optional case.properties: {@code as_of = yyyy-MM-dd} (default: the latest service_date of
 * its claims, as in an audit) and {@code param.NAME = VALUE} overrides of the rules folder's
 * parameters, e.g. {@code param.conversion_window_days = 90}. {@code #} starts a comment.
 *
 * @param asOf null for the audit's default
 * @param parameters the rules folder's parameters with the case's overrides
 */
record CaseSettings(LocalDate asOf, ParameterSet parameters) {
    static final String NAME = "case.properties";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    static CaseSettings read(Path file, String display, ParameterSet defaults) throws CaseFolderException {
        if (!Files.isRegularFile(file)) {
            return new CaseSettings(null, defaults);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CaseFolderException(display + ": cannot be read (" + IoErrors.describe(e) + ")");
        }
        List<String> problems = new ArrayList<>();
        LocalDate asOf = null;
        ParameterSet parameters = defaults;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = display + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (eq < 0) {
                problems.add(where + "expected 'as_of = yyyy-MM-dd' or 'param.NAME = VALUE', found '" + line + "'");
            } else if (key.equals("as_of")) {
                try {
                    asOf = LocalDate.parse(value, DATE);
                } catch (DateTimeParseException e) {
                    problems.add(where + "as_of '" + value + "' is not a real date in yyyy-MM-dd form");
                }
            } else if (key.startsWith("param.")) {
                try {
                    parameters = parameters.withOverrides(List.of(key.substring("param.".length()) + "=" + value));
                } catch (RuleSetupException e) {
                    for (RuleProblem p : e.problems()) {
                        // "--param NAME=VALUE: why" from the override check; the case names it its own way.
                        String why = p.message().substring(p.message().indexOf(": ") + 2);
                        problems.add(where + key + " = " + value + ": " + why);
                    }
                }
            } else {
                problems.add(where + "unknown setting '" + key + "'; a case sets as_of and param.NAME");
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseFolderException(problems);
        }
        return new CaseSettings(asOf, parameters);
    }
}
