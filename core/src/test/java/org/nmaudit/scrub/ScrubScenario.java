package org.nmaudit.scrub;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A generated practice cut into a history and a month's batch, written as data folders: the batch sends
 * the claims of the month, sends again (corrected) a few stored claims, breaks a few of its claims with a
 * bad NPI and one documentation row with a bad date. The evaluation set of scrubbing.md is written too, as
 * the data folder an audit would read: the history with the re-sent claims replaced by the batch's version
 * (the rejected ones keep their stored version) plus the batch's claims and documentation rows that load.
 */
final class ScrubScenario {
    static final String[] DOCUMENTATION = {"trial-outcomes.csv", "repeat-trial-justifications.csv",
        "programming-sessions.csv", "psych-evaluations.csv"};
    private static final Map<String, String> DATE_COLUMN = Map.of("trial-outcomes.csv", "documented_date",
            "repeat-trial-justifications.csv", "documented_date", "programming-sessions.csv", "session_date",
            "psych-evaluations.csv", "evaluation_date");

    final Path history;
    final Path batch;
    final Path evaluationSet;
    final Set<String> rejectedClaims = new LinkedHashSet<>();
    final Set<String> resentClaims = new LinkedHashSet<>();
    final Set<String> batchClaims = new LinkedHashSet<>();

    private ScrubScenario(Path root) {
        this.history = root.resolve("history");
        this.batch = root.resolve("batch");
        this.evaluationSet = root.resolve("evaluation-set");
    }

    static ScrubScenario cut(Path practice, Path root, LocalDate cut, int batchDays, int resend, int broken)
            throws IOException {
        ScrubScenario s = new ScrubScenario(root);
        LocalDate batchEnd = cut.plusDays(batchDays);
        Table claims = Table.read(practice.resolve("claims.csv"));
        Map<String, List<List<String>>> byClaim = new LinkedHashMap<>();
        for (List<String> row : claims.rows) {
            byClaim.computeIfAbsent(claims.get(row, "claim_id"), c -> new ArrayList<>()).add(row);
        }
        List<List<String>> historyRows = new ArrayList<>();
        List<List<String>> batchRows = new ArrayList<>();
        List<String> historyClaims = new ArrayList<>();
        for (Map.Entry<String, List<List<String>>> e : byClaim.entrySet()) {
            LocalDate first = date(claims.get(e.getValue().get(0), "service_date"));
            if (first == null || first.isBefore(cut)) {
                historyRows.addAll(e.getValue());
                historyClaims.add(e.getKey());
            } else if (first.isBefore(batchEnd)) {
                batchRows.addAll(e.getValue());
                s.batchClaims.add(e.getKey());
            }
        }
        // re-sent claims: stored ones, corrected (the first line's units set to 1) and sent again
        for (int i = 0; i < resend && i < historyClaims.size(); i++) {
            String id = historyClaims.get(historyClaims.size() - 1 - i * 7);
            for (List<String> row : byClaim.get(id)) {
                List<String> copy = new ArrayList<>(row);
                claims.set(copy, "units", "1");
                batchRows.add(copy);
            }
            s.resentClaims.add(id);
            s.batchClaims.add(id);
        }
        // broken claims: one line's NPI fails its check digit
        List<String> ids = new ArrayList<>(s.batchClaims);
        for (int i = 0; i < broken && i * 5 < ids.size(); i++) {
            String id = ids.get(i * 5);
            for (List<String> row : batchRows) {
                if (claims.get(row, "claim_id").equals(id)) {
                    claims.set(row, "rendering_npi", "1234567890");
                    break;
                }
            }
            s.rejectedClaims.add(id);
        }
        claims.write(s.history.resolve("claims.csv"), historyRows);
        claims.write(s.batch.resolve("claims.csv"), batchRows);

        List<List<String>> evaluationRows = new ArrayList<>();
        Set<String> replaced = new LinkedHashSet<>(s.batchClaims);
        replaced.removeAll(s.rejectedClaims);
        for (List<String> row : historyRows) {
            if (!replaced.contains(claims.get(row, "claim_id"))) {
                evaluationRows.add(row);
            }
        }
        for (List<String> row : batchRows) {
            if (!s.rejectedClaims.contains(claims.get(row, "claim_id"))) {
                evaluationRows.add(row);
            }
        }
        claims.write(s.evaluationSet.resolve("claims.csv"), evaluationRows);

        boolean brokeADocument = false;
        for (String file : DOCUMENTATION) {
            Path source = practice.resolve(file);
            if (!Files.exists(source)) {
                continue;
            }
            Table docs = Table.read(source);
            List<List<String>> before = new ArrayList<>();
            List<List<String>> month = new ArrayList<>();
            for (List<String> row : docs.rows) {
                LocalDate d = date(docs.get(row, DATE_COLUMN.get(file)));
                if (d == null || d.isBefore(cut)) {
                    before.add(row);
                } else if (d.isBefore(batchEnd)) {
                    month.add(row);
                }
            }
            List<List<String>> loaded = new ArrayList<>(before);
            if (!brokeADocument && !month.isEmpty()) {
                List<String> bad = new ArrayList<>(month.get(0));
                docs.set(bad, DATE_COLUMN.get(file), "2025-02-30");
                month.add(bad);
                brokeADocument = true;
                loaded.addAll(month.subList(0, month.size() - 1));
            } else {
                loaded.addAll(month);
            }
            docs.write(s.history.resolve(file), before);
            docs.write(s.batch.resolve(file), month);
            docs.write(s.evaluationSet.resolve(file), loaded);
        }
        return s;
    }

    private static LocalDate date(String cell) {
        try {
            return LocalDate.parse(cell.strip());
        } catch (RuntimeException e) {
            return null; // a deliberately broken row of the generator: stays in the history
        }
    }

    /** A CSV file as its header and rows of cells, written back as read. */
    static final class Table {
        final List<String> header;
        final List<List<String>> rows;

        private Table(List<String> header, List<List<String>> rows) {
            this.header = header;
            this.rows = rows;
        }

        static Table read(Path file) throws IOException {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<CSVRecord> records = CSVFormat.RFC4180.parse(in).getRecords();
                List<List<String>> rows = new ArrayList<>();
                for (CSVRecord r : records.subList(1, records.size())) {
                    rows.add(new ArrayList<>(r.toList()));
                }
                return new Table(records.get(0).toList(), rows);
            }
        }

        String get(List<String> row, String column) {
            int i = header.indexOf(column);
            return i < 0 || i >= row.size() ? "" : row.get(i);
        }

        void set(List<String> row, String column, String value) {
            int i = header.indexOf(column);
            if (i >= 0 && i < row.size()) {
                row.set(i, value);
            }
        }

        void write(Path file, List<List<String>> rows) throws IOException {
            Files.createDirectories(file.getParent());
            StringWriter text = new StringWriter();
            try (CSVPrinter out = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                out.printRecord(header);
                for (List<String> row : rows) {
                    out.printRecord(row);
                }
            }
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        }
    }
}
