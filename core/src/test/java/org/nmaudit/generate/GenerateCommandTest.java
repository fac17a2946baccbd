package org.nmaudit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.cli.NmauditCommand;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new NmauditCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void onePatientWritesAllFiveFiles() throws IOException {
        Path dir = tmp.resolve("one");
        assertEquals(0, run("generate", "--patients", "1", "--out", dir.toString()));
        for (String name : DataSetGenerator.DATA_FILES) {
            assertTrue(Files.exists(dir.resolve(name)), name);
            String text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\n") && !text.contains("\r"), name + " uses \\n line endings");
        }
        List<String> claims = Files.readAllLines(dir.resolve("claims.csv"));
        assertEquals("claim_id,line_number,patient_id,payer_type,rendering_npi,service_date,cpt_code,modifiers,units,"
                + "diagnosis_codes,place_of_service,bill_type,prior_auth_number,billed_amount,paid_amount", claims.get(0));
        assertTrue(claims.size() > 1);
        assertTrue(claims.stream().skip(1).allMatch(l -> l.contains(",P00000001,")));
        // The as-of date is the window's last day.
        assertTrue(claims.stream().anyMatch(l -> l.contains(",2025-12-31,")));
        assertTrue(out.toString().contains("claims.csv"), out.toString());
        assertTrue(out.toString().contains("Wall time"), out.toString());
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path dir = tmp.resolve("set");
        assertEquals(0, run("generate", "--patients", "20", "--out", dir.toString()));
        byte[] before = Files.readAllBytes(dir.resolve("claims.csv"));

        assertEquals(2, run("generate", "--patients", "30", "--seed", "9", "--out", dir.toString()));
        assertTrue(err.toString().contains("already holds claims.csv"), err.toString());
        assertTrue(err.toString().contains("--force"), err.toString());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("claims.csv")));

        assertEquals(0, run("generate", "--patients", "30", "--seed", "9", "--out", dir.toString(), "--force"));
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("claims.csv"))));
    }

    @Test
    void refusesWhenOnlyOneFileExists() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("partial"));
        Files.writeString(dir.resolve("psych-evaluations.csv"), "keep me\n");
        assertEquals(2, run("generate", "--patients", "5", "--out", dir.toString()));
        assertEquals("keep me\n", Files.readString(dir.resolve("psych-evaluations.csv")));
        assertFalse(Files.exists(dir.resolve("claims.csv")));
    }

    @Test
    void refusesToOverwriteLabelsWithoutForce() throws IOException {
        Path labels = Files.writeString(tmp.resolve("labels.csv"), "mine\n");
        assertEquals(2, run("generate", "--patients", "5", "--out", tmp.resolve("d").toString(),
                "--labels", labels.toString()));
        assertEquals("mine\n", Files.readString(labels));
    }

    @Test
    void labelsAreWrittenOnlyWhenAsked() throws IOException {
        Path dir = tmp.resolve("x");
        Path labels = tmp.resolve("elsewhere/labels.csv");
        assertEquals(0, run("generate", "--patients", "10", "--out", dir.toString(), "--labels", labels.toString()));
        assertEquals(11, Files.readAllLines(labels).size());
        try (var files = Files.list(dir)) {
            assertEquals(5, files.count(), "only the five data files in --out");
        }
    }

    @Test
    void usageErrorsExitTwo() {
        String dir = tmp.resolve("u").toString();
        assertEquals(2, run("generate", "--patients", "0", "--out", dir));
        assertEquals(2, run("generate", "--patients", "5", "--months", "0", "--out", dir));
        assertEquals(2, run("generate", "--patients", "5", "--violation-rate", "1.5", "--out", dir));
        assertEquals(2, run("generate", "--patients", "5", "--bad-row-rate", "-0.1", "--out", dir));
        assertEquals(2, run("generate", "--patients", "5", "--start", "2025-02-30", "--out", dir));
        assertEquals(2, run("generate", "--patients", "5", "--clinics", "9", "--physicians", "4", "--out", dir));
        assertEquals(2, run("generate", "--patients", "5"));
        assertEquals(2, run("generate", "--out", dir));
        assertTrue(err.toString().contains("--start must be a date"), err.toString());
        assertFalse(Files.exists(tmp.resolve("u")));
    }

    @Test
    void helpListsEveryOption() {
        assertEquals(0, run("generate", "--help"));
        for (String option : List.of("--patients", "--months", "--seed", "--out", "--start", "--physicians", "--clinics",
                "--violation-rate", "--bad-row-rate", "--force", "--labels")) {
            assertTrue(out.toString().contains(option), option);
        }
    }

    @Test
    void tinyPracticesAndShortWindowsWork() throws IOException {
        assertEquals(0, run("generate", "--patients", "200", "--months", "1", "--physicians", "1", "--clinics", "1",
                "--out", tmp.resolve("tiny").toString()));
        assertEquals(0, run("generate", "--patients", "200", "--months", "7", "--physicians", "2", "--clinics", "2",
                "--start", "2024-06-15", "--violation-rate", "1", "--bad-row-rate", "0.05",
                "--out", tmp.resolve("short").toString()));
        assertEquals(0, run("generate", "--patients", "100", "--violation-rate", "0", "--bad-row-rate", "0",
                "--out", tmp.resolve("clean").toString()));
    }
}
