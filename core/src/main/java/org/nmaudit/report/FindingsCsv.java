package org.nmaudit.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nmaudit.input.IoErrors;

/** Reads a report's findings.csv, the output contract of findings-format.md, back into rows. */
final class FindingsCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(false).get();

    private FindingsCsv() {
    }

    static List<ReportedFinding> read(Path file) throws ReportException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ReportException(file + " is not UTF-8 text; it is not a findings.csv nmaudit wrote", e);
        } catch (IOException e) {
            throw new ReportException(file + " cannot be read: " + IoErrors.describe(e), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ReportException(file + " is empty; an audit writes at least its header line ("
                    + String.join(",", ReportWriter.FINDING_COLUMNS) + ")");
        }
        try (Reader in = new StringReader(text); CSVParser parser = FORMAT.parse(in)) {
            checkHeader(file, parser.getHeaderNames());
            List<ReportedFinding> rows = new ArrayList<>();
            Map<String, Integer> rowOfId = new HashMap<>();
            int row = 0;
            for (CSVRecord r : parser) {
                row++;
                if (!r.isConsistent()) {
                    throw new ReportException(file + " row " + row + " after the header has " + r.size()
                            + " fields where the header has " + parser.getHeaderNames().size()
                            + "; the file is damaged (was it edited by hand?)");
                }
                ReportedFinding f = row(r);
                if (f.findingId().isBlank()) {
                    throw new ReportException(file + " row " + row + " after the header has no finding_id");
                }
                Integer earlier = rowOfId.putIfAbsent(f.findingId(), row);
                if (earlier != null) {
                    throw new ReportException(file + " lists finding " + f.findingId() + " twice (rows " + earlier
                            + " and " + row + " after the header); an audit writes each finding once");
                }
                rows.add(f);
            }
            return rows;
        } catch (UncheckedIOException | IllegalStateException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new ReportException(file + " is not a well-formed CSV file (" + why
                    + "); it is not a findings.csv nmaudit wrote", e);
        } catch (IOException e) {
            throw new ReportException(file + " cannot be read: " + IoErrors.describe(e), e);
        }
    }

    private static void checkHeader(Path file, List<String> header) throws ReportException {
        List<String> missing = new ArrayList<>();
        for (String column : ReportWriter.FINDING_COLUMNS) {
            if (header.stream().noneMatch(column::equalsIgnoreCase)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new ReportException(file + " has no column " + String.join(", ", missing)
                    + "; a findings.csv starts with the header " + String.join(",", ReportWriter.FINDING_COLUMNS));
        }
    }

    /** The text cells lose the apostrophe that kept them from being read as formulas (SpreadsheetSafeCsv). */
    private static ReportedFinding row(CSVRecord r) {
        return new ReportedFinding(text(r, "finding_id").trim().toLowerCase(Locale.ROOT), text(r, "rule_id"),
                text(r, "severity"), text(r, "scope"), text(r, "claim_id"), r.get("line_number"), text(r, "patient_id"),
                text(r, "rendering_npi"), text(r, "service_date"), r.get("amount_at_risk"), text(r, "message"),
                text(r, "citation"));
    }

    private static String text(CSVRecord r, String column) {
        return SpreadsheetSafeCsv.original(r.get(column));
    }
}
