package org.nmaudit.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of the input files given as named cells instead of CSV lines (the HTTP API's JSON objects, one per
 * row, keyed by the CSV column names), validated by the very readers of the CSV files: the same cell formats,
 * defaults, normalisation and reasons, and the same (claim_id, line_number) uniqueness across the rows given
 * to one instance. So a value means the same whether it came in a CSV file or in a request.
 *
 * <p>A missing column is a blank cell (a required one is then rejected as blank); columns that are not the
 * file's are the caller's to refuse (see {@link #columns}), as a CSV header's unknown column is only warned
 * about.
 */
public final class NamedCellRows {
    private final InputSink sink;
    private final Map<String, DataFile<?>> files = new LinkedHashMap<>();
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    /** @param sink told of every loaded fact, every reject and every claims.csv row (as a CSV read tells it) */
    public NamedCellRows(InputSink sink) {
        this.sink = sink;
        for (DataFile<?> f : specs(sink)) {
            files.put(f.fileName(), f);
            counts.put(f.fileName(), new long[2]);
        }
    }

    private static List<DataFile<?>> specs(InputSink sink) {
        return List.of(new ClaimsFile(sink::claimRow), new TrialOutcomesFile(), new RepeatTrialJustificationsFile(),
                new ProgrammingSessionsFile(), new PsychEvaluationsFile());
    }

    /** Each input file's columns (required, then optional), in data-format.md's order of the files. */
    private static final Map<String, List<String>> COLUMNS;
    private static final Map<String, List<String>> REQUIRED;

    static {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, List<String>> required = new LinkedHashMap<>();
        for (DataFile<?> f : specs(new NoSink())) {
            List<String> all = new ArrayList<>(f.requiredColumns());
            all.addAll(f.optionalColumns());
            columns.put(f.fileName(), List.copyOf(all));
            required.put(f.fileName(), f.requiredColumns());
        }
        COLUMNS = java.util.Collections.unmodifiableMap(columns);
        REQUIRED = java.util.Collections.unmodifiableMap(required);
    }

    /** The input file names of data-format.md, claims.csv first. */
    public static List<String> fileNames() {
        return List.copyOf(COLUMNS.keySet());
    }

    /** The columns a row of this file has (data-format.md): the required ones, then the optional ones. */
    public static List<String> columns(String fileName) {
        List<String> columns = COLUMNS.get(fileName);
        if (columns == null) {
            throw new IllegalArgumentException(fileName + " is not an input file");
        }
        return columns;
    }

    /** The required columns of this file. */
    public static List<String> requiredColumns(String fileName) {
        columns(fileName);
        return REQUIRED.get(fileName);
    }

    /**
     * Validates one row and hands its fact, or its rejects, to the sink.
     *
     * @param fileName the input file the row belongs to, e.g. claims.csv
     * @param position where the row is in its source: the "line" of its rejects and of its loaded fact
     * @param cells the cell texts by column name; absent or null is a blank cell
     * @return whether the row loaded
     */
    public boolean row(String fileName, long position, Map<String, String> cells) {
        DataFile<?> spec = files.get(fileName);
        if (spec == null) {
            throw new IllegalArgumentException(fileName + " is not an input file");
        }
        List<String> columns = columns(fileName);
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>(columns.size());
        for (String column : columns) {
            index.put(column, texts.size());
            String text = cells.get(column);
            texts.add(text == null ? "" : text);
        }
        Row row = new Row(fileName, position, index, texts);
        Object fact = spec.read(row);
        row.problems().forEach(sink::rejected);
        long[] count = counts.get(fileName);
        count[0]++;
        if (fact == null) {
            return false;
        }
        count[1]++;
        sink.loaded((org.nmaudit.facts.PatientFact) fact);
        return true;
    }

    /** What was given, per file: rows read, loaded and rejected; a file no row was given for is absent. */
    public DataSetSummary summary() {
        List<FileSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            summaries.add(c[0] == 0 ? FileSummary.absent(e.getKey())
                    : new FileSummary(e.getKey(), true, null, c[0], c[1], c[0] - c[1]));
        }
        return new DataSetSummary(List.copyOf(summaries), List.of(), java.util.Optional.empty());
    }

    /** A sink that keeps nothing, for looking at the file specs alone. */
    private static final class NoSink implements InputSink {
        @Override
        public void loaded(org.nmaudit.facts.PatientFact fact) {
        }

        @Override
        public void rejected(Reject reject) {
        }
    }
}
