package org.nmaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every compile error at its true line and column: the column of the offending symbol, whether Drools
 * gives it (parser errors), marks it with a caret (MVEL) or leaves it out (Java errors, missing types),
 * and the cause of a parser error that is noticed far away (a missing quote, parenthesis or end).
 */
class DrlErrorLocatorTest {
    private static final String HEADER = String.join("\n",
            "package rules;",
            "",
            "import org.nmaudit.facts.*;",
            "",
            "global org.nmaudit.findings.Flag flag;",
            "");

    @TempDir
    Path tmp;

    /** The problems of a folder holding x.drl = header + the given lines (line 7 is the first given). */
    private List<String> problems(String... lines) throws IOException {
        Path folder = tmp.resolve("r");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("x.drl"), HEADER + "\n" + String.join("\n", lines) + "\n");
        Files.writeString(folder.resolve(ParameterSet.FILE_NAME), "x = 1\n");
        RuleSetupException e = assertThrows(RuleSetupException.class,
                () -> RuleCompiler.compile(RuleFolder.load(folder)));
        return e.problems().stream().map(p -> p.toString().replace(folder.toString().replace('\\', '/'), "r"))
                .toList();
    }

    private static String[] rule(String name, String... body) {
        String[] out = new String[body.length + 3];
        out[0] = "rule \"" + name + "\"";
        out[1] = "    @id(NM-X) @severity(HIGH) @citation(\"x\")";
        System.arraycopy(body, 0, out, 2, body.length);
        out[out.length - 1] = "end";
        return out;
    }

    @Test
    void aParserErrorAtTheParsersColumnCountedFromOne() throws IOException {
        assertEquals(List.of("r/x.drl:10:48: mismatched input '$grace' (rule \"A\")"), problems(rule("A",
                "when",
                "    Parameter(name == \"programming_grace_days\" $grace : intValue)",
                "then")));
    }

    @Test
    void everyParserErrorOfAFileNotOnlyTheFirst() throws IOException {
        String[] a = rule("A", "when", "    Parameter(name == \"x\" $v : intValue)", "then");
        String[] b = rule("B", "when", "    $line : ProgrammingLine($patient : patientId,, $day : day)", "then");
        String[] both = new String[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertEquals(List.of(
                "r/x.drl:10:27: mismatched input '$v' (rule \"A\")",
                "r/x.drl:16:50: no viable alternative at input ',' (rule \"B\")"), problems(both));
    }

    @Test
    void anUnknownFieldAtTheFieldNotTheBinding() throws IOException {
        assertEquals(List.of("r/x.drl:10:40: Field Reader does not exist for declaration '$patient' in"
                + " '$patient : patientIdent' (rule \"A\")"), problems(rule("A",
                "when",
                "    $line : ProgrammingLine($patient : patientIdent, $day : day)",
                "then")));
    }

    @Test
    void anMvelErrorAtTheSymbolItsCaretMarks() throws IOException {
        assertEquals(List.of("r/x.drl:10:43: Unable to Analyse Expression serviceDay >= Dates.dayz(\"2021-07-01\"):"
                + " unable to resolve method using strict-mode: org.nmaudit.facts.Dates.dayz(java.lang.String)"
                + " (rule \"A\")"), problems(rule("A",
                "when",
                "    $line : ClaimLine(serviceDay >= Dates.dayz(\"2021-07-01\"), cptCode == \"1\")",
                "then")));
    }

    @Test
    void anUnboundVariableAtTheVariableOnceThoughDroolsSaysItTwice() throws IOException {
        assertEquals(List.of("r/x.drl:11:34: Unable to Analyse Expression $v +  $nobody: unable to resolve method"
                + " using strict-mode: org.nmaudit.facts.ClaimLine.$nobody() (rule \"A\")"), problems(rule("A",
                "when",
                "    Parameter(name == \"x\", $v : intValue)",
                "    ClaimLine(serviceDay > $v +  $nobody)",
                "then")));
    }

    @Test
    void anUnknownFactTypeAtTheTypeName() throws IOException {
        assertEquals(List.of("r/x.drl:10:13: Unable to resolve ObjectType 'ProgrammingLinez' (rule \"A\")"),
                problems(rule("A", "when", "    $line : ProgrammingLinez()", "then")));
    }

    @Test
    void aJavaErrorOfTheConsequenceAtItsOwnLineAndSymbol() throws IOException {
        assertEquals(List.of(
                "r/x.drl:12:38: in the rule's consequence (then part): $foo cannot be resolved to a variable"
                        + " (rule \"A\")",
                "r/x.drl:13:5: in the rule's consequence (then part): flagg cannot be resolved (rule \"A\")"),
                problems(rule("A",
                        "when",
                        "    $line : ProgrammingLine()",
                        "then",
                        "    flag.line(kcontext, $line, \"x\" + $foo);",
                        "    flagg.line(kcontext, $line, \"y\");")));
    }

    @Test
    void aJavaErrorInAnEvalAtTheEvalsLine() throws IOException {
        assertEquals(List.of("r/x.drl:11:16: in the rule's conditions (when part): The method getCptCodeZ() is"
                + " undefined for the type ClaimLine (rule \"A\")"), problems(rule("A",
                "when",
                "    $line : ClaimLine()",
                "    eval($line.getCptCodeZ() == \"1\")",
                "then")));
    }

    @Test
    void aMissingImportAtTheImportOnceNotInEveryRule() throws IOException {
        String[] lines = rule("A", "when", "    $line : ClaimLine()", "then", "    System.out.println($line);");
        String[] withImport = new String[lines.length + 1];
        withImport[0] = "import org.nmaudit.facts.Nothing;";
        System.arraycopy(lines, 0, withImport, 1, lines.length);
        assertEquals(List.of("r/x.drl:7:8: import org.nmaudit.facts.Nothing: no such class (check the spelling;"
                + " the fact types are in org.nmaudit.facts)"), problems(withImport));
    }

    @Test
    void aDuplicateRuleNameAtTheSecondName() throws IOException {
        String[] a = rule("A", "when", "    ClaimLine()", "then");
        String[] both = new String[a.length * 2];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(a, 0, both, a.length, a.length);
        assertEquals(List.of("r/x.drl:13:6: rule name already used at line 7 of this file; every rule needs its own"
                + " name (all files share the package) (rule \"A\")"), problems(both));
    }

    @Test
    void aRuleNameUsedInAnotherFileNamesThatFile() throws IOException {
        Path folder = tmp.resolve("r");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("a.drl"), HEADER + "\n" + String.join("\n", rule("A", "when", "    ClaimLine()",
                "then")) + "\n");
        assertEquals(List.of("r/x.drl:7:6: rule name already used in r/a.drl:7; every rule needs its own name (all"
                + " files share the package) (rule \"A\")"), problems(rule("A", "when", "    ClaimLine()", "then")));
    }

    @Test
    void anUnclosedStringAtItsOpeningQuote() throws IOException {
        String[] a = rule("A", "when", "    $line : ClaimLine(cptCode == \"63650)", "then");
        String[] b = rule("B", "when", "    ClaimLine()", "then");
        String[] both = new String[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertEquals(List.of("r/x.drl:10:34: string not closed on its line: a closing \" is missing (rule \"A\")"),
                problems(both));
    }

    @Test
    void anUnclosedParenthesisAtTheParenthesis() throws IOException {
        assertEquals(List.of("r/x.drl:10:28: '(' not closed: the parser reached 'then' on line 11 before its ')'"
                + " (rule \"A\")"), problems(rule("A", "when", "    $line : ProgrammingLine($patient : patientId",
                "then")));
    }

    @Test
    void aMissingEndBeforeTheNextRule() throws IOException {
        String[] a = rule("A", "when", "    $line : ClaimLine()", "then", "    flag.line(kcontext, $line, \"x\");");
        a[a.length - 1] = ""; // no end
        String[] b = rule("B", "when", "    ClaimLine()", "then");
        String[] both = new String[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertEquals(List.of("r/x.drl:14:1: missing 'end': rule \"A\" runs into this rule; close it with 'end' before"
                + " this line (rule \"A\")"), problems(both));
    }

    @Test
    void aMissingEndAtTheEndOfTheFile() throws IOException {
        assertEquals(List.of("r/x.drl:13:1: missing 'end': the file ends inside rule \"A\"; close it with 'end'"
                + " (rule \"A\")"), problems("rule \"A\"", "    @id(NM-X) @severity(HIGH) @citation(\"x\")", "when",
                "    $line : ClaimLine()", "then", "    flag.line(kcontext, $line, \"x\");"));
    }
}
