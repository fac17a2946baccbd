package org.nmaudit.generate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A data set generated for a test, read back as plain string maps (header name -> cell). */
final class GeneratedDataSet {
    static final LocalDate START = LocalDate.of(2025, 1, 1);

    final Path dir;
    final Path labelsFile;
    final GenerationSummary summary;

    private GeneratedDataSet(Path dir, Path labelsFile, GenerationSummary summary) {
        this.dir = dir;
        this.labelsFile = labelsFile;
        this.summary = summary;
    }

    /**
     * data/sample: {@code generate --patients 2000 --months 18 --start 2024-07-01 --seed 20251}. The window
     * starts before 2024-10-01 so that the sample shows M62.85 used before it existed (NM-DX-EFFECTIVE).
     */
    static final GeneratorSettings SAMPLE = new GeneratorSettings(2000, 18, 20251, LocalDate.of(2024, 7, 1), 40, 5,
            0.08, 0.001);

    static GeneratedDataSet generate(Path root, int patients, long seed) throws IOException {
        return generate(root, new GeneratorSettings(patients, 12, seed, START, 40, 5, 0.08, 0.001));
    }

    static GeneratedDataSet generate(Path root, GeneratorSettings settings) throws IOException {
        Path dir = root.resolve("data");
        Path labels = root.resolve("labels.csv");
        GenerationSummary summary = new DataSetGenerator(settings).generate(dir, labels, System.err);
        return new GeneratedDataSet(dir, labels, summary);
    }

    List<Map<String, String>> read(String file) throws IOException {
        return readCsv(dir.resolve(file));
    }

    /** Labels keyed by patient id: pathway and the tags. */
    Map<String, Label> labels() throws IOException {
        Map<String, Label> labels = new LinkedHashMap<>();
        for (Map<String, String> row : readCsv(labelsFile)) {
            List<String> tags = new ArrayList<>();
            for (String t : row.get("injected").split(";")) {
                if (!t.isEmpty()) {
                    tags.add(t);
                }
            }
            labels.put(row.get("patient_id"), new Label(row.get("pathway"), tags));
        }
        return labels;
    }

    record Label(String pathway, List<String> tags) {
        boolean has(String tagPrefix) {
            return tags.stream().anyMatch(t -> t.startsWith(tagPrefix));
        }
    }

    static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), record.get(i));
                }
                row.put("#line", Long.toString(record.getRecordNumber() + 1));
                rows.add(row);
            }
        }
        return rows;
    }
}
