package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.testing.CliRun;

/** {@code nmaudit x12 to-csv} and {@code nmaudit audit} of a folder of 837/835 files, end to end. */
class X12CommandTest {
    private static final String CLAIMS_HEADER = "claim_id,line_number,patient_id,payer_type,rendering_npi,"
            + "service_date,cpt_code,modifiers,units,diagnosis_codes,place_of_service,bill_type,prior_auth_number,"
            + "billed_amount,paid_amount";
    private static final String CLAIM_SEGMENTS = "HL*1**20*1~\nNM1*85*2*GROUP*****XX*1493258762~\nHL*2*1*22*0~\n"
            + "SBR*P*18*******MB~\nNM1*IL*1*RIVERA*MARIA****MI*M1~\nCLM*=HYPERLINK(1)*100***11:B:1*Y*A*Y*Y~\n"
            + "REF*EA*MRN1~\nHI*ABK:M961~\nLX*1~\nSV1*HC:95972*100*UN*1***1~\nDTP*472*D8*20250505~\n";

    @TempDir
    Path tmp;

    private static String professional(String body) {
        long segments = body.chars().filter(c -> c == '~').count() + 2;
        return "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250501*1200*^*00501*000000001*0*T*:~\n"
                + "GS*HC*SENDER*RECEIVER*20250501*1200*1*X*005010X222A1~\nST*837*0001*005010X222A1~\n" + body
                + "SE*" + segments + "*0001~\nGE*1*1~\nIEA*1*000000001~\n";
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void toCsvWritesTheClaimLinesAndRejectsOfTheSampleFolderAndExits5() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("x12", "to-csv", "data/x12", "--out", out.toString());
        assertEquals(5, run.exitCode(), run::toString);
        assertEquals(List.of(CLAIMS_HEADER,
                "P1001,1,MRN1001,MEDICARE,1629183744,2025-03-03,63650,,1,M96.1;G89.29,22,,,925.00,650.00",
                "P1001,2,MRN1001,MEDICARE,1629183744,2025-03-03,63650,59,1,M96.1;G89.29,22,,,925.00,408.20",
                "P1002,1,MRN1001,MEDICARE,1629183744,2025-04-14,63685,,1,M96.1;G89.29,22,,,2100.00,845.10",
                "P3002,1,MRN1003,MEDICARE,1629183744,2025-04-21,99214,,1,M54.16;G89.29,22,,,180.00,",
                "P2001,1,XYZ123456789:DOE:ANNA:19800212,COMMERCIAL,1873645208,2025-05-12,63650,,1,G90.5;G89.29,24,,"
                        + "PA77310042,1400.00,700.00",
                "P2002,1,XYZ123456789:DOE:ANNA:19800212,COMMERCIAL,1302957463,2025-05-12,01936,,1,G90.5,24,,,610.00,",
                "H1001,1,MRN1001,MEDICARE,1718452968,2025-03-03,63650,,1,M96.1;G89.29,,131,JHA00012345678,3200.00,"
                        + "2875.00",
                "H1001,2,MRN1001,MEDICARE,1718452968,2025-03-03,C1897,,2,M96.1;G89.29,,131,JHA00012345678,1150.00,0.00",
                "H1002,1,MRN1001,MEDICARE,1718452968,2025-04-14,63685,,1,M96.1;G89.29,,131,JHA00012345999,9800.00,",
                "H1002,2,MRN1001,MEDICARE,1718452968,2025-04-14,C1820,,1,M96.1;G89.29,,131,JHA00012345999,28500.00,",
                "H1002,3,MRN1001,MEDICARE,1718452968,2025-04-14,C1778,,2,M96.1;G89.29,,131,JHA00012345999,7400.00,",
                "P1003,1,MRN1001,MEDICARE,1629183744,2025-05-05,95972,,1,Z45.42;M96.1,11,,,190.00,96.50",
                "P1004,1,MRN1001,MEDICARE,1629183744,2025-06-02,95971,,1,Z45.42;M96.1,11,,,380.00,"),
                lines(out.resolve("claims.csv")));
        assertEquals(List.of("file,line,column,value,reason",
                "professional-2025-05-01.837,59,diagnosis_codes,BK:7242,2300 HI-01: ICD-9 qualifier BK; ICD-10 ABK/ABF"
                        + " expected",
                "professional-2025-05-01.837,74,diagnosis_codes,5,2400 SV1-07: diagnosis pointer 5 but the claim has 3"
                        + " diagnosis codes",
                "professional-2025-05-01.837,80,rendering_npi,1629183745,2310B NM1-09: rendering_npi 1629183745 fails"
                        + " the NPI check digit",
                "facility-2025-05-02.837,56,cpt_code,0250,2400 SV2-02: 837I line 4: revenue code 0250 without HCPCS"
                        + " (SV202)"),
                lines(out.resolve("rejects.csv")));
        assertEquals(String.join("\n",
                "X12 file                             set             read     loaded   rejected  ",
                "  professional-2025-05-01.837        837P              11          8          3  1 replaced, 1 voided",
                "  facility-2025-05-02.837            837I               6          5          1  0 replaced, 0 voided",
                "  professional-2025-06-10.837        837P               3          3          0  0 replaced, 1 voided",
                "  remittance-2025-06-20.835          835                7          7          0  6 matched, 1 unmatched",
                "  remittance-2025-07-01.835          835                3          3          0  3 matched, 0 unmatched",
                "Wrote 13 claim line(s) to " + out.resolve("claims.csv") + " and the rejects to "
                        + out.resolve("rejects.csv"), ""), run.out());
        assertTrue(run.err().endsWith("4 line(s) rejected (4 problem(s)); see " + out.resolve("rejects.csv") + "\n"),
                run.err());
        assertEquals(List.of("claims.csv", "rejects.csv"), list(out));
    }

    @Test
    void everyLineLoadedExits0AndFormulaTextIsDefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("ok.837"), professional(CLAIM_SEGMENTS));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("x12", "to-csv", file.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of(CLAIMS_HEADER, "'=HYPERLINK(1),1,MRN1,MEDICARE,1493258762,2025-05-05,95972,,1,M96.1,11,,,"
                + "100,"), lines(out.resolve("claims.csv")));
        assertEquals(List.of("file,line,column,value,reason"), lines(out.resolve("rejects.csv")));
    }

    @Test
    void everyLineRejectedStillExits5WithAHeaderOnlyClaimsCsv() throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.837"), professional(CLAIM_SEGMENTS.replace("HI*ABK:M961",
                "HI*BK:7242")));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("x12", "to-csv", file.toString(), "--out", out.toString());
        assertEquals(5, run.exitCode(), run::toString);
        assertEquals(List.of(CLAIMS_HEADER), lines(out.resolve("claims.csv")));
        assertEquals(List.of("file,line,column,value,reason",
                "bad.837,11,diagnosis_codes,BK:7242,2300 HI-01: ICD-9 qualifier BK; ICD-10 ABK/ABF expected"),
                lines(out.resolve("rejects.csv")));
    }

    @Test
    void aFileThatIsNotX12OrOfAnotherVersionExits2AndWritesNothing() throws IOException {
        Path out = tmp.resolve("out");
        Path old = Files.writeString(tmp.resolve("old.837"), professional(CLAIM_SEGMENTS).replace("005010X222A1",
                "004010X098A1"));
        CliRun run = CliRun.of("x12", "to-csv", old.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("nmaudit x12 to-csv: old.837 segment 3: GS08 004010X098A1 of ST*837 is not a version nmaudit"
                + " reads; it reads 005010X222A1 or 005010X222A2 (837P), 005010X223A2 or 005010X223A3 (837I),"
                + " 005010X221A1 (835)\n", run.err());
        assertEquals(List.of(), list(out));
        Path junk = Files.writeString(tmp.resolve("junk.edi"), "claim_id,line_number\n");
        run = CliRun.of("x12", "to-csv", junk.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("nmaudit x12 to-csv: junk.edi cannot be read as X12: it must start with an ISA"
                + " interchange header"), run.err());
    }

    @Test
    void existingOutputIsKeptWithoutForce() throws IOException {
        Path file = Files.writeString(tmp.resolve("ok.837"), professional(CLAIM_SEGMENTS));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("claims.csv"), "the practice's own claims\n");
        CliRun run = CliRun.of("x12", "to-csv", file.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("the practice's own claims"), lines(out.resolve("claims.csv")));
        run = CliRun.of("x12", "to-csv", file.toString(), "--out", out.toString(), "--force");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(CLAIMS_HEADER, lines(out.resolve("claims.csv")).get(0));
    }

    @Test
    void auditingTheSampleFolderListsEachX12FileInRunJson() throws IOException {
        Path out = tmp.resolve("report");
        CliRun run = CliRun.of("audit", "data/x12", "--out", out.toString());
        assertEquals(5, run.exitCode(), run::toString);
        JsonNode files = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("input_files");
        List<String> shown = new ArrayList<>();
        files.forEach(f -> shown.add(f.toString().replaceAll("\"sha256\":\"[0-9a-f]{64}\"", "\"sha256\":\"…\"")));
        assertEquals(List.of(
                "{\"file\":\"claims.csv\",\"present\":false,\"sha256\":null,\"rows_read\":0,\"rows_loaded\":0,"
                        + "\"rows_rejected\":0}",
                "{\"file\":\"trial-outcomes.csv\",\"present\":true,\"sha256\":\"…\",\"rows_read\":1,\"rows_loaded\":1,"
                        + "\"rows_rejected\":0}",
                "{\"file\":\"repeat-trial-justifications.csv\",\"present\":false,\"sha256\":null,\"rows_read\":0,"
                        + "\"rows_loaded\":0,\"rows_rejected\":0}",
                "{\"file\":\"programming-sessions.csv\",\"present\":false,\"sha256\":null,\"rows_read\":0,"
                        + "\"rows_loaded\":0,\"rows_rejected\":0}",
                "{\"file\":\"psych-evaluations.csv\",\"present\":true,\"sha256\":\"…\",\"rows_read\":1,"
                        + "\"rows_loaded\":1,\"rows_rejected\":0}",
                "{\"file\":\"professional-2025-05-01.837\",\"present\":true,\"sha256\":\"…\",\"rows_read\":11,"
                        + "\"rows_loaded\":8,\"rows_rejected\":3,\"transaction\":\"837P\",\"replaced\":1,\"voided\":1}",
                "{\"file\":\"facility-2025-05-02.837\",\"present\":true,\"sha256\":\"…\",\"rows_read\":6,"
                        + "\"rows_loaded\":5,\"rows_rejected\":1,\"transaction\":\"837I\",\"replaced\":0,\"voided\":0}",
                "{\"file\":\"professional-2025-06-10.837\",\"present\":true,\"sha256\":\"…\",\"rows_read\":3,"
                        + "\"rows_loaded\":3,\"rows_rejected\":0,\"transaction\":\"837P\",\"replaced\":0,\"voided\":1}",
                "{\"file\":\"remittance-2025-06-20.835\",\"present\":true,\"sha256\":\"…\",\"rows_read\":7,"
                        + "\"rows_loaded\":7,\"rows_rejected\":0,\"transaction\":\"835\",\"lines_matched\":6,"
                        + "\"lines_unmatched\":1}",
                "{\"file\":\"remittance-2025-07-01.835\",\"present\":true,\"sha256\":\"…\",\"rows_read\":3,"
                        + "\"rows_loaded\":3,\"rows_rejected\":0,\"transaction\":\"835\",\"lines_matched\":3,"
                        + "\"lines_unmatched\":0}"), shown);
        List<String> findings = lines(out.resolve("findings.csv"));
        assertEquals(List.of("NM-PSYCH-EVAL,P2001,1", "NM-PROG-FREQ,P1004,1", "NM-UNDERPAID,H1001,1"),
                findings.stream().skip(1).map(l -> l.split(",")).map(c -> c[1] + "," + c[4] + "," + c[5]).toList());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
