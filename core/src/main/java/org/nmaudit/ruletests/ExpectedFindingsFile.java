package org.nmaudit.ruletests;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nmaudit.input.IoErrors;

/**
 * Reads a case's expected-findings.csv: header {@code rule_id, claim_id, line_number, rendering_npi}
 * and optionally {@code status}, in any order, case-insensitive. A line finding gives claim_id and
 * line_number, a provider finding rendering_npi; status is blank or {@code todo}. Every bad row is
 * reported with its line, not only the first.
 */
final class ExpectedFindingsFile {
    static final String NAME = "expected-findings.csv";
    static final List<String> REQUIRED = List.of("rule_id", "claim_id", "line_number", "rendering_npi");
    private static final String STATUS = "status";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern NPI = Pattern.compile("[0-9]{10}");

    private ExpectedFindingsFile() {
    }

    /**
     * @param display the file as messages name it, e.g. rules/tests/prog-freq/expected-findings.csv
     * @param findingRuleIds the @ids a row may name
     */
    static List<ExpectedFinding> read(Path file, String display, Set<String> findingRuleIds)
            throws CaseFolderException {
        if (!Files.isRegularFile(file)) {
            throw new CaseFolderException(display + ": not found; a case needs one (header " + String.join(",", REQUIRED)
                    + ",status and a row per finding the case must raise; no rows when it must raise none)");
        }
        List<String> problems = new ArrayList<>();
        List<ExpectedFinding> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> columns = null;
            long lastLine = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (columns == null) {
                    columns = header(record, display + ":" + line, problems);
                    if (columns == null) {
                        break;
                    }
                    continue;
                }
                ExpectedFinding row = row(record, columns, line, display, findingRuleIds, problems);
                if (row != null) {
                    Long earlier = seen.putIfAbsent(row.key(), line);
                    if (earlier != null) {
                        problems.add(display + ":" + line + ": repeats the finding of line " + earlier + " ("
                                + row.describe() + "); give each finding once");
                    } else {
                        rows.add(row);
                    }
                }
            }
            if (columns == null && problems.isEmpty()) {
                problems.add(display + ":1: the file is empty; write the header " + String.join(",", REQUIRED)
                        + ",status (and no rows when the case must raise no finding)");
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(display + ": cannot be read (" + IoErrors.describe(e) + "); check the quoting and that it is UTF-8");
        }
        if (!problems.isEmpty()) {
            throw new CaseFolderException(problems);
        }
        return rows;
    }

    private static Map<String, Integer> header(CSVRecord record, String where, List<String> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            columns.putIfAbsent(record.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        for (String c : REQUIRED) {
            if (!columns.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(where + ": missing column(s) " + String.join(", ", missing) + "; the header is "
                    + String.join(",", REQUIRED) + ",status (status optional)");
            return null;
        }
        return columns;
    }

    private static ExpectedFinding row(CSVRecord record, Map<String, Integer> columns, long line, String display,
            Set<String> findingRuleIds, List<String> problems) {
        String where = display + ":" + line + ": ";
        int before = problems.size();
        String ruleId = cell(record, columns, "rule_id").toUpperCase(Locale.ROOT);
        String claimId = cell(record, columns, "claim_id");
        String lineNumber = cell(record, columns, "line_number");
        String npi = cell(record, columns, "rendering_npi");
        String status = cell(record, columns, STATUS);
        if (ruleId.isEmpty()) {
            problems.add(where + "rule_id is blank");
        } else if (!findingRuleIds.contains(ruleId)) {
            problems.add(where + "rule_id " + ruleId + " is not the @id of a finding rule (nmaudit rules list shows"
                    + " them)");
        }
        boolean line1 = !claimId.isEmpty() || !lineNumber.isEmpty();
        if (line1 && !npi.isEmpty()) {
            problems.add(where + "give claim_id and line_number (a line finding) or rendering_npi (a provider"
                    + " finding), not both");
        } else if (!line1 && npi.isEmpty()) {
            problems.add(where + "give claim_id and line_number (a line finding) or rendering_npi (a provider"
                    + " finding)");
        } else if (line1 && (claimId.isEmpty() || lineNumber.isEmpty())) {
            problems.add(where + "a line finding needs both claim_id and line_number");
        } else if (line1 && !WHOLE_NUMBER.matcher(lineNumber).matches()) {
            problems.add(where + "line_number '" + lineNumber + "' is not a whole number of 1 or more");
        } else if (!line1 && !NPI.matcher(npi).matches()) {
            problems.add(where + "rendering_npi '" + npi + "' is not 10 digits");
        }
        if (!status.isEmpty() && !status.equalsIgnoreCase("todo")) {
            problems.add(where + "status '" + status + "' is not blank or todo (todo: a known gap that does not fail"
                    + " the run)");
        }
        if (problems.size() > before) {
            return null;
        }
        return line1 ? new ExpectedFinding(ruleId, claimId, Integer.valueOf(lineNumber), null, !status.isEmpty(), line)
                : new ExpectedFinding(ruleId, null, null, npi, !status.isEmpty(), line);
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer at = columns.get(column);
        return at == null || at >= record.size() ? "" : record.get(at).strip();
    }
}
