package org.nmaudit.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.nmaudit.report.ReportFolder;
import org.nmaudit.report.ReportedFinding;

/**
 * What must hold after any audit, whatever its input: the exit code is 0, 2 or 5 (never 1, an internal
 * error); exit 2 says why on stderr and writes no report (or only rejects.csv, with --strict or when no
 * claim line loaded); a completed run writes the seven files, each readable; rows read = loaded + rejected per file, and the
 * rejected rows are exactly the rows rejects.csv names; every finding's facts come from loaded rows; no
 * CSV text cell starts a spreadsheet formula.
 */
final class ReportInvariants {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final List<String> REPORT = List.of("findings.csv", "findings.json", "findings.xlsx",
            "provider-ratios.csv", "rejects.csv", "report.html", "run.json");
    /** The evidence fact types that are rows of a documentation file, and that file. */
    private static final Map<String, String> FILE_OF_FACT = Map.of("TrialOutcome", "trial-outcomes.csv",
            "RepeatTrialJustification", "repeat-trial-justifications.csv", "ProgrammingSession",
            "programming-sessions.csv", "PsychEvaluation", "psych-evaluations.csv");

    private ReportInvariants() {
    }

    /** The violations, empty when every invariant holds. */
    static List<String> check(int exitCode, String err, Path out, boolean strict) {
        List<String> broken = new ArrayList<>();
        try {
            checkInto(exitCode, err, out, strict, broken);
        } catch (IOException | RuntimeException | org.nmaudit.report.ReportException e) {
            broken.add("an output file cannot be read: " + e);
        }
        return broken;
    }

    private static void checkInto(int exitCode, String err, Path out, boolean strict, List<String> broken)
            throws IOException, org.nmaudit.report.ReportException {
        if (exitCode != 0 && exitCode != 2 && exitCode != 5) {
            broken.add("exit code " + exitCode + " (only 0, 2 and 5 are expected)");
            return;
        }
        if (err.contains("internal error") || err.contains("Exception in") || err.contains("\tat ")) {
            broken.add("stderr shows an internal error or a stack trace");
        }
        List<String> files = files(out);
        if (exitCode == 2) {
            if (err.lines().noneMatch(l -> l.startsWith("nmaudit: ") || l.startsWith("nmaudit diff: "))) {
                broken.add("exit 2 without a message saying why");
            }
            // rejects.csv only: --strict with rejects, or no claim line loaded (data-format.md)
            boolean nothingLoaded = err.contains("no claim line could be loaded") || err.contains("has a header but no rows");
            List<String> allowed = strict || nothingLoaded ? List.of("rejects.csv") : List.of();
            if (!files.isEmpty() && !files.equals(allowed)) {
                broken.add("exit 2 left report files " + files);
            }
            if (!files.isEmpty()) {
                readRejects(out.resolve("rejects.csv"), broken);
            }
            return;
        }
        if (!files.equals(REPORT)) {
            broken.add("a completed run wrote " + files + ", not " + REPORT);
            return;
        }
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        JsonNode findingsJson = JSON.readTree(out.resolve("findings.json").toFile());
        if (!run.equals(findingsJson.get("run"))) {
            broken.add("findings.json's run differs from run.json");
        }
        Map<String, Set<Long>> rejectedLines = readRejects(out.resolve("rejects.csv"), broken);
        long rejectedTotal = 0;
        for (JsonNode f : run.get("input_files")) {
            String name = f.get("file").asText();
            long read = f.get("rows_read").asLong();
            long loaded = f.get("rows_loaded").asLong();
            long rejected = f.get("rows_rejected").asLong();
            rejectedTotal += rejected;
            if (read != loaded + rejected) {
                broken.add(name + ": rows read " + read + " != loaded " + loaded + " + rejected " + rejected);
            }
            int listed = rejectedLines.getOrDefault(name, Set.of()).size();
            if (listed != rejected) {
                broken.add(name + ": " + rejected + " rows rejected but rejects.csv names " + listed + " rows");
            }
        }
        if ((rejectedTotal > 0) != (exitCode == 5)) {
            broken.add("exit " + exitCode + " with " + rejectedTotal + " rejected rows");
        }
        List<ReportedFinding> csvFindings = ReportFolder.open(out).findings();
        JsonNode list = findingsJson.get("findings");
        if (csvFindings.size() != list.size() || list.size() != run.get("findings_total").asInt()) {
            broken.add("findings: " + csvFindings.size() + " in findings.csv, " + list.size() + " in findings.json, "
                    + run.get("findings_total") + " in run.json");
        }
        for (JsonNode finding : list) {
            for (JsonNode fact : finding.get("evidence")) {
                // A claim line in a role (TrialLine, ProgrammingLine) describes itself as its claim line does.
                String file = fact.has("claim_id") && fact.has("line_number") ? "claims.csv"
                        : FILE_OF_FACT.get(fact.path("fact").asText());
                if (file != null && fact.has("source_line")
                        && rejectedLines.getOrDefault(file, Set.of()).contains(fact.get("source_line").asLong())) {
                    broken.add("finding " + finding.get("finding_id").asText() + " rests on " + file + " line "
                            + fact.get("source_line") + ", which was rejected");
                }
            }
            if ("LINE".equals(finding.get("scope").asText()) && !flaggedLineIsEvidence(finding)) {
                broken.add("finding " + finding.get("finding_id").asText() + " flags a claim line that is not among"
                        + " its evidence");
            }
        }
        readableWorkbookAndPage(out, broken);
        noFormula(out.resolve("findings.csv"), Set.of("line_number", "amount_at_risk"), broken);
        noFormula(out.resolve("rejects.csv"), Set.of("line"), broken);
        noFormula(out.resolve("provider-ratios.csv"), Set.of("trials", "converted", "failed", "pending", "ratio"),
                broken);
    }

    /** findings.xlsx opens as a workbook with its four sheets; report.html is a whole page. */
    private static void readableWorkbookAndPage(Path out, List<String> broken) throws IOException {
        // A rejected 64 KB cell of one repeated character compresses a hundredfold, which POI's reader takes
        // for a zip bomb; Excel opens it. The workbook is checked for what it holds, not for its ratio.
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(out.resolve("findings.xlsx")))) {
            for (String sheet : List.of("Summary", "Findings", "Providers", "Rejects")) {
                if (book.getSheet(sheet) == null) {
                    broken.add("findings.xlsx has no sheet " + sheet);
                }
            }
        }
        String page = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        if (!page.startsWith("<!DOCTYPE html>") || !page.stripTrailing().endsWith("</html>")) {
            broken.add("report.html is not a whole page");
        }
    }

    private static boolean flaggedLineIsEvidence(JsonNode finding) {
        for (JsonNode fact : finding.get("evidence")) {
            if (fact.has("source_line") && fact.path("claim_id").asText().equals(finding.get("claim_id").asText())
                    && fact.path("line_number").asText().equals(finding.get("line_number").asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> files(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(out)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** file -> the physical lines rejects.csv names for it; the file must parse with its header. */
    private static Map<String, Set<Long>> readRejects(Path rejects, List<String> broken) throws IOException {
        Map<String, Set<Long>> lines = new HashMap<>();
        List<CSVRecord> rows = records(rejects, List.of("file", "line", "column", "value", "reason"), broken);
        for (CSVRecord r : rows) {
            lines.computeIfAbsent(r.get("file"), k -> new TreeSet<>()).add(Long.parseLong(r.get("line")));
        }
        return lines;
    }

    private static List<CSVRecord> records(Path csv, List<String> header, List<String> broken) throws IOException {
        List<CSVRecord> rows = CSV.parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8))).getRecords();
        if (!rows.isEmpty() && !rows.get(0).getParser().getHeaderNames().equals(header)) {
            broken.add(csv.getFileName() + " header " + rows.get(0).getParser().getHeaderNames());
        }
        for (CSVRecord r : rows) {
            if (!r.isConsistent()) {
                broken.add(csv.getFileName() + " row " + r.getRecordNumber() + " has " + r.size() + " fields");
            }
        }
        return rows;
    }

    private static void noFormula(Path csv, Set<String> numberColumns, List<String> broken) throws IOException {
        Set<String> reported = new HashSet<>();
        for (CSVRecord row : CSV.parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8)))) {
            for (String column : row.getParser().getHeaderNames()) {
                String cell = row.get(column);
                boolean bad = numberColumns.contains(column) ? !cell.matches("-?[0-9]*(\\.[0-9]+)?")
                        : !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
                if (bad && reported.add(column)) {
                    broken.add(csv.getFileName() + " column " + column + " starts a formula: " + cell);
                }
            }
        }
    }
}
