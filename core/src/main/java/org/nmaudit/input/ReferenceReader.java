package org.nmaudit.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.facts.FeeScheduleRate;
import org.nmaudit.facts.ProcedureCode;

/**
 * Reads a reference folder. Unlike a claim row, a bad reference row is not set aside: every expected
 * payment rests on it, so any problem stops the run (exit code 2) with every problem listed.
 */
public final class ReferenceReader {
    private final ReadProgress progress;

    public ReferenceReader(ReadProgress progress) {
        this.progress = progress;
    }

    public ReferenceData read(Path folder) throws InputException {
        String display = folder.toString().replace('\\', '/');
        if (!Files.isDirectory(folder)) {
            throw new InputException("reference folder " + display + " does not exist or is not a folder; it holds "
                    + FeeScheduleFile.NAME + " and optionally " + CodesFile.NAME + " (the shipped one is data/reference;"
                    + " choose another with --reference DIR)");
        }
        List<String> warnings = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        CsvFileReader reader = new CsvFileReader(progress, warnings::add);
        List<FeeScheduleRate> rates = new ArrayList<>();
        List<ProcedureCode> codes = new ArrayList<>();
        List<FileSummary> files = new ArrayList<>();
        files.add(readOne(reader, folder, display, new FeeScheduleFile(), rates, rejects));
        files.add(readOne(reader, folder, display, new CodesFile(), codes, rejects));
        rejectAmbiguousRates(rates, rejects);
        rejectRepeatedCodes(codes, rejects);
        if (!rejects.isEmpty()) {
            StringBuilder sb = new StringBuilder("the reference data in " + display + " has " + rejects.size()
                    + " problem(s); fix them (every expected payment rests on this data):");
            for (Reject r : rejects) {
                sb.append(System.lineSeparator()).append("  ").append(display).append('/').append(r.file()).append(':')
                        .append(r.line());
                if (!r.column().isEmpty()) {
                    sb.append(" column ").append(r.column());
                }
                sb.append(": ").append(r.reason());
            }
            throw new InputException(sb.toString());
        }
        List<String> located = warnings.stream().map(w -> "reference folder " + display + ": " + w).toList();
        return new ReferenceData(display, List.copyOf(rates), List.copyOf(codes), List.copyOf(files), located);
    }

    private static <T> FileSummary readOne(CsvFileReader reader, Path folder, String display, DataFile<T> spec,
            List<T> loaded, List<Reject> rejects) throws InputException {
        Path path = folder.resolve(spec.fileName());
        if (!Files.exists(path) && !spec.requiredFile()) {
            return FileSummary.absent(spec.fileName());
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InputException(display + "/" + spec.fileName() + " not found or not readable (a reference"
                    + " folder needs " + FeeScheduleFile.NAME + "; " + CodesFile.NAME + " is optional)");
        }
        try {
            return reader.read(InputFolder.local(folder), spec, loaded::add, rejects::add);
        } catch (InputException e) {
            throw new InputException("reference folder " + display + ": " + e.getMessage(), e);
        }
    }

    /** Two rows for one key and date would make the expected amount a matter of row order. */
    private static void rejectAmbiguousRates(List<FeeScheduleRate> rates, List<Reject> rejects) {
        Map<String, FeeScheduleRate> seen = new HashMap<>();
        for (FeeScheduleRate r : rates) {
            String key = r.getPayerType() + "|" + r.getCptCode() + "|" + r.getSetting() + "|" + r.getComponent() + "|"
                    + r.getEffectiveFrom();
            FeeScheduleRate first = seen.putIfAbsent(key, r);
            if (first != null) {
                rejects.add(new Reject(FeeScheduleFile.NAME, r.getSourceLine(), "effective_from",
                        r.getEffectiveFrom().toString(), "repeats the payer_type, cpt_code, setting, component and"
                                + " effective_from of line " + first.getSourceLine() + "; keep one expected_amount"));
            }
        }
    }

    private static void rejectRepeatedCodes(List<ProcedureCode> codes, List<Reject> rejects) {
        Map<String, ProcedureCode> seen = new HashMap<>();
        for (ProcedureCode c : codes) {
            ProcedureCode first = seen.putIfAbsent(c.getCptCode(), c);
            if (first != null) {
                rejects.add(new Reject(CodesFile.NAME, c.getSourceLine(), "cpt_code", c.getCptCode(),
                        "cpt_code " + c.getCptCode() + " is already described on line " + first.getSourceLine()
                                + "; keep one row"));
            }
        }
    }
}
