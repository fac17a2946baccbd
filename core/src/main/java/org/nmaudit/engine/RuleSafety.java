package org.nmaudit.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules are code: a consequence, an {@code eval}, a {@code from} expression, a function or a metadata
 * value in a DRL file can call any Java, so a rules folder someone mailed could run programs on the
 * auditor's machine. Before Drools compiles a folder, every DRL file is read token by token (comments and
 * string literals apart, whitespace ignored, so {@code java . lang . Runtime} is one name) and refused,
 * located at file:line:column, when it reaches beyond what rules need:
 *
 * <ul>
 *   <li>a type that is not on the allow-list below, named simply (resolved as Java and MVEL do: explicit
 *       imports, wildcard imports, the DRL package, java.lang) or fully qualified anywhere, including in
 *       {@code import}, {@code import static}, {@code import function} and MVEL's inline imports;
 *   <li>a method or property whose name opens reflection, class loading, the process or the engine's
 *       internals on any object ({@code getClass}, {@code .class}, {@code forName}, {@code invoke},
 *       {@code exec}, {@code exit}, {@code getenv}, {@code getKieRuntime}, anything "ClassLoader", ...),
 *       also as a string in MVEL's {@code ['name']} property access;
 *   <li>{@code System} beyond {@code out}, {@code err}, {@code lineSeparator}, {@code currentTimeMillis}
 *       and {@code nanoTime};
 *   <li>a unicode escape ({@code \u0052}) anywhere, even in a comment or a string: Java reads escapes
 *       before anything else, so {@code // \u000a Runtime...} is code; and an invisible (format) character
 *       in code, which Java drops from names.
 * </ul>
 *
 * <p>The allow-list: the facts ({@code org.nmaudit.facts}), {@code Flag}, {@code Severity},
 * {@code Scope}, the java.lang basics (String, the number and character types, Math, Object,
 * StringBuilder, the common exceptions), java.math, java.time, the java.util collections and
 * {@code Objects}, {@code Optional}, {@code Locale}, java.util.function, java.util.stream (not
 * {@code parallel}), java.util.regex, java.text number and date formats and Drools'
 * {@code RuleContext}. It cannot catch what stays inside allowed types: a rule that loops forever,
 * builds huge strings, throws, halts the session, or changes facts; nor a method of an allowed type that
 * itself does something unsafe (none of the allowed ones does; a new fact class with such a method would).
 */
public final class RuleSafety {
    /** The end of every refusal: why, and how to run such rules anyway. */
    static final String REFUSAL_NOTE = " (nmaudit refuses rules that can run programs, touch files or the"
            + " network, use reflection, load classes, start threads or stop the JVM; --allow-unsafe-rules runs"
            + " them anyway, only for rules you trust)";

    private static final Set<String> ALLOWED_TYPES = Set.of(
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
            "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Character", "java.lang.Number",
            "java.lang.Math", "java.lang.StrictMath", "java.lang.Object", "java.lang.Comparable",
            "java.lang.CharSequence", "java.lang.StringBuilder", "java.lang.Iterable", "java.lang.Enum",
            "java.lang.Void", "java.lang.Exception", "java.lang.RuntimeException",
            "java.lang.IllegalArgumentException", "java.lang.IllegalStateException",
            "java.lang.ArithmeticException", "java.lang.NullPointerException", "java.lang.NumberFormatException",
            "java.lang.UnsupportedOperationException", "java.lang.IndexOutOfBoundsException",
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode", "java.math.MathContext",
            "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime", "java.time.Instant",
            "java.time.Duration", "java.time.Period", "java.time.Year", "java.time.YearMonth", "java.time.Month",
            "java.time.MonthDay", "java.time.DayOfWeek", "java.time.ZoneId", "java.time.ZoneOffset",
            "java.time.ZonedDateTime", "java.time.OffsetDateTime", "java.time.temporal.ChronoUnit",
            "java.time.temporal.ChronoField", "java.time.temporal.TemporalAdjusters",
            "java.time.format.DateTimeFormatter",
            "java.util.List", "java.util.ArrayList", "java.util.LinkedList", "java.util.Set", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.SortedSet", "java.util.NavigableSet",
            "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
            "java.util.SortedMap", "java.util.NavigableMap", "java.util.Collection", "java.util.Collections",
            "java.util.Arrays", "java.util.Objects", "java.util.Optional", "java.util.OptionalInt",
            "java.util.OptionalLong", "java.util.OptionalDouble", "java.util.Iterator", "java.util.Comparator",
            "java.util.Locale", "java.util.Deque", "java.util.ArrayDeque", "java.util.Queue",
            "java.util.PriorityQueue", "java.util.StringJoiner", "java.util.EnumSet", "java.util.EnumMap",
            "java.util.stream.Collectors", "java.util.stream.Stream", "java.util.stream.IntStream",
            "java.util.stream.LongStream", "java.util.stream.DoubleStream", "java.util.regex.Pattern",
            "java.util.regex.Matcher", "java.text.DecimalFormat", "java.text.NumberFormat",
            "org.nmaudit.findings.Flag", "org.nmaudit.findings.Severity", "org.nmaudit.findings.Scope",
            "org.kie.api.runtime.rule.RuleContext");

    /** Packages every type of which rules may use. */
    private static final List<String> ALLOWED_PACKAGES = List.of("org.nmaudit.facts.", "java.util.function.");

    /** What {@code System.} may be followed by. */
    private static final Set<String> SYSTEM_MEMBERS = Set.of("out", "err", "lineSeparator", "currentTimeMillis",
            "nanoTime");

    /** Members that open reflection, class loading, the process, threads or the engine, on any object. */
    private static final Map<String, String> DENIED_MEMBERS = new HashMap<>();

    static {
        String reflection = "opens reflection, through which a rule can run any code";
        for (String m : List.of("getClass", "class", "forName", "newInstance", "getDeclaredMethod",
                "getDeclaredMethods", "getMethod", "getMethods", "getDeclaredField", "getDeclaredFields", "getField",
                "getFields", "getDeclaredConstructor", "getDeclaredConstructors", "getConstructor", "getConstructors",
                "getEnclosingMethod", "getEnclosingClass", "getDeclaringClass", "getSuperclass", "getInterfaces",
                "getComponentType", "asSubclass", "getModule", "getProtectionDomain", "getResource",
                "getResourceAsStream", "invoke", "invokeExact", "invokeWithArguments", "setAccessible",
                "trySetAccessible", "lookup", "privateLookupIn", "getNestHost")) {
            DENIED_MEMBERS.put(m, reflection);
        }
        for (String m : List.of("loadClass", "defineClass", "findClass", "findLoadedClass", "load", "loadLibrary")) {
            DENIED_MEMBERS.put(m, "loads code");
        }
        for (String m : List.of("getRuntime", "exec", "exit", "halt", "addShutdownHook", "getenv", "setProperty",
                "getProperty", "getProperties", "setProperties", "clearProperty", "setSecurityManager", "setOut",
                "setErr", "setIn", "console", "inheritedChannel", "runFinalization")) {
            DENIED_MEMBERS.put(m, "reaches the process (programs, environment, system properties, exit)");
        }
        for (String m : List.of("parallelStream", "parallel")) {
            DENIED_MEMBERS.put(m, "starts threads");
        }
        for (String m : List.of("getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getKieBase",
                "getKnowledgeBase", "getEnvironment", "getChannels", "getContext", "getKieSession")) {
            DENIED_MEMBERS.put(m, "reaches the rule engine's internals");
        }
    }

    /** What a refused type can do, by package or class name prefix; the first match wins. */
    private static final List<String[]> DANGERS = List.of(
            new String[] {"java.lang.Runtime", "runs programs"},
            new String[] {"java.lang.Process", "runs programs"},
            new String[] {"java.lang.System", "reaches the process (exit, environment, system properties)"},
            new String[] {"java.lang.Thread", "starts threads"},
            new String[] {"java.util.concurrent.", "starts threads"},
            new String[] {"java.util.Timer", "starts threads"},
            new String[] {"java.lang.Class", "loads classes and opens reflection"},
            new String[] {"java.lang.reflect.", "opens reflection"},
            new String[] {"java.lang.invoke.", "opens reflection"},
            new String[] {"java.lang.Module", "opens reflection"},
            new String[] {"java.io.", "reads and writes files"},
            new String[] {"java.nio.", "reads and writes files"},
            new String[] {"java.net.", "opens network connections"},
            new String[] {"javax.net.", "opens network connections"},
            new String[] {"javax.script.", "runs code from text"},
            new String[] {"org.mvel2.", "runs code from text"},
            new String[] {"java.rmi.", "opens network connections"},
            new String[] {"javax.naming.", "opens network connections"});

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u+[0-9a-fA-F]{4}");

    /** Class names to whether they load, cached: the same names come back in every file and every run. */
    private static final Map<String, Optional<Class<?>>> CLASSES = new ConcurrentHashMap<>();

    private RuleSafety() {
    }

    /** Every unsafe place of every file, in file order. */
    public static List<RuleProblem> problems(List<RuleFile> files) {
        List<RuleProblem> found = new ArrayList<>();
        for (RuleFile f : files) {
            found.addAll(problems(f));
        }
        return found;
    }

    /**
     * The same places, for a folder run with --allow-unsafe-rules: each says it runs anyway ("unsafe rule
     * code: ... (allowed by --allow-unsafe-rules)"), for rules check's warnings and run.json's.
     */
    public static List<RuleProblem> allowedAnyway(List<RuleFile> files) {
        return problems(files).stream().map(p -> new RuleProblem(p.file(), p.line(), p.column(),
                p.message().replace(REFUSAL_NOTE, " (allowed by --allow-unsafe-rules)"), p.ruleName())).toList();
    }

    static List<RuleProblem> problems(RuleFile file) {
        List<RuleProblem> found = new ArrayList<>();
        unicodeEscapes(file, found);
        List<DrlTokens.Token> tokens = DrlTokens.of(file.text());
        for (DrlTokens.Token t : tokens) {
            if (t.kind() == DrlTokens.Kind.INVISIBLE) {
                found.add(problem(file, t, String.format(Locale.ROOT, "an invisible character (U+%04X) in code:"
                        + " Java leaves it out of names, so it can hide one; delete it", (int) t.text().charAt(0))));
            }
        }
        new Scan(file, tokens, found).run();
        found.sort(Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        return found;
    }

    /** A unicode escape is one when the backslash is preceded by an even number of backslashes (JLS 3.3). */
    private static void unicodeEscapes(RuleFile file, List<RuleProblem> found) {
        Matcher m = UNICODE_ESCAPE.matcher(file.text());
        while (m.find()) {
            int backslashes = 0;
            while (file.text().charAt(m.start() + backslashes) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                int offset = m.start() + backslashes - 1;
                DrlTokens.Token at = DrlTokens.at(file.text(), offset);
                found.add(problem(file, at, "a unicode escape (" + m.group().substring(backslashes - 1) + "): Java"
                        + " reads it before anything else, even in a comment or a string, so it can hide code;"
                        + " write the character itself"));
            }
        }
    }

    private static RuleProblem problem(RuleFile file, DrlTokens.Token at, String message) {
        return new RuleProblem(file.displayPath(), at.line(), at.column(),
                "unsafe rule code: " + message + REFUSAL_NOTE,
                file.ruleAt(at.line()));
    }

    /** One pass over a file's tokens, with what its imports and package make resolvable. */
    private static final class Scan {
        private final RuleFile file;
        private final List<DrlTokens.Token> tokens;
        private final List<RuleProblem> found;
        private final Map<String, String> singleImports = new HashMap<>();
        private final Set<String> wildcardPackages = new LinkedHashSet<>(List.of("java.lang"));

        Scan(RuleFile file, List<DrlTokens.Token> tokens, List<RuleProblem> found) {
            this.file = file;
            this.tokens = tokens;
            this.found = found;
        }

        void run() {
            collectImportsAndPackage();
            for (int i = 0; i < tokens.size(); i++) {
                DrlTokens.Token t = tokens.get(i);
                if (t.kind() == DrlTokens.Kind.STRING) {
                    stringMember(i);
                    continue;
                }
                if (t.kind() != DrlTokens.Kind.IDENT) {
                    continue;
                }
                if (isAfterDot(i)) {
                    member(t);
                } else if (t.text().equals("class")) {
                    found.add(problem(file, t, "'class' opens reflection, through which a rule can run any code"));
                } else if (t.text().equals("import") || t.text().equals("package")) {
                    i = skipQualifiedName(i + 1) - 1;
                } else {
                    i = name(i);
                }
            }
        }

        /** Imports are checked as type names where they stand; here they only make simple names resolvable. */
        private void collectImportsAndPackage() {
            for (int i = 0; i < tokens.size(); i++) {
                DrlTokens.Token t = tokens.get(i);
                if (t.kind() != DrlTokens.Kind.IDENT || isAfterDot(i)) {
                    continue;
                }
                if (t.text().equals("package")) {
                    List<String> parts = qualifiedName(i + 1);
                    if (!parts.isEmpty()) {
                        wildcardPackages.add(String.join(".", parts));
                    }
                } else if (t.text().equals("import")) {
                    int start = i + 1;
                    boolean member = false;
                    if (start < tokens.size() && Set.of("static", "function", "accumulate")
                            .contains(tokens.get(start).text())) {
                        member = true;
                        start++;
                    }
                    List<String> parts = qualifiedName(start);
                    checkImport(start, parts, member);
                    if (!member && !parts.isEmpty()) {
                        if (parts.get(parts.size() - 1).equals("*")) {
                            wildcardPackages.add(String.join(".", parts.subList(0, parts.size() - 1)));
                        } else {
                            singleImports.put(parts.get(parts.size() - 1), String.join(".", parts));
                        }
                    }
                }
            }
        }

        /**
         * {@code import a.b.C}, {@code import a.b.*} (only of a package all of whose types are allowed, or one
         * whose allowed types are then checked where they are used: java.util, java.time, ...), and the
         * member forms, whose class must be allowed and whose member must not be a refused one.
         */
        private void checkImport(int start, List<String> parts, boolean member) {
            if (parts.isEmpty()) {
                return;
            }
            DrlTokens.Token at = tokens.get(start);
            boolean wildcard = parts.get(parts.size() - 1).equals("*");
            List<String> named = wildcard ? parts.subList(0, parts.size() - 1) : parts;
            if (member) {
                // import static a.b.C.m / a.b.C.*: the longest prefix that is a class.
                for (int k = named.size(); k >= 1; k--) {
                    Optional<Class<?>> c = load(String.join(".", named.subList(0, k)));
                    if (c.isPresent()) {
                        checkType(at, c.get());
                        String m = k < named.size() ? named.get(k) : "*";
                        if (c.get() == System.class) {
                            if (!SYSTEM_MEMBERS.contains(m)) {
                                systemMember(at, m);
                            }
                        } else if (isDenied(m)) {
                            found.add(problem(file, at, String.join(".", named) + " " + why(m)));
                        }
                        return;
                    }
                }
                found.add(problem(file, at, "import of " + String.join(".", parts) + ", which is not a type rules"
                        + " may use"));
                return;
            }
            if (wildcard) {
                String pkg = String.join(".", named);
                if (load(pkg).isPresent()) {
                    checkType(at, load(pkg).get());
                } else if (!isAllowedWildcard(pkg)) {
                    found.add(problem(file, at, "import of " + pkg + ".* " + danger(pkg + ".")));
                }
                return;
            }
            Optional<Class<?>> c = load(String.join(".", named));
            if (c.isPresent()) {
                checkType(at, c.get());
            } else if (!isFactOrRulePackage(String.join(".", named))) {
                found.add(problem(file, at, "import of " + String.join(".", named) + ", which is not a type rules may"
                        + " use"));
            }
        }

        private static boolean isAllowedWildcard(String pkg) {
            return Set.of("java.util", "java.time", "java.time.temporal", "java.time.format", "java.math",
                    "java.util.stream", "java.util.function", "java.util.regex", "java.lang", "org.nmaudit.facts")
                    .contains(pkg);
        }

        /** A type declared in the rules (declare) is not on the class path yet: it may be imported. */
        private boolean isFactOrRulePackage(String name) {
            int dot = name.lastIndexOf('.');
            return dot > 0 && wildcardPackages.contains(name.substring(0, dot)) && !name.startsWith("java");
        }

        /**
         * The start of a name (not after a dot): a type, a qualified type, a variable or a keyword. Returns
         * the last token it accounted for: the package and class parts of a qualified type (and the member
         * after System) are one problem, not one per part.
         */
        private int name(int i) {
            List<String> chain = new ArrayList<>();
            int j = i;
            while (j < tokens.size() && tokens.get(j).kind() == DrlTokens.Kind.IDENT) {
                chain.add(tokens.get(j).text());
                if (j + 2 < tokens.size() && isDot(j + 1) && tokens.get(j + 2).kind() == DrlTokens.Kind.IDENT) {
                    j += 2;
                } else {
                    break;
                }
            }
            DrlTokens.Token at = tokens.get(i);
            // A refused method called without an object: getClass(), or one imported statically.
            if (i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(") && isDenied(chain.get(0))) {
                found.add(problem(file, at, chain.get(0) + "(...) " + why(chain.get(0))));
            }
            // A qualified type written out: java.lang.Runtime, java . io . File.
            for (int k = 2; k <= chain.size(); k++) {
                Optional<Class<?>> c = load(String.join(".", chain.subList(0, k)));
                if (c.isPresent()) {
                    checkType(at, c.get());
                    if (c.get() == System.class) {
                        systemMember(at, k < chain.size() ? chain.get(k) : null);
                        return i + 2 * Math.min(k, chain.size() - 1);
                    }
                    return i + 2 * (k - 1);
                }
            }
            String simple = chain.get(0);
            if (!Character.isUpperCase(simple.charAt(0))) {
                return i;
            }
            int last = i;
            for (String candidate : candidates(simple)) {
                Optional<Class<?>> c = load(candidate);
                if (c.isPresent()) {
                    if (c.get() == System.class) {
                        systemMember(at, chain.size() > 1 ? chain.get(1) : null);
                        last = chain.size() > 1 ? i + 2 : i;
                    } else {
                        checkType(at, c.get());
                    }
                }
            }
            return last;
        }

        private List<String> candidates(String simple) {
            List<String> names = new ArrayList<>();
            if (singleImports.containsKey(simple)) {
                names.add(singleImports.get(simple));
            }
            for (String pkg : wildcardPackages) {
                names.add(pkg + "." + simple);
            }
            return names;
        }

        private void systemMember(DrlTokens.Token at, String member) {
            if (member == null || !SYSTEM_MEMBERS.contains(member)) {
                found.add(problem(file, at, "System" + (member == null ? "" : "." + member) + " "
                        + danger("java.lang.System") + "; rules may use System.out, System.err, System.lineSeparator,"
                        + " System.currentTimeMillis and System.nanoTime"));
            }
        }

        private void checkType(DrlTokens.Token at, Class<?> type) {
            Class<?> outer = type;
            while (outer.getEnclosingClass() != null) {
                outer = outer.getEnclosingClass();
            }
            String name = outer.getName();
            if (outer == System.class) {
                return; // its members are checked where it is used
            }
            if (ALLOWED_TYPES.contains(name) || ALLOWED_PACKAGES.stream().anyMatch(name::startsWith)) {
                return;
            }
            found.add(problem(file, at, name + " " + danger(name)));
        }

        private void member(DrlTokens.Token t) {
            if (isDenied(t.text())) {
                found.add(problem(file, t, (t.text().equals("class") ? ".class" : t.text()) + " " + why(t.text())));
            }
        }

        /** MVEL reads {@code x['name']} as the property name of x: a refused name in a string after '['. */
        private void stringMember(int i) {
            if (i == 0 || !tokens.get(i - 1).text().equals("[")) {
                return;
            }
            String s = tokens.get(i).text();
            String content = s.length() >= 2 ? s.substring(1, s.length() - 1).strip() : "";
            if (isDenied(content)) {
                found.add(problem(file, tokens.get(i), "['" + content + "'] " + why(content)));
            }
        }

        private boolean isAfterDot(int i) {
            return i > 0 && (isDot(i - 1) || tokens.get(i - 1).text().equals("::"));
        }

        private boolean isDot(int i) {
            DrlTokens.Token t = tokens.get(i);
            return t.kind() == DrlTokens.Kind.PUNCT && (t.text().equals(".") || t.text().equals(".?"));
        }

        /** The parts of a dotted name starting at token {@code i} ("*" included), or empty. */
        private List<String> qualifiedName(int i) {
            List<String> parts = new ArrayList<>();
            int j = i;
            while (j < tokens.size()) {
                DrlTokens.Token t = tokens.get(j);
                if (t.kind() == DrlTokens.Kind.IDENT || t.text().equals("*")) {
                    parts.add(t.text());
                } else {
                    break;
                }
                if (j + 1 < tokens.size() && isDot(j + 1) && !t.text().equals("*")) {
                    j += 2;
                } else {
                    break;
                }
            }
            return parts;
        }

        private int skipQualifiedName(int i) {
            int j = i;
            if (j < tokens.size() && Set.of("static", "function", "accumulate").contains(tokens.get(j).text())) {
                j++;
            }
            while (j < tokens.size() && (tokens.get(j).kind() == DrlTokens.Kind.IDENT
                    || tokens.get(j).text().equals("*") || isDot(j))) {
                j++;
            }
            return j;
        }
    }

    /**
     * A refused member, also in MVEL's property form: {@code x.methods} calls getMethods(), {@code x.kieRuntime}
     * getKieRuntime().
     */
    private static boolean isDenied(String member) {
        return deniedAs(member) != null;
    }

    private static String deniedAs(String member) {
        if (member.isEmpty()) {
            return null;
        }
        if (member.toLowerCase(Locale.ROOT).contains("classloader")) {
            return "getClassLoader";
        }
        if (DENIED_MEMBERS.containsKey(member)) {
            return member;
        }
        if (!Character.isLowerCase(member.charAt(0))) {
            return null; // a nested type or a constant: Map.Entry, BigDecimal.ONE
        }
        String capitalised = Character.toUpperCase(member.charAt(0)) + member.substring(1);
        for (String name : List.of("get" + capitalised, "is" + capitalised)) {
            if (DENIED_MEMBERS.containsKey(name)) {
                return name;
            }
        }
        return null;
    }

    private static String why(String member) {
        String denied = deniedAs(member);
        String reason = denied == null ? null : DENIED_MEMBERS.get(denied);
        return reason != null ? reason : "loads code";
    }

    private static String danger(String typeName) {
        for (String[] d : DANGERS) {
            if (typeName.startsWith(d[0])) {
                return d[1];
            }
        }
        return "is not one of the types rules may use (the facts, Flag, String and the number types, Math,"
                + " java.math, java.time, the java.util collections)";
    }

    /** The class of that name if it is on the class path; loaded without running its static initialiser. */
    private static Optional<Class<?>> load(String name) {
        if (name.isEmpty() || name.endsWith(".") || name.contains("..")) {
            return Optional.empty();
        }
        return CLASSES.computeIfAbsent(name, n -> {
            try {
                return Optional.of(Class.forName(n, false, RuleSafety.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
