package org.nmaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule code that reaches beyond the facts is refused before Drools compiles it, each place located
 * (line:column in the file): the plain calls, and the ways a simple pattern match would miss them (qualified
 * names with spaces and comments, imports of every kind, MVEL's inline import, property and index forms,
 * unicode escapes, invisible characters, functions, declared types). What rules need passes.
 */
class RuleSafetyTest {
    /** A rule file with imports/declarations at line 3 and the consequence code at line 13. */
    private static final String TEMPLATE = String.join("\n",
            "package rules;",
            "import org.nmaudit.facts.*;",
            "%IMPORTS%",
            "global org.nmaudit.findings.Flag flag;",
            "",
            "rule \"Evil\"",
            "    @id(T-EVIL)",
            "    @severity(LOW)",
            "    @citation(\"x\")",
            "when",
            "    $line : ClaimLine()",
            "then",
            "    %CODE%",
            "end",
            "");

    /** The reasons RuleSafety gives, shared by many places. */
    private static final String REFLECTION = "opens reflection, through which a rule can run any code";
    private static final String PROCESS = "reaches the process (programs, environment, system properties, exit)";
    private static final String SYSTEM = "reaches the process (exit, environment, system properties); rules may use"
            + " System.out, System.err, System.lineSeparator, System.currentTimeMillis and System.nanoTime";
    private static final String NOT_ALLOWED = "is not one of the types rules may use (the facts, Flag, String and the"
            + " number types, Math, java.math, java.time, the java.util collections)";
    private static final String ESCAPE = "Java reads it before anything else, even in a comment or a string, so it"
            + " can hide code; write the character itself";

    private static List<String> problems(String imports, String code) {
        String text = TEMPLATE.replace("%IMPORTS%", imports).replace("%CODE%", code);
        return RuleSafety.problems(new RuleFile("evil.drl", "my-rules/evil.drl", text, "sha"))
                .stream().map(p -> {
                    String prefix = "my-rules/evil.drl:" + p.line() + ":" + p.column() + ": ";
                    String s = p.toString();
                    assertEquals(prefix, s.substring(0, prefix.length()));
                    String note = RuleSafety.REFUSAL_NOTE;
                    int end = s.indexOf(note);
                    assertEquals(true, end > 0, s);
                    String message = s.substring(prefix.length(), end);
                    assertEquals("unsafe rule code: ", message.substring(0, 18));
                    return p.line() + ":" + p.column() + ": " + message.substring(18);
                }).toList();
    }

    static Stream<Arguments> unsafe() {
        return Stream.of(
            Arguments.of("", "Runtime.getRuntime().exec(\"touch /tmp/x\");",
                    List.of("13:5: java.lang.Runtime runs programs",
                            "13:13: getRuntime " + PROCESS,
                            "13:26: exec " + PROCESS)),
            Arguments.of("", "java.lang.Runtime.getRuntime().exec(\"x\");",
                    List.of("13:5: java.lang.Runtime runs programs",
                            "13:23: getRuntime " + PROCESS,
                            "13:36: exec " + PROCESS)),
            Arguments.of("", "java . lang . /* hidden */ Runtime . getRuntime();",
                    List.of("13:5: java.lang.Runtime runs programs",
                            "13:42: getRuntime " + PROCESS)),
            Arguments.of("", "new ProcessBuilder(\"ls\").start();",
                    List.of("13:9: java.lang.ProcessBuilder runs programs")),
            Arguments.of("", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/x\"), \"x\");",
                    List.of("13:5: java.nio.file.Files reads and writes files",
                            "13:37: java.nio.file.Path reads and writes files")),
            Arguments.of("", "new java.io.File(\"/tmp/x\").delete();",
                    List.of("13:9: java.io.File reads and writes files")),
            Arguments.of("", "Class.forName(\"java.lang.\" + \"Runtime\");",
                    List.of("13:5: java.lang.Class loads classes and opens reflection",
                            "13:11: forName " + REFLECTION)),
            Arguments.of("", "$line.getClass().forName(\"x\");",
                    List.of("13:11: getClass " + REFLECTION,
                            "13:22: forName " + REFLECTION)),
            Arguments.of("", "Thread t = new Thread(() -> {}); t.start();",
                    List.of("13:5: java.lang.Thread starts threads",
                            "13:20: java.lang.Thread starts threads")),
            Arguments.of("", "System.exit(1);",
                    List.of("13:5: System.exit " + SYSTEM)),
            Arguments.of("", "System.getenv(\"HOME\");",
                    List.of("13:5: System.getenv " + SYSTEM)),
            Arguments.of("import java.io.File;", "new File(\"x\").delete();",
                    List.of("3:8: java.io.File reads and writes files",
                            "13:9: java.io.File reads and writes files")),
            Arguments.of("import java.io.*;", "new File(\"x\").delete();",
                    List.of("3:8: import of java.io.* reads and writes files",
                            "13:9: java.io.File reads and writes files")),
            Arguments.of("import static java.lang.System.exit;", "exit(1);",
                    List.of("3:15: System.exit " + SYSTEM,
                            "13:5: exit(...) " + PROCESS)),
            Arguments.of("import static java.lang.System.*;", "getenv(\"X\");",
                    List.of("3:15: System.* " + SYSTEM,
                            "13:5: getenv(...) " + PROCESS)),
            Arguments.of("import function java.lang.System.exit;", "",
                    List.of("3:17: System.exit " + SYSTEM)),
            Arguments.of("", "import java.io.File; new File(\"x\").delete();",
                    List.of("13:12: java.io.File reads and writes files",
                            "13:30: java.io.File reads and writes files")),
            Arguments.of("", "// \\u000a Runtime.getRuntime().exec(\"x\");",
                    List.of("13:8: a unicode escape (\\u000a): " + ESCAPE)),
            Arguments.of("", "String s = \"\\u0022\";",
                    List.of("13:17: a unicode escape (\\u0022): " + ESCAPE)),
            Arguments.of("", "Run\u200Btime.getRuntime();",
                    List.of("13:5: java.lang.Runtime runs programs",
                            "13:8: an invisible character (U+200B) in code: Java leaves it out of names, so it can"
                                    + " hide one; delete it",
                            "13:14: getRuntime " + PROCESS)),
            Arguments.of("", "java.lang.reflect.Method m = null;",
                    List.of("13:5: java.lang.reflect.Method opens reflection")),
            Arguments.of("", "javax.script.ScriptEngineManager m = null;",
                    List.of("13:5: javax.script.ScriptEngineManager runs code from text")),
            Arguments.of("", "org.mvel2.MVEL.eval(\"1\");",
                    List.of("13:5: org.mvel2.MVEL runs code from text")),
            Arguments.of("", "kcontext.getKieRuntime().getKieBase();",
                    List.of("13:14: getKieRuntime reaches the rule engine's internals",
                            "13:30: getKieBase reaches the rule engine's internals")),
            Arguments.of("", "new java.net.Socket(\"x\", 80);",
                    List.of("13:9: java.net.Socket opens network connections")),
            Arguments.of("", "Object o = $line.class;",
                    List.of("13:22: .class " + REFLECTION)),
            Arguments.of("", "Object o = $line.classLoader;",
                    List.of("13:22: classLoader loads code")),
            Arguments.of("", "Object o = $line['class'];",
                    List.of("13:22: ['class'] " + REFLECTION)),
            Arguments.of("", "Object o = $line.?getClass();",
                    List.of("13:23: getClass " + REFLECTION)),
            Arguments.of("", "Object o = $line.methods;",
                    List.of("13:22: methods " + REFLECTION)),
            Arguments.of("", "java.util.concurrent.Executors.newSingleThreadExecutor();",
                    List.of("13:5: java.util.concurrent.Executors starts threads")),
            Arguments.of("", "java.util.List.of(1).parallelStream();",
                    List.of("13:26: parallelStream starts threads")),
            Arguments.of("", "java.util.ServiceLoader.load(Object.class);",
                    List.of("13:5: java.util.ServiceLoader " + NOT_ALLOWED,
                            "13:29: load loads code",
                            "13:41: .class " + REFLECTION)),
            Arguments.of("", "ProcessHandle.current().pid();",
                    List.of("13:5: java.lang.ProcessHandle runs programs")),
            Arguments.of("", "Thread.currentThread().getContextClassLoader();",
                    List.of("13:5: java.lang.Thread starts threads",
                            "13:28: getContextClassLoader loads code")),
            Arguments.of("", "java.util.logging.Logger.getLogger(\"x\");",
                    List.of("13:5: java.util.logging.Logger " + NOT_ALLOWED)),
            Arguments.of("", "java.lang.invoke.MethodHandles.lookup();",
                    List.of("13:5: java.lang.invoke.MethodHandles opens reflection",
                            "13:36: lookup " + REFLECTION)),
            Arguments.of("function void evil() { Runtime.getRuntime(); }", "",
                    List.of("3:24: java.lang.Runtime runs programs",
                            "3:32: getRuntime " + PROCESS)),
            Arguments.of("declare Evil\n    x : Object = Runtime.getRuntime()\nend", "",
                    List.of("4:18: java.lang.Runtime runs programs",
                            "4:26: getRuntime " + PROCESS)));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("unsafe")
    void unsafeCodeIsRefusedAtEachPlace(String imports, String code, List<String> expected) {
        assertEquals(expected, problems(imports, code));
    }

    @Test
    void aRefusalNamesTheFileTheRuleAndHowToRunItAnyway() {
        String text = TEMPLATE.replace("%IMPORTS%", "").replace("%CODE%", "System.exit(1);");
        assertEquals(List.of("my-rules/evil.drl:13:5: unsafe rule code: System.exit reaches the process (exit,"
                + " environment, system properties); rules may use System.out, System.err, System.lineSeparator,"
                + " System.currentTimeMillis and System.nanoTime (nmaudit refuses rules that can run programs, touch"
                + " files or the network, use reflection, load classes, start threads or stop the JVM;"
                + " --allow-unsafe-rules runs them anyway, only for rules you trust) (rule \"Evil\")"),
                RuleSafety.problems(new RuleFile("evil.drl", "my-rules/evil.drl", text, "sha")).stream()
                        .map(RuleProblem::toString).toList());
    }

    @Test
    void whatRulesNeedPasses() {
        assertEquals(List.of(), problems("import java.util.*;\nimport static java.time.temporal.ChronoUnit.DAYS;",
                "long d = DAYS.between(java.time.LocalDate.now(), $line.getServiceDate());"
                        + " System.out.println(String.format(\"%d %s\", Math.max(d, 1), System.lineSeparator()));"
                        + " List<String> l = new ArrayList<>(); java.math.BigDecimal b = java.math.BigDecimal.ONE;"
                        + " Map.Entry<String, Integer> e = null; TrialStatus s = null;"
                        + " java.util.stream.Collectors.toList(); Objects.requireNonNull(l);"
                        + " flag.line(kcontext, $line, \"getClass() Runtime.exec in a message is text\");"
                        + " // System.exit"));
    }

    @Test
    void anEscapedBackslashBeforeUIsNotAUnicodeEscape() {
        assertEquals(List.of(), problems("", "String path = \"C:\\\\u0041sers\";"));
    }

    @Test
    void theShippedRulesPass() throws RuleSetupException {
        assertEquals(List.of(), RuleSafety.problems(RuleFolder.load(Path.of("rules")).drlFiles()));
    }
}
