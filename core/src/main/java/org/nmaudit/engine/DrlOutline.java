package org.nmaudit.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * What the compiled rule base does not keep with a location: which fact types each rule matches, at
 * which line and column, and which types a file declares {@code @carry}. Read from the DRL files with
 * Drools' own parser, so it sees what the compiler sees (comments, strings and line breaks included).
 * A file that does not parse contributes nothing; its errors come from the compiler.
 */
final class DrlOutline implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The metadata that makes a fact type cross from the patient pass to the provider pass. */
    static final String CARRY = "carry";

    /**
     * A fact type a rule's conditions match in working memory (a pattern, or the input of a collect or
     * accumulate); the collection a {@code from collect} builds and objects {@code from} an expression are
     * not working-memory facts and are left out.
     */
    record PatternUse(String type, String file, int line, int column) implements Serializable {
    }

    /** A {@code declare Type @carry end}. */
    record Carry(String type, String file, int line) implements Serializable {
    }

    private final Map<String, List<PatternUse>> patternsByRule = new LinkedHashMap<>();
    private final List<Carry> carried = new ArrayList<>();
    private final List<String> imports = new ArrayList<>();

    static DrlOutline of(List<RuleFile> files) {
        DrlOutline outline = new DrlOutline();
        for (RuleFile f : files) {
            PackageDescr pkg;
            try {
                pkg = new DrlParser().parse(false, f.text());
            } catch (DroolsParserException | RuntimeException e) {
                continue;
            }
            if (pkg == null) {
                continue;
            }
            for (ImportDescr i : pkg.getImports()) {
                outline.imports.add(i.getTarget());
            }
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                if (type.getAnnotation(CARRY) != null) {
                    outline.carried.add(new Carry(simpleName(type.getTypeName()), f.displayPath(), type.getLine()));
                }
            }
            String[] lines = f.text().split("\n", -1);
            for (RuleDescr rule : pkg.getRules()) {
                List<PatternUse> uses = new ArrayList<>();
                collect(rule.getLhs(), f.displayPath(), lines, uses);
                outline.patternsByRule.put(pkg.getName() + "." + rule.getName(), uses);
            }
        }
        return outline;
    }

    private static void collect(BaseDescr descr, String file, String[] lines, List<PatternUse> uses) {
        if (descr instanceof PatternDescr pattern) {
            PatternSourceDescr source = pattern.getSource();
            if (source instanceof CollectDescr c) {
                collect(c.getInputPattern(), file, lines, uses);
            } else if (source instanceof AccumulateDescr a) {
                collect(a.getInput(), file, lines, uses);
            } else if (source == null || source.getClass().getSimpleName().equals("EntryPointDescr")) {
                // A plain pattern: a fact in working memory. (A source "from <expression>" is not.)
                uses.add(new PatternUse(simpleName(pattern.getObjectType()), file, pattern.getLine(),
                        typeColumn(lines, pattern)));
            }
        } else if (descr instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                collect(child, file, lines, uses);
            }
        }
    }

    /**
     * The 1-based column of the type's name: Drools gives the pattern's start, which for a bound pattern
     * ({@code $ratio : ProviderRatio(...)}) is the binding.
     */
    private static int typeColumn(String[] lines, PatternDescr pattern) {
        int from = Math.max(0, pattern.getColumn());
        int line = pattern.getLine() - 1;
        if (line >= 0 && line < lines.length) {
            int at = lines[line].indexOf(pattern.getObjectType(), Math.min(from, lines[line].length()));
            if (at >= 0) {
                return at + 1;
            }
        }
        return from + 1;
    }

    /**
     * The same outline with each place's file as {@code files} shows it: an outline kept in the compiled-rules
     * cache was made from the same files, maybe under another folder name.
     */
    DrlOutline in(List<RuleFile> files) {
        Map<String, String> displayPaths = new HashMap<>();
        for (RuleFile f : files) {
            displayPaths.put(f.name(), f.displayPath());
        }
        DrlOutline moved = new DrlOutline();
        moved.imports.addAll(imports);
        for (Carry c : carried) {
            moved.carried.add(new Carry(c.type(), displayPath(c.file(), displayPaths), c.line()));
        }
        patternsByRule.forEach((rule, uses) -> moved.patternsByRule.put(rule, uses.stream()
                .map(u -> new PatternUse(u.type(), displayPath(u.file(), displayPaths), u.line(), u.column()))
                .toList()));
        return moved;
    }

    private static String displayPath(String file, Map<String, String> displayPaths) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return displayPaths.getOrDefault(name, file);
    }

    /** The types a rule matches, in text order; empty for a rule the outline did not see. */
    List<PatternUse> patternsOf(String qualifiedRuleName) {
        return patternsByRule.getOrDefault(qualifiedRuleName, List.of());
    }

    List<Carry> carried() {
        return carried;
    }

    /** Every import of every file, as written ({@code org.nmaudit.facts.*}). */
    List<String> imports() {
        return imports;
    }

    static String simpleName(String type) {
        if (type == null) {
            return "";
        }
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }
}
