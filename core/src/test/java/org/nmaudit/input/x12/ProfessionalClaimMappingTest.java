package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.input.x12.X12Text.NPI_BILLING;
import static org.nmaudit.input.x12.X12Text.NPI_ROSS;
import static org.nmaudit.input.x12.X12Text.NPI_SHAH;
import static org.nmaudit.input.x12.X12Text.billingAndSubscriber;
import static org.nmaudit.input.x12.X12Text.concat;
import static org.nmaudit.input.x12.X12Text.professional;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.InputException;

/** 837P loops to claims.csv columns (x12-input.md §2-§3), one trap or rule per test, exact lines and rejects. */
class ProfessionalClaimMappingTest {
    @TempDir
    Path dir;

    private X12Harness one(String... body) throws InputException {
        return X12Harness.read(dir, "p.837", professional("250501", concat(billingAndSubscriber("MB"), body)));
    }

    @Test
    void withoutRefEaAndWithout2000cThePatientIsTheMemberId() throws InputException {
        X12Harness r = one("CLM*C1*100***11:B:1*Y*A*Y*Y", "HI*ABK:M961",
                "LX*1", "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250505");
        assertEquals(List.of("C1,1,1EG4TE5MK73,MEDICARE," + NPI_BILLING + ",2025-05-05,95972,,1,M96.1,11,,,100,"),
                r.rows());
        assertEquals(List.of("p.837: patient_id from 2010BA NM1-09 (member id) on 1 claim; documentation files keyed"
                + " by medical record number do not join to member ids",
                "p.837: rendering_npi_source=2010AA on 1 line (2010AA is the billing provider's NPI, which the TR3"
                        + " intends when the billing provider rendered the service)"), r.warnings());
    }

    @Test
    void line2420aOverridesClaim2310bAndOtherPayersNm182IsNotAProvider() throws InputException {
        X12Harness r = one("CLM*C1*300***22:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "NM1*82*1*ROSS*DANIEL****XX*" + NPI_ROSS,
                // 2320/2330: the other payer's rendering provider carries no NPI and must not count
                "SBR*S*18*******CI", "NM1*IL*1*RIVERA*MARIA****MI*OTHER1", "NM1*82*1", "NM1*85*2*OTHER BILLER",
                "LX*1", "SV1*HC:63650*100*UN*1***1", "DTP*472*D8*20250303",
                "LX*2", "SV1*HC:63650:59*200*UN*1***1", "DTP*472*D8*20250303", "NM1*82*1*SHAH*PRIYA****XX*" + NPI_SHAH);
        assertEquals(List.of(
                "C1,1,MRN1,MEDICARE," + NPI_ROSS + ",2025-03-03,63650,,1,M96.1,22,,,100,",
                "C1,2,MRN1,MEDICARE," + NPI_SHAH + ",2025-03-03,63650,59,1,M96.1,22,,,200,"), r.rows());
        assertEquals("p.837: rendering_npi_source=2420A on 1 line, rendering_npi_source=2310B on 1 line",
                r.warnings().get(1));
    }

    @Test
    void aPriorPayersSvdAndCasAreNotThePaidAmount() throws InputException {
        X12Harness r = one("CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250505",
                "SVD*PAYER2*80*HC:95972**1", "CAS*CO*45*20", "DTP*573*D8*20250601");
        assertEquals(List.of("C1,1,MRN1,MEDICARE," + NPI_BILLING + ",2025-05-05,95972,,1,M96.1,11,,,100,"), r.rows());
    }

    @Test
    void lineNumbersRestartInEveryClaim() throws InputException {
        X12Harness r = one("CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250505",
                "CLM*C2*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*HC:95970*100*UN*1***1", "DTP*472*D8*20250605");
        assertEquals(List.of("C1,1,MRN1,MEDICARE," + NPI_BILLING + ",2025-05-05,95972,,1,M96.1,11,,,100,",
                "C2,1,MRN1,MEDICARE," + NPI_BILLING + ",2025-06-05,95970,,1,M96.1,11,,,100,"), r.rows());
    }

    @Test
    void twoOriginalsWithOneClm01KeepTheFirstLine() throws InputException {
        X12Harness r = one("CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250505",
                "CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*HC:95970*100*UN*1***1", "DTP*472*D8*20250605",
                "LX*2", "SV1*HC:99213*90*UN*1***1", "DTP*472*D8*20250605");
        assertEquals(List.of("C1,1,MRN1,MEDICARE," + NPI_BILLING + ",2025-05-05,95972,,1,M96.1,11,,,100,",
                "C1,2,MRN1,MEDICARE," + NPI_BILLING + ",2025-06-05,99213,,1,M96.1,11,,,90,"), r.rows());
        assertEquals(List.of("p.837|23|line_number|1|2400 LX-01: claim C1 line 1 duplicates the row already loaded"
                + " from segment 17; each (claim_id, line_number) must be unique"), r.rejects());
        assertEquals(List.of("p.837 3 2 1"), r.counts());
    }

    @Test
    void claimFilingIndicatorsMapToPayerTypesAndAnUnknownOneIsRejected() throws InputException {
        String[] claim = {"CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961", "LX*1",
            "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250505"};
        for (String[] codeAndType : new String[][] {{"MA", "MEDICARE"}, {"16", "MEDICARE_ADVANTAGE"},
            {"MC", "MEDICAID"}, {"HM", "COMMERCIAL"}, {"12", "COMMERCIAL"}, {"CH", "OTHER"}, {"", "OTHER"}}) {
            X12Harness r = X12Harness.read(dir, "p.837", professional("250501", concat(billingAndSubscriber(
                    codeAndType[0]), claim)));
            assertEquals(codeAndType[1], r.lines().get(0).getPayerType().name(), "SBR09 " + codeAndType[0]);
        }
        X12Harness r = X12Harness.read(dir, "p.837", professional("250501", concat(billingAndSubscriber("XX"), claim)));
        assertEquals(List.of("p.837|10|payer_type|XX|2000B SBR-09: claim filing indicator XX is not a code of the 837"
                + " (MA, MB, 16, MC, CI, BL, HM, 12-15, FI, 11, 17, AM, CH, DS, LM, OF, TV, VA, WC, ZZ)"), r.rejects());
    }

    @Test
    void aClaimForTheSecondaryPayerKeepsThe2000bPayerAndSaysSo() throws InputException {
        List<String> head = List.of("HL*1**20*1", "NM1*85*2*GROUP*****XX*" + NPI_BILLING, "HL*2*1*22*0",
                "SBR*S*18*******MB", "NM1*IL*1*RIVERA*MARIA****MI*M1");
        X12Harness r = X12Harness.read(dir, "p.837", professional("250501", concat(head,
                "CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961", "LX*1", "SV1*HC:95972*100*UN*1***1",
                "DTP*472*D8*20250505")));
        assertEquals("MEDICARE", r.lines().get(0).getPayerType().name());
        assertEquals("p.837 segment 12: claim C1 is sent to a payer other than the primary (2000B SBR-01 S);"
                + " payer_type is that payer's", r.warnings().get(0));
    }

    @Test
    void onlyHcProcedureCodesAreReadAndALineWithoutSv1IsRejected() throws InputException {
        X12Harness r = one("CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*ER:X1234*100*UN*1***1", "DTP*472*D8*20250505",
                "LX*2", "DTP*472*D8*20250505",
                "LX*3", "SV1*HC:636500:LT1*100*UN*1***1", "DTP*472*D8*20250505");
        assertEquals(List.of(), r.rows());
        assertEquals(List.of(
                "p.837|18|cpt_code|X1234|2400 SV1-01-1: procedure code qualifier ER (jurisdiction-specific procedure"
                        + " code) is not HC; only HCPCS and CPT codes are read",
                "p.837|20|cpt_code||2400 LX-01: line 2 has no SV1 service segment",
                "p.837|23|cpt_code|636500|2400 SV1-01-2: cpt_code 636500 is not a procedure code: 5 digits (CPT), 4"
                        + " digits and T, F or U (CPT category III/II/PLA), or a letter and 4 digits (HCPCS)",
                "p.837|23|modifiers|LT1|2400 SV1-01: modifiers LT1 contains 'LT1', which is not a modifier: each is"
                        + " exactly two letters or digits, separated by ;"), r.rejects());
    }

    @Test
    void unitsAreReadByTheirBasis() throws InputException {
        X12Harness r = one("CLM*C1*920***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*HC:63650*100*UN*2***1", "DTP*472*D8*20250505",
                "LX*2", "SV1*HC:J1100*10*UN*.5***1", "DTP*472*D8*20250505",
                "LX*3", "SV1*HC:01936*610*MJ*45***1", "DTP*472*D8*20250505",
                "LX*4", "SV1*HC:63650*100*UN*0***1", "DTP*472*D8*20250505",
                "LX*5", "SV1*HC:63650*100*F2*3***1", "DTP*472*D8*20250505");
        assertEquals(List.of("2", "0.5", "1"), r.lines().stream().map(l -> l.getUnits().toPlainString()).toList());
        assertEquals(List.of(
                "p.837|27|units|0|2400 SV1-04: units 0 must be greater than 0",
                "p.837|30|units|F2|2400 SV1-03: unit basis F2 is not UN (units) or MJ (minutes)"), r.rejects());
        assertEquals("p.837 segment 24: 2400 SV1-04: 45 minutes (MJ) not loaded as units (claim C1 line 3); units"
                + " default to 1", r.warnings().get(0));
    }

    @Test
    void datesAreD8OrTheFromDateOfAnRd8Range() throws InputException {
        X12Harness r = one("CLM*C1*700***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*HC:95972*100*UN*1***1", "DTP*472*RD8*20250505-20250505",
                "LX*2", "SV1*HC:95972*100*UN*1***1", "DTP*472*RD8*20250505-20250509",
                "LX*3", "SV1*HC:95972*100*UN*1***1", "DTP*472*RD8*20250506",
                "LX*4", "SV1*HC:95972*100*UN*1***1", "DTP*472*RD8*20250509-20250505",
                "LX*5", "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250230",
                "LX*6", "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*2025-05-05",
                "LX*7", "SV1*HC:95972*100*UN*1***1");
        assertEquals(List.of("2025-05-05", "2025-05-05", "2025-05-06"),
                r.lines().stream().map(l -> l.getServiceDate().toString()).toList());
        assertEquals(List.of(
                "p.837|28|service_date|20250509-20250505|2400 DTP-03: the range 20250509-20250505 ends before it"
                        + " starts",
                "p.837|31|service_date|20250230|2400 DTP-03: 20250230 is not a real calendar date",
                "p.837|34|service_date|2025-05-05|2400 DTP-03: 2025-05-05 is not a date written CCYYMMDD (e.g."
                        + " 20250314)",
                "p.837|35|service_date||2400 DTP*472: service_date is required and is blank"), r.rejects());
        assertEquals(List.of(
                "p.837 segment 22: claim C1 line 2: RD8 range 20250505-20250509: the line is read on its from date"
                        + " 2025-05-05 (as the CMS-1500 From date; units and charge are not split)",
                "p.837 segment 25: claim C1 line 3: RD8 range 20250506 has one date; read as that date"),
                r.warnings().subList(0, 2));
    }

    @Test
    void diagnosisPointersPickFromTheClaimListInPointerOrder() throws InputException {
        X12Harness r = one("CLM*C1*400***11:B:1*Y*A*Y*Y", "REF*EA*MRN1",
                "HI*ABK:M961*ABF:G8929*ABF:G905*BP:0123", "HI*BG:09",
                "LX*1", "SV1*HC:95972*100*UN*1***3:1", "DTP*472*D8*20250505",
                "LX*2", "SV1*HC:95972*100*UN*1", "DTP*472*D8*20250505",
                "LX*3", "SV1*HC:95972*100*UN*1***1:A", "DTP*472*D8*20250505",
                "LX*4", "SV1*HC:95972*100*UN*1***4", "DTP*472*D8*20250505");
        assertEquals(List.of("G90.5;M96.1", "M96.1;G89.29;G90.5"),
                r.lines().stream().map(l -> String.join(";", l.getDiagnosisCodes())).toList());
        assertEquals(List.of(
                "p.837|25|diagnosis_codes|A|2400 SV1-07: diagnosis pointer A is not a number from 1 to 12",
                "p.837|28|diagnosis_codes|4|2400 SV1-07: diagnosis pointer 4 but the claim has 3 diagnosis codes"),
                r.rejects());
        assertEquals("p.837 segment 22: 2400 SV1-07: claim C1 line 2 has no diagnosis pointer; all 3 diagnosis codes"
                + " of the claim are loaded", r.warnings().get(0));
    }

    @Test
    void anIcd9QualifierRejectsTheLinesThatPointToIt() throws InputException {
        X12Harness r = one("CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*BK:7242*BF:3382",
                "LX*1", "SV1*HC:99213*100*UN*1***2:1", "DTP*472*D8*20250505");
        assertEquals(List.of("p.837|16|diagnosis_codes|BF:3382|2300 HI-02: ICD-9 qualifier BF; ICD-10 ABK/ABF"
                + " expected"), r.rejects());
    }

    @Test
    void placeOfServiceAndPriorAuthorizationOfTheLineWinOverTheClaim() throws InputException {
        X12Harness r = one("CLM*C1*200***22:B:1*Y*A*Y*Y", "REF*G1*PA1", "REF*9F*REFERRAL7", "REF*EA*MRN1",
                "HI*ABK:M961",
                "LX*1", "SV1*HC:63650*100*UN*1*24**1", "DTP*472*D8*20250505", "REF*G1*PA2", "REF*G1*PA3",
                "LX*2", "SV1*HC:63650*100*UN*1***1", "DTP*472*D8*20250505");
        assertEquals(List.of("C1,1,MRN1,MEDICARE," + NPI_BILLING + ",2025-05-05,63650,,1,M96.1,24,,PA2,100,",
                "C1,2,MRN1,MEDICARE," + NPI_BILLING + ",2025-05-05,63650,,1,M96.1,22,,PA1,100,"), r.rows());
        assertEquals(List.of(
                "p.837 segment 16: claim C1 carries referral number REFERRAL7 (2300 REF*9F); a referral is not a prior"
                        + " authorization and is not loaded as prior_auth_number",
                "p.837 segment 22: claim C1 line 1 has 2 REF*G1 prior authorizations; the first, PA2, is loaded"),
                r.warnings().subList(0, 2));
    }

    @Test
    void aWrongNpiCheckDigitOnTheLineRejectsThatLine() throws InputException {
        X12Harness r = one("CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250505", "NM1*82*1*ROSS*DANIEL****XX*1629183745");
        assertEquals(List.of("p.837|20|rendering_npi|1629183745|2420A NM1-09: rendering_npi 1629183745 fails the NPI"
                + " check digit"), r.rejects());
    }

    @Test
    void aMalformedSegmentRejectsTheLinesOfItsClaimAndTheRestOfTheFileIsRead() throws InputException {
        X12Harness r = one("CLM*C1*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI:ABK:M961",
                "LX*1", "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250505",
                "CLM*C2*100***11:B:1*Y*A*Y*Y", "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*HC:95972*100*UN*1***1", "DTP*472*D8*20250605");
        assertEquals(List.of("C2,1,MRN1,MEDICARE," + NPI_BILLING + ",2025-06-05,95972,,1,M96.1,11,,,100,"), r.rows());
        assertEquals(List.of("p.837|16||HI:ABK:M961|2300 segment 16: 'HI:ABK:M961' could not be read (a segment"
                + " starts with a tag of 2-3 letters or digits), so the lines of claim C1 are not loaded"), r.rejects());
        assertEquals("p.837 segment 16 (line 16): 'HI:ABK:M961' is not a well-formed segment (a segment starts with a"
                + " tag of 2-3 letters or digits) and was skipped", r.warnings().get(0));
    }
}
