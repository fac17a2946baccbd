package org.nmaudit.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleDescription;

/**
 * {@code rules list --format markdown}: the rule catalog (docs/rule-catalog.md), written from the rules
 * folder alone so that it is regenerated, never edited. For each finding rule: id, severity, scope, what it
 * flags ({@code @flags}), what it lets pass ({@code @exceptions}), the parameters it reads with their
 * defaults, its citation and where its DRL is written; a rule with several paths (DRL rules sharing an
 * {@code @id}) gets one block per path. Then the derived facts and the parameters.
 */
public final class RuleCatalog {
    /** The command that writes docs/rule-catalog.md, as the catalog and its test name it. */
    public static final String COMMAND = "./nmaudit rules list --format markdown > docs/rule-catalog.md";

    /** Prose is wrapped at this many characters (tables are not: a row is one line). */
    private static final int WIDTH = 110;

    private final PrintWriter out;

    public RuleCatalog(PrintWriter out) {
        this.out = out;
    }

    public void print(String folder, List<RuleDescription> rules, ParameterSet parameters) {
        Map<String, List<RuleDescription>> byId = new TreeMap<>();
        List<RuleDescription> derivations = new ArrayList<>();
        for (RuleDescription r : rules) {
            if (r.isFindingRule()) {
                byId.computeIfAbsent(r.info().id(), id -> new ArrayList<>()).add(r);
            } else if (r.isDerivationRule()) {
                derivations.add(r);
            }
        }
        long paths = byId.values().stream().mapToLong(List::size).sum();
        out.println("# Rule catalog");
        out.println();
        out.println("<!-- Generated from " + folder + "/ by");
        out.println("     " + COMMAND);
        out.println("     Do not edit it: edit the rules (their @flags and @exceptions metadata, see docs/rule-authoring.md)");
        out.println("     and run that command again. -->");
        out.println();
        paragraph("What each finding rule of `" + folder + "/` flags, what it lets pass, the parameters it reads"
                + " (defaults from `" + folder + "/" + ParameterSet.FILE_NAME + "`; `--param NAME=VALUE` changes one"
                + " for a run), the policy it cites and where its DRL is written. " + byId.size() + " finding rules,"
                + " written as " + paths + " DRL rules: a rule with several paths has one DRL rule per path, and a"
                + " claim line or provider that several paths reach gets one finding, at the highest severity."
                + " The input files and their columns: [input-format.md](input-format.md).");
        out.println();
        out.println("| rule | severity | scope | DRL |");
        out.println("|---|---|---|---|");
        for (Map.Entry<String, List<RuleDescription>> e : byId.entrySet()) {
            out.println("| [" + e.getKey() + "](#" + e.getKey().toLowerCase(Locale.ROOT) + ") | "
                    + String.join(", ", distinct(e.getValue(), r -> r.info().severity().name())) + " | "
                    + String.join(", ", distinct(e.getValue(), RuleDescription::scopeText)) + " | "
                    + "`" + where(e.getValue().get(0)) + "`" + (e.getValue().size() == 1 ? ""
                            : " and " + (e.getValue().size() - 1) + " more path" + (e.getValue().size() > 2 ? "s" : ""))
                    + " |");
        }
        for (Map.Entry<String, List<RuleDescription>> e : byId.entrySet()) {
            rule(e.getKey(), e.getValue(), parameters);
        }
        derivedFacts(folder, derivations);
        parameters(folder, rules, parameters);
        out.flush();
    }

    private void rule(String id, List<RuleDescription> paths, ParameterSet parameters) {
        out.println();
        out.println("## " + id);
        out.println();
        if (paths.size() == 1) {
            paragraph(sentence(name(paths.get(0))));
            out.println();
            details(paths.get(0), parameters);
            return;
        }
        paragraph(paths.size() + " paths, each a DRL rule with @id " + id + "; a subject several of them reach gets"
                + " one finding, at the highest severity.");
        for (RuleDescription path : paths) {
            out.println();
            out.println("### " + markdown(name(path)));
            out.println();
            details(path, parameters);
        }
    }

    private void details(RuleDescription r, ParameterSet parameters) {
        bullet("**Severity:** " + r.info().severity().name() + "; **scope:** " + r.scopeText());
        bullet("**Flags:** " + described(r.flags(), RuleDescription.FLAGS));
        bullet("**Exceptions:** " + described(r.exceptions(), RuleDescription.EXCEPTIONS));
        bullet("**Parameters:** " + parameterList(r.parameters(), parameters));
        bullet("**Citation:** " + sentence(r.info().citation()));
        bullet("**DRL:** `" + where(r) + "`, rule \"" + markdown(r.info().name()) + "\"");
    }

    private void derivedFacts(String folder, List<RuleDescription> derivations) {
        if (derivations.isEmpty()) {
            return;
        }
        out.println();
        out.println("## Derived facts");
        out.println();
        paragraph("The finding rules match these facts, worked out from the claim lines by the derivation rules of `"
                + folder + "/` (they raise no findings; each inserts the fact its @derives names).");
        out.println();
        out.println("| fact | derivation rule | DRL |");
        out.println("|---|---|---|");
        for (RuleDescription r : derivations) {
            out.println("| " + r.info().derives() + " | " + markdown(r.info().name()) + " | `" + where(r) + "` |");
        }
    }

    private void parameters(String folder, List<RuleDescription> rules, ParameterSet parameters) {
        out.println();
        out.println("## Parameters");
        out.println();
        out.println("Defaults from `" + folder + "/" + ParameterSet.FILE_NAME + "`, where each is explained.");
        out.println();
        out.println("| parameter | default | read by |");
        out.println("|---|---|---|");
        for (ParameterSet.Value v : parameters.values()) {
            Set<String> readers = new LinkedHashSet<>();
            rules.stream().filter(RuleDescription::isFindingRule).filter(r -> r.parameters().contains(v.name()))
                    .map(r -> r.info().id()).sorted().forEach(readers::add);
            if (rules.stream().anyMatch(r -> !r.isFindingRule() && r.parameters().contains(v.name()))) {
                readers.add("derived facts");
            }
            out.println("| `" + v.name() + "` | " + v.value().toPlainString() + " | "
                    + (readers.isEmpty() ? "no rule" : String.join(", ", readers)) + " |");
        }
    }

    private void paragraph(String text) {
        out.println(wrapped(text, ""));
    }

    private void bullet(String text) {
        out.println("- " + wrapped(text, "  ").substring(2));
    }

    /** The text wrapped at spaces to {@link #WIDTH}, each line starting with {@code indent}. */
    private static String wrapped(String text, String indent) {
        StringBuilder sb = new StringBuilder(indent);
        int lineStart = 0;
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && sb.length() - lineStart + 1 + word.length() > WIDTH) {
                sb.append('\n');
                lineStart = sb.length();
                sb.append(indent).append(word);
            } else {
                sb.append(first ? "" : " ").append(word);
            }
            first = false;
        }
        return sb.toString();
    }

    private static String parameterList(List<String> names, ParameterSet parameters) {
        if (names.isEmpty()) {
            return "none";
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        for (ParameterSet.Value v : parameters.values()) {
            defaults.put(v.name(), v.value().toPlainString());
        }
        List<String> shown = new ArrayList<>();
        for (String name : names) {
            String value = defaults.get(name);
            shown.add("`" + name + "` " + (value == null ? "(no default: the rule never fires)" : "(default " + value
                    + ")"));
        }
        return String.join(", ", shown);
    }

    private static String described(String text, String metadata) {
        return text == null ? "(not described: the rule has no @" + metadata + " metadata)" : sentence(text);
    }

    /** The rule's name without the "ID: " it starts with. */
    private static String name(RuleDescription r) {
        String name = r.info().name();
        String prefix = r.info().id() + ": ";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private static String where(RuleDescription r) {
        return (r.info().file() == null ? "?" : r.info().file()) + ":" + r.info().line();
    }

    /** Capitalised, with a closing full stop, markdown escaped. */
    private static String sentence(String text) {
        String s = markdown(text.strip());
        if (s.isEmpty()) {
            return s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") || s.endsWith(")") && s.lastIndexOf('.') == s.length() - 2 ? s : s + ".";
    }

    /** Text from the rules as plain markdown: nothing in it turns into markup or breaks a table. */
    private static String markdown(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\`*<>|[]".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return sb.toString();
    }

    private static List<String> distinct(List<RuleDescription> rules,
            java.util.function.Function<RuleDescription, String> value) {
        Set<String> seen = new LinkedHashSet<>();
        rules.forEach(r -> seen.add(value.apply(r)));
        return List.copyOf(seen);
    }
}
