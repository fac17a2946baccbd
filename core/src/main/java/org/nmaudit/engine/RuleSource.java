package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nmaudit.findings.RuleInfo;
import org.nmaudit.findings.Scope;

/**
 * The DRL text of one rule, from its {@code rule} line to its {@code end}, read for what the compiled
 * rule does not tell: the parameters it binds ({@code Parameter(name == "x", ...)}) and whether its
 * consequence flags lines ({@code flag.line}) or providers ({@code flag.provider}). Comments are left
 * out, so a commented-out constraint uses nothing.
 */
public final class RuleSource {
    private static final Pattern PARAMETER = Pattern.compile("\\bParameter\\s*\\(\\s*name\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s");
    private static final Pattern FLAG_LINE = Pattern.compile("\\bflag\\s*\\.\\s*line\\s*\\(");
    private static final Pattern FLAG_PROVIDER = Pattern.compile("\\bflag\\s*\\.\\s*provider\\s*\\(");

    /**
     * One {@code Parameter(name == "x")} in a file.
     *
     * @param column 1-based column of the name's first character (inside the quotes)
     */
    public record ParameterUse(String name, int line, int column) {
    }

    private final List<ParameterUse> parameterUses;
    private final Set<Scope> scopes;

    private RuleSource(List<ParameterUse> parameterUses, Set<Scope> scopes) {
        this.parameterUses = List.copyOf(parameterUses);
        this.scopes = Set.copyOf(scopes);
    }

    /** The text of {@code rule} in its file of {@code folder}; empty when the file is not found. */
    public static RuleSource of(RuleFolder folder, RuleInfo rule) {
        return new Reader(folder).of(rule);
    }

    /**
     * Reads many rules of one folder, each file scanned once: looking a rule up scans its whole file (comments
     * out, every parameter use), which for every rule of a folder cost a tenth of a second at each start.
     */
    public static final class Reader {
        private final RuleFolder folder;
        private final Map<RuleFile, ScannedFile> scanned = new IdentityHashMap<>();

        public Reader(RuleFolder folder) {
            this.folder = folder;
        }

        /** As {@link RuleSource#of(RuleFolder, RuleInfo)}. */
        public RuleSource of(RuleInfo rule) {
            for (RuleFile f : folder.drlFiles()) {
                if (f.displayPath().equals(rule.file()) && rule.line() > 0) {
                    return RuleSource.of(scanned.computeIfAbsent(f, ScannedFile::of), rule.line());
                }
            }
            return new RuleSource(List.of(), Set.of());
        }
    }

    /** A file's lines with comments left out, and every parameter use in them. */
    private record ScannedFile(List<String> code, List<ParameterUse> parameterUses) {
        static ScannedFile of(RuleFile file) {
            List<String> code = List.of(DrlText.withoutComments(file.text()).split("\n", -1));
            return new ScannedFile(code, RuleSource.parameterUses(code));
        }
    }

    static RuleSource of(RuleFile file, int declarationLine) {
        return of(ScannedFile.of(file), declarationLine);
    }

    private static RuleSource of(ScannedFile file, int declarationLine) {
        List<String> code = file.code();
        int then = 0;
        int last = code.size();
        for (int i = declarationLine + 1; i <= code.size(); i++) {
            String line = code.get(i - 1);
            if (then == 0 && THEN.matcher(line).find()) {
                then = i;
            } else if (then > 0 && END.matcher(line).find()) {
                last = i;
                break;
            } else if (RULE.matcher(line).find()) {
                last = i - 1;
                break;
            }
        }
        List<ParameterUse> uses = new ArrayList<>();
        for (ParameterUse use : file.parameterUses()) {
            if (use.line() >= declarationLine && use.line() <= last) {
                uses.add(use);
            }
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (then > 0) {
            String consequence = DrlText.codeOnly(String.join("\n", code.subList(then - 1, last)));
            if (FLAG_LINE.matcher(consequence).find()) {
                scopes.add(Scope.LINE);
            }
            if (FLAG_PROVIDER.matcher(consequence).find()) {
                scopes.add(Scope.PROVIDER);
            }
        }
        return new RuleSource(uses, scopes);
    }

    /** Every parameter use of a whole file, comments left out, in file order. */
    public static List<ParameterUse> parameterUses(RuleFile file) {
        return ScannedFile.of(file).parameterUses();
    }

    private static List<ParameterUse> parameterUses(List<String> lines) {
        String text = String.join("\n", lines);
        List<ParameterUse> uses = new ArrayList<>();
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            int offset = m.start(1);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            uses.add(new ParameterUse(m.group(1), line, offset - lineStart + 1));
        }
        return uses;
    }

    /** Where the rule binds a parameter, in text order. */
    public List<ParameterUse> parameterUses() {
        return parameterUses;
    }

    /** The names of the parameters the rule binds, each once, in text order. */
    public List<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        parameterUses.forEach(u -> names.add(u.name()));
        return List.copyOf(names);
    }

    /**
     * What the rule's consequence flags: {@code LINE} for {@code flag.line}, {@code PROVIDER} for
     * {@code flag.provider}; empty for a rule that flags nothing (a derivation rule).
     */
    public Set<Scope> scopes() {
        return scopes;
    }
}
