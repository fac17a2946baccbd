package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.input.x12.X12Text.NPI_HOSPITAL;
import static org.nmaudit.input.x12.X12Text.NPI_ROSS;
import static org.nmaudit.input.x12.X12Text.concat;
import static org.nmaudit.input.x12.X12Text.institutional;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.InputException;

/** 837I loops to claims.csv columns (x12-input.md §2-§3): the facility's NPI, bill type, the UTN, all diagnoses. */
class InstitutionalClaimMappingTest {
    private static final List<String> HOSPITAL = List.of("HL*1**20*1",
            "NM1*85*2*SPRINGFIELD GENERAL*****XX*" + NPI_HOSPITAL, "HL*2*1*22*0", "SBR*P*18*******MA",
            "NM1*IL*1*RIVERA*MARIA****MI*1EG4TE5MK73", "NM1*PR*2*MEDICARE*****PI*00450");

    @TempDir
    Path dir;

    private X12Harness one(String... body) throws InputException {
        return X12Harness.read(dir, "i.837", institutional("250502", concat(HOSPITAL, body)));
    }

    @Test
    void theFacilityBillsTheLineWithItsBillTypeUtnAndEveryDiagnosisPrincipalFirst() throws InputException {
        X12Harness r = one("CLM*H1*3300***013:A:1*Y*A*Y*Y", "DTP*434*RD8*20250303-20250303", "REF*G1*JHA00012345678",
                "REF*EA*MRN1", "HI*ABF:G8929*ABK:M961*ABJ:R52*APR:M545*ABN:W010XXA",
                "HI*BH:A1:D8:19560310*BE:A2:::15.31*BG:09", "NM1*71*1*ROSS*DANIEL****XX*" + NPI_ROSS,
                "NM1*72*1*ROSS*DANIEL****XX*" + NPI_ROSS,
                "LX*1", "SV2*0360*HC:63650*3200*UN*1", "DTP*472*D8*20250303", "REF*G1*LINEAUTH",
                "LX*2", "SV2*0278*HC:C1897*100*DA*2");
        assertEquals(List.of(
                "H1,1,MRN1,MEDICARE," + NPI_HOSPITAL + ",2025-03-03,63650,,1,M96.1;G89.29,,131,JHA00012345678,3200,",
                "H1,2,MRN1,MEDICARE," + NPI_HOSPITAL + ",2025-03-03,C1897,,2,M96.1;G89.29,,131,JHA00012345678,100,"),
                r.rows());
        assertEquals(List.of("i.837: patient_id from 2300 REF*EA (medical record number) on 1 claim"), r.warnings());
    }

    @Test
    void aRevenueCodeWithoutHcpcsIsRejectedAndIcd9RejectsEveryLine() throws InputException {
        X12Harness r = one("CLM*H1*280***13:A:1*Y*A*Y*Y", "DTP*434*RD8*20250303-20250303", "REF*EA*MRN1",
                "HI*ABK:M961",
                "LX*1", "SV2*0278**100*UN*1", "DTP*472*D8*20250303",
                "CLM*H2*280***13:A:1*Y*A*Y*Y", "DTP*434*RD8*20250303-20250303", "REF*EA*MRN1",
                "HI*ABK:M961*BF:3382",
                "LX*1", "SV2*0360*HC:63650*280*UN*1", "DTP*472*D8*20250303");
        assertEquals(List.of(), r.rows());
        assertEquals(List.of(
                "i.837|18|cpt_code|0278|2400 SV2-02: 837I line 1: revenue code 0278 without HCPCS (SV202)",
                "i.837|23|diagnosis_codes|BF:3382|2300 HI-02: ICD-9 qualifier BF; ICD-10 ABK/ABF expected"),
                r.rejects());
    }

    @Test
    void aLineWithoutItsOwnDateTakesTheStatementFromDateAndALineOutsideThePeriodIsReported() throws InputException {
        X12Harness r = one("CLM*H1*200***13:A:1*Y*A*Y*Y", "DTP*434*RD8*20250303-20250305", "REF*EA*MRN1",
                "HI*ABK:M961",
                "LX*1", "SV2*0360*HC:63650*100*UN*1",
                "LX*2", "SV2*0360*HC:63650*100*UN*1", "DTP*472*D8*20250310",
                "CLM*H2*100*** :A:1*Y*A*Y*Y", "DTP*434*RD8*20250303-20250303", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV2*0360*HC:63650*100*UN*1");
        assertEquals(List.of("2025-03-03", "2025-03-10"),
                r.lines().stream().map(l -> l.getServiceDate().toString()).toList());
        assertEquals(List.of("i.837|22|bill_type||2300 CLM-05-1: the facility type code is blank; an 837I line needs"
                + " it for its bill_type"), r.rejects());
        assertEquals(List.of("i.837 segment 14: claim H1 line 1: RD8 range 20250303-20250305: the line is read on its"
                + " from date 2025-03-03 (as the CMS-1500 From date; units and charge are not split)",
                "i.837 segment 21: claim H1 line 2 is dated 2025-03-10, outside the statement period 20250303-20250305"
                        + " (2300 DTP*434)"), r.warnings().subList(0, 2));
    }
}
