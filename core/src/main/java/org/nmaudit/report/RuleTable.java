package org.nmaudit.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.nmaudit.engine.RuleDescription;

/**
 * {@code rules list} for people: one block per DRL rule that fits a 100-column terminal. The first
 * line holds the short columns (id, severity, scope, file:line); the rule's name, the parameters it
 * uses (wrapped) and its citation follow, indented. Name and citation are cut at the terminal's width;
 * the csv and json formats give them whole.
 */
public final class RuleTable {
    static final int WIDTH = 100;
    private static final String INDENT = "    ";
    private static final String GAP = "  ";

    private final PrintWriter out;

    public RuleTable(PrintWriter out) {
        this.out = out;
    }

    /** The finding rules; with {@code all}, the derivation rules (and rules with no metadata) after them. */
    public void print(String folder, List<RuleDescription> rules, boolean all) {
        List<RuleDescription> finding = rules.stream().filter(RuleDescription::isFindingRule).toList();
        List<RuleDescription> other = rules.stream().filter(r -> !r.isFindingRule()).toList();
        long ids = finding.stream().map(r -> r.info().id()).distinct().count();

        int[] widths = {width("ID", finding, r -> r.info().id()), "SEVERITY".length(), "PROVIDER".length(),
            width("FILE:LINE", finding, RuleTable::where)};
        out.println(row(widths, "ID", "SEVERITY", "SCOPE", "FILE:LINE"));
        for (RuleDescription r : finding) {
            out.println(row(widths, r.info().id(), r.info().severity().name(), r.scopeText(), where(r)));
            details(r, true);
        }
        if (all && !other.isEmpty()) {
            out.println();
            out.println("Derivation rules: each inserts the fact its @derives names; they raise no findings.");
            int[] otherWidths = {width("ID", other, RuleTable::idOrDash), width("DERIVES", other, RuleTable::derives),
                width("FILE:LINE", other, RuleTable::where)};
            out.println(row(otherWidths, "ID", "DERIVES", "FILE:LINE"));
            for (RuleDescription r : other) {
                out.println(row(otherWidths, idOrDash(r), derives(r), where(r)));
                details(r, false);
            }
        }
        out.println();
        String counts = ids + " finding rules (" + finding.size() + " DRL rules) in " + folder + "/";
        out.println(all ? counts + ", " + other.size() + " derivation rules"
                : counts + "; " + other.size() + " derivation rules not shown (--all lists them)");
    }

    private void details(RuleDescription r, boolean citation) {
        out.println(cut(INDENT + name(r)));
        if (!r.parameters().isEmpty()) {
            out.println(wrapped(INDENT + "parameters: ", String.join(", ", r.parameters())));
        }
        if (citation) {
            out.println(cut(INDENT + "cites: " + r.info().citation()));
        }
    }

    /** The rule's name without the "ID: " it usually starts with (the id is in the row above). */
    private static String name(RuleDescription r) {
        String name = r.info().name();
        String id = r.info().id();
        return id != null && name.startsWith(id + ": ") ? name.substring(id.length() + 2) : name;
    }

    /** The file name (the folder is in the closing line) and the rule's line. */
    private static String where(RuleDescription r) {
        String file = r.info().file() == null ? "?" : r.info().file();
        return file.substring(file.lastIndexOf('/') + 1) + ":" + r.info().line();
    }

    private static String idOrDash(RuleDescription r) {
        return r.info().id() == null ? "-" : r.info().id();
    }

    private static String derives(RuleDescription r) {
        return r.info().derives() == null ? "-" : r.info().derives();
    }

    private static int width(String header, List<RuleDescription> rules, Function<RuleDescription, String> value) {
        int w = header.length();
        for (RuleDescription r : rules) {
            w = Math.max(w, value.apply(r).length());
        }
        return w;
    }

    private static String row(int[] widths, String... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(Math.max(0, widths[i] - cells[i].length()))).append(GAP);
            }
        }
        return sb.toString();
    }

    /** {@code label text}, the text wrapped at spaces to the width, continuation lines under its start. */
    private static String wrapped(String label, String text) {
        StringBuilder sb = new StringBuilder(label);
        int lineStart = 0;
        String pad = " ".repeat(label.length());
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && sb.length() - lineStart + 1 + word.length() > WIDTH) {
                sb.append('\n');
                lineStart = sb.length();
                sb.append(pad).append(word);
            } else {
                sb.append(first ? "" : " ").append(word);
            }
            first = false;
        }
        return sb.toString();
    }

    private static String cut(String s) {
        return s.length() <= WIDTH ? s : s.substring(0, WIDTH - 3) + "...";
    }
}
