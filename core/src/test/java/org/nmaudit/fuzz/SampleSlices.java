package org.nmaudit.fuzz;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * data/sample cut into small data sets of a few patients each (every file, only those patients' rows),
 * so that one audit of a slice takes milliseconds. Slice i holds the patients i*size .. i*size+size-1 in
 * patient order; the sample's own clerical errors come along with their patients.
 */
final class SampleSlices {
    static final List<String> FILES = List.of("claims.csv", "trial-outcomes.csv", "repeat-trial-justifications.csv",
            "programming-sessions.csv", "psych-evaluations.csv");

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    /** file -> patient id -> that patient's rows (cells). */
    private final Map<String, Map<String, List<List<String>>>> rows = new LinkedHashMap<>();
    private final List<String> patients;
    private final int size;

    SampleSlices(Path sample, int patientsPerSlice) {
        this.size = patientsPerSlice;
        TreeSet<String> all = new TreeSet<>();
        for (String file : FILES) {
            Map<String, List<List<String>>> byPatient = new LinkedHashMap<>();
            try (CSVParser parser = CSVFormat.RFC4180.parse(Files.newBufferedReader(sample.resolve(file),
                    StandardCharsets.UTF_8))) {
                int patientColumn = -1;
                for (CSVRecord r : parser) {
                    if (patientColumn < 0) {
                        headers.put(file, r.toList());
                        patientColumn = r.toList().indexOf("patient_id");
                        continue;
                    }
                    String patient = patientColumn < r.size() ? r.get(patientColumn) : "";
                    byPatient.computeIfAbsent(patient, k -> new ArrayList<>()).add(r.toList());
                    if (file.equals("claims.csv")) {
                        all.add(patient);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows.put(file, byPatient);
        }
        this.patients = List.copyOf(all);
    }

    int count() {
        return patients.size() / size;
    }

    /** The files of slice {@code index} (0 .. count()-1): name to UTF-8 bytes, header first. */
    Map<String, byte[]> slice(int index) {
        List<String> chosen = patients.subList(index * size, index * size + size);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : FILES) {
            StringWriter text = new StringWriter();
            try (CSVPrinter out = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                out.printRecord(headers.get(file));
                for (String patient : chosen) {
                    for (List<String> row : rows.get(file).getOrDefault(patient, List.of())) {
                        out.printRecord(row);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.put(file, text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }
}
