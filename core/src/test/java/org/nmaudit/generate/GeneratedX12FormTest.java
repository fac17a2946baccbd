package org.nmaudit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.testing.CliRun;

/**
 * One generated practice written twice, as claims.csv and as 837P/837I/835 files ({@code generate --format
 * x12}): auditing either gives the same findings, and the X12 form reads back into the same claim lines, save
 * the place of service an 837I cannot carry.
 */
class GeneratedX12FormTest {
    private static final String[] PRACTICE = {"--patients", "400", "--seed", "20251", "--bad-row-rate", "0.02"};

    @TempDir
    static Path tmp;

    private static Path csv;
    private static Path x12;

    @BeforeAll
    static void generateBothForms() {
        csv = tmp.resolve("csv");
        x12 = tmp.resolve("x12");
        generate(csv);
        generate(x12, "--format", "x12");
    }

    private static void generate(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--out", out.toString()));
        args.addAll(List.of(PRACTICE));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void theX12FormHoldsThe837And835FilesAndTheDocumentationButNoClaimsCsv() throws IOException {
        try (var files = Files.list(x12)) {
            assertEquals(List.of("claims-institutional.837", "claims-professional.837", "programming-sessions.csv",
                    "psych-evaluations.csv", "remittances.835", "repeat-trial-justifications.csv", "trial-outcomes.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String doc : List.of("trial-outcomes.csv", "repeat-trial-justifications.csv", "programming-sessions.csv",
                "psych-evaluations.csv")) {
            assertEquals(Files.readString(csv.resolve(doc)), Files.readString(x12.resolve(doc)), doc);
        }
    }

    @Test
    void bothFormsReadIntoTheSameClaimLinesAndRejectTheSameBrokenRows() throws InputException {
        DataSet fromCsv = new DataSetReader(ReadProgress.SILENT).read(csv);
        DataSet fromX12 = new DataSetReader(ReadProgress.SILENT).read(x12);
        List<String> expected = fromCsv.claimLines().stream().map(l -> row(l, true)).sorted().toList();
        List<String> read = fromX12.claimLines().stream().map(l -> row(l, false)).sorted().toList();
        assertEquals(expected, read);
        assertTrue(fromX12.claimLines().stream().filter(ClaimLine::isInstitutional)
                .allMatch(l -> l.getPlaceOfService() == null));
        assertTrue(fromCsv.rowsRejected() > 20, "the practice has broken rows: " + fromCsv.rowsRejected());
        assertEquals(fromCsv.rowsRejected(), fromX12.rowsRejected());
        assertFalse(fromX12.claimLines().stream().noneMatch(l -> l.getPaidAmount() != null), "the 835 pays lines");
    }

    /** The claims.csv columns of a line; an institutional line's place of service dropped when asked. */
    private static String row(ClaimLine l, boolean dropInstitutionalPlace) {
        String place = l.isInstitutional() && dropInstitutionalPlace ? null : l.getPlaceOfService();
        return String.join(",", l.getClaimId(), Integer.toString(l.getLineNumber()), l.getPatientId(),
                l.getPayerType().name(), l.getRenderingNpi(), l.getServiceDate().toString(), l.getCptCode(),
                String.join(";", l.getModifiers()), l.getUnits().toPlainString(), String.join(";", l.getDiagnosisCodes()),
                String.valueOf(place), String.valueOf(l.getBillType()), String.valueOf(l.getPriorAuthNumber()),
                String.valueOf(l.getBilledAmount()), String.valueOf(l.getPaidAmount()));
    }

    @Test
    void auditingTheX12FormGivesExactlyTheFindingsOfTheCsvForm() throws IOException {
        Path csvReport = tmp.resolve("report-csv");
        Path x12Report = tmp.resolve("report-x12");
        CliRun fromCsv = CliRun.of("audit", csv.toString(), "--out", csvReport.toString());
        CliRun fromX12 = CliRun.of("audit", x12.toString(), "--out", x12Report.toString());
        assertEquals(5, fromCsv.exitCode(), fromCsv::toString);
        assertEquals(5, fromX12.exitCode(), fromX12::toString);
        List<String> findings = Files.readAllLines(csvReport.resolve("findings.csv"));
        assertTrue(findings.size() > 100, "a practice of 400 patients has findings: " + findings.size());
        assertEquals(findings, Files.readAllLines(x12Report.resolve("findings.csv")));
        assertEquals(Files.readAllLines(csvReport.resolve("provider-ratios.csv")),
                Files.readAllLines(x12Report.resolve("provider-ratios.csv")));
    }
}
