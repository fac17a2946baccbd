package org.nmaudit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorDeterminismTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        GeneratedDataSet a = GeneratedDataSet.generate(tmp.resolve("a"), 300, 42);
        GeneratedDataSet b = GeneratedDataSet.generate(tmp.resolve("b"), 300, 42);
        for (Path[] pair : filePairs(a, b)) {
            assertArrayEquals(Files.readAllBytes(pair[0]), Files.readAllBytes(pair[1]), pair[0].getFileName().toString());
        }
    }

    /** data/sample is the README's generate command; this keeps the committed files and the generator in step. */
    @Test
    void theCommittedSampleIsTheGeneratorsOutputAtItsDocumentedSeed() throws IOException {
        GeneratedDataSet sample = GeneratedDataSet.generate(tmp.resolve("sample"), GeneratedDataSet.SAMPLE);
        for (String name : DataSetGenerator.DATA_FILES) {
            assertArrayEquals(Files.readAllBytes(sample.dir.resolve(name)),
                    Files.readAllBytes(Path.of("data/sample").resolve(name)), name);
        }
    }

    @Test
    void differentSeedGivesDifferentFiles() throws IOException {
        GeneratedDataSet a = GeneratedDataSet.generate(tmp.resolve("a"), 300, 42);
        GeneratedDataSet b = GeneratedDataSet.generate(tmp.resolve("b"), 300, 43);
        assertFalse(Arrays.equals(Files.readAllBytes(a.dir.resolve("claims.csv")),
                Files.readAllBytes(b.dir.resolve("claims.csv"))));
        assertFalse(Arrays.equals(Files.readAllBytes(a.labelsFile), Files.readAllBytes(b.labelsFile)));
    }

    @Test
    void brokenRowsOnlyAddRows() throws IOException {
        // The broken rows are extra copies with their own random stream: without them the rest is the same.
        GeneratorSettings with = new GeneratorSettings(300, 12, 7, GeneratedDataSet.START, 40, 5, 0.08, 0.01);
        GeneratorSettings without = new GeneratorSettings(300, 12, 7, GeneratedDataSet.START, 40, 5, 0.08, 0);
        GeneratedDataSet a = GeneratedDataSet.generate(tmp.resolve("a"), with);
        GeneratedDataSet b = GeneratedDataSet.generate(tmp.resolve("b"), without);
        assertTrue(a.summary.brokenClaimRows() > 0);
        List<String> clean = Files.readAllLines(b.dir.resolve("claims.csv"));
        List<String> broken = new ArrayList<>(Files.readAllLines(a.dir.resolve("claims.csv")));
        assertTrue(broken.containsAll(clean));
        assertTrue(broken.size() == clean.size() + a.summary.brokenClaimRows());
        for (String name : List.of("trial-outcomes.csv", "programming-sessions.csv", "psych-evaluations.csv",
                "repeat-trial-justifications.csv")) {
            assertArrayEquals(Files.readAllBytes(a.dir.resolve(name)), Files.readAllBytes(b.dir.resolve(name)), name);
        }
    }

    private static List<Path[]> filePairs(GeneratedDataSet a, GeneratedDataSet b) {
        List<Path[]> pairs = new ArrayList<>();
        for (String name : DataSetGenerator.DATA_FILES) {
            pairs.add(new Path[] {a.dir.resolve(name), b.dir.resolve(name)});
        }
        pairs.add(new Path[] {a.labelsFile, b.labelsFile});
        return pairs;
    }
}
