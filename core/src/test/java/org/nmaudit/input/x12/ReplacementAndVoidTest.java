package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.input.x12.X12Text.NPI_BILLING;
import static org.nmaudit.input.x12.X12Text.billingAndSubscriber;
import static org.nmaudit.input.x12.X12Text.concat;
import static org.nmaudit.input.x12.X12Text.professional;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.x12.X12Text;

/**
 * CLM05-3 7 (replacement) and 8 (void) across files read in ISA09/ISA10 order, and the (claim_id,
 * line_number) rule shared with claims.csv, which is read first.
 */
class ReplacementAndVoidTest {
    @TempDir
    Path dir;

    private static String claim(String yymmdd, String id, String frequency, String cpt) {
        return professional(yymmdd, concat(billingAndSubscriber("MB"), "CLM*" + id + "*100***11:B:" + frequency
                + "*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961", "LX*1", "SV1*HC:" + cpt + "*100*UN*1***1",
                "DTP*472*D8*20250505"));
    }

    private static String line(String id, String cpt) {
        return id + ",1,MRN1,MEDICARE," + NPI_BILLING + ",2025-05-05," + cpt + ",,1,M96.1,11,,,100,";
    }

    @Test
    void theOrderIsTheInterchangeDateNotTheFileName() throws InputException {
        // a.837 is sent on June 10 and replaces the claim of b.837, sent on May 1.
        X12Harness r = X12Harness.read(dir, "a.837", claim("250610", "C1", "7", "95971"),
                "b.837", claim("250501", "C1", "1", "95972"));
        assertEquals(List.of(line("C1", "95971")), r.rows());
        assertEquals(List.of("b.837 1 1 0", "a.837 1 1 0"), r.counts());
        assertEquals(1, r.files().get(0).x12().replaced());
        assertEquals(0, r.files().get(1).x12().replaced());
    }

    @Test
    void aVoidRemovesTheEarlierClaimAndAddsNothing() throws InputException {
        X12Harness r = X12Harness.read(dir, "may.837", claim("250501", "C1", "1", "95972"),
                "june.837", claim("250610", "C1", "8", "95972"));
        assertEquals(List.of(), r.rows());
        assertEquals(List.of("may.837 1 1 0", "june.837 1 1 0"), r.counts());
        assertEquals(List.of(1L, 1L), r.files().stream().map(f -> f.x12().voided()).toList());
    }

    @Test
    void aReplacementOrVoidWithoutAnEarlierClaimIsReadAsTheSpecSaysWithAWarning() throws InputException {
        X12Harness r = X12Harness.read(dir, "june.837", professional("250610", concat(billingAndSubscriber("MB"),
                "CLM*C7*100***11:B:7*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961", "LX*1", "SV1*HC:95971*100*UN*1***1",
                "DTP*472*D8*20250505",
                "CLM*C8*100***11:B:8*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961", "LX*1", "SV1*HC:95972*100*UN*1***1",
                "DTP*472*D8*20250505")));
        assertEquals(List.of(line("C7", "95971")), r.rows());
        assertEquals(List.of(
                "june.837 segment 14: claim C7 has frequency 7 (replacement) but no earlier claim with that CLM01 was"
                        + " read; it is loaded as an original",
                "june.837 segment 20: claim C8 has frequency 8 (void) but no earlier claim with that CLM01 was read;"
                        + " nothing is loaded"), r.warnings().subList(0, 2));
    }

    @Test
    void aReplacementInTheSameFileReplacesTheClaimBeforeIt() throws InputException {
        X12Harness r = X12Harness.read(dir, "one.837", professional("250501", concat(billingAndSubscriber("MB"),
                "CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961", "LX*1", "SV1*HC:95972*100*UN*1***1",
                "DTP*472*D8*20250505",
                "CLM*C1*100***11:B:7*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961", "LX*1", "SV1*HC:95971*100*UN*1***1",
                "DTP*472*D8*20250505")));
        assertEquals(List.of(line("C1", "95971")), r.rows());
        assertEquals(1, r.files().get(0).x12().replaced());
    }

    @Test
    void claimsCsvRowsComeFirstInTheUniquenessCheck() throws InputException {
        X12Text.write(dir, "claims.csv", "claim_id,line_number,patient_id,payer_type,rendering_npi,service_date,"
                + "cpt_code\nC1,1,MRN1,MEDICARE," + NPI_BILLING + ",2025-05-05,95970\n");
        X12Text.write(dir, "p.837", claim("250501", "C1", "1", "95972"));
        DataSet data = new DataSetReader(ReadProgress.SILENT).read(dir);
        assertEquals(List.of("C1,1,MRN1,MEDICARE," + NPI_BILLING + ",2025-05-05,95970,,1,,,,,,"),
                ClaimRowText.rows(data.claimLines()));
        assertEquals(List.of("p.837|17|line_number|1|2400 LX-01: claim C1 line 1 duplicates the row already loaded"
                + " from claims.csv line 2; each (claim_id, line_number) must be unique"),
                ClaimRowText.rejects(data.rejects()));
        assertEquals(List.of("claims.csv 1 1 0", "p.837 1 0 1"), data.files().stream().filter(f -> f.present())
                .map(f -> f.fileName() + " " + f.rowsRead() + " " + f.rowsLoaded() + " " + f.rowsRejected()).toList());
    }

    @Test
    void withoutX12FilesClaimsCsvIsStillRequired() {
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> new DataSetReader(ReadProgress.SILENT).read(dir));
        assertEquals("claims.csv not found in " + dir + " (it is the one required file of a data set)", e.getMessage());
    }
}
