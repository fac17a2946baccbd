package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.input.x12.X12Text.NPI_HOSPITAL;
import static org.nmaudit.input.x12.X12Text.billingAndSubscriber;
import static org.nmaudit.input.x12.X12Text.concat;
import static org.nmaudit.input.x12.X12Text.institutional;
import static org.nmaudit.input.x12.X12Text.professional;
import static org.nmaudit.input.x12.X12Text.remittance;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.InputException;

/** 835 service payments back to 837 lines (x12-input.md §4): paid_amount is the sum of the matched SVC03. */
class RemittanceMatchingTest {
    @TempDir
    Path dir;

    /** Claim C1: 63650 (6R L1), 63650-59 (6R L2), 99213 twice without 6R, all on 2025-03-03. */
    private static String claims() {
        return professional("250501", concat(billingAndSubscriber("MB"), "CLM*C1*1300***22:B:1*Y*A*Y*Y",
                "REF*EA*MRN1", "HI*ABK:M961",
                "LX*1", "SV1*HC:63650*500*UN*1***1", "DTP*472*D8*20250303", "REF*6R*L1",
                "LX*2", "SV1*HC:63650:59*500*UN*1***1", "DTP*472*D8*20250303", "REF*6R*L2",
                "LX*3", "SV1*HC:99213*150*UN*1***1", "DTP*472*D8*20250303",
                "LX*4", "SV1*HC:99213*150*UN*1***1", "DTP*472*D8*20250303"));
    }

    private X12Harness paid(String... remittanceBody) throws InputException {
        return X12Harness.read(dir, "c.837", claims(), "r.835", remittance("250620", remittanceBody));
    }

    private static List<String> paidAmounts(X12Harness r) {
        return r.lines().stream().map(l -> l.getPaidAmount() == null ? "" : l.getPaidAmount().toPlainString()).toList();
    }

    @Test
    void lineItemControlNumbersMatchExactlyAndIdenticalLinesAreTakenInTurn() throws InputException {
        X12Harness r = paid("LX*1", "CLP*C1*1*1300*800*0*MB*PCN1", "NM1*QC*1*RIVERA*MARIA****MI*1EG4TE5MK73",
                "SVC*HC:63650:59*500*300**1", "DTM*472*20250303", "REF*6R*L2",
                "SVC*HC:63650*500*400**1", "DTM*472*20250303", "REF*6R*L1",
                "SVC*HC:99213*150*50**1", "DTM*472*20250303",
                "SVC*HC:99213*150*50.50**1", "DTM*472*20250303");
        assertEquals(List.of("400", "300", "50", "50.50"), paidAmounts(r));
        assertEquals(List.of(4L, 0L), List.of(r.files().get(1).x12().linesMatched(), r.files().get(1).x12().linesUnmatched()));
    }

    @Test
    void aReversalAndItsCorrectionAddUpToTheNetPaymentAndADenialIsZero() throws InputException {
        X12Harness r = paid("LX*1",
                "CLP*C1*1*500*400*0*MB*PCN1", "SVC*HC:63650*500*400**1", "DTM*472*20250303",
                "CLP*C1*22*-500*-400*0*MB*PCN1", "SVC*HC:63650*-500*-400**1", "DTM*472*20250303",
                "CLP*C1*1*500*420*0*MB*PCN2", "SVC*HC:63650*500*420**1", "DTM*472*20250303",
                "CLP*C1*4*500*0*0*MB*PCN3", "SVC*HC:63650:59*500*0**1", "DTM*472*20250303");
        assertEquals(List.of("420", "0", "", ""), paidAmounts(r));
    }

    @Test
    void theCodeAsSubmittedMatchesWhenThePayerChangedIt() throws InputException {
        X12Harness r = paid("LX*1", "CLP*C1*1*150*60*0*MB*PCN1",
                "SVC*HC:99212*150*60**1*HC:99213", "DTM*472*20250303");
        assertEquals(List.of("", "", "60", ""), paidAmounts(r));
    }

    @Test
    void twoEquallyGoodLinesAreAmbiguousAndNeitherIsPaid() throws InputException {
        X12Harness r = paid("LX*1", "CLP*C1*1*130*60*0*MB*PCN1", "SVC*HC:99213*130*60**1", "DTM*472*20250303");
        assertEquals(List.of("", "", "", ""), paidAmounts(r));
        assertEquals(List.of("r.835 segment 10: service payment HC:99213 of claim C1 (paid 60) matches no 837 line:"
                + " ambiguous: 2 lines of the claim fit equally well, so neither is given this payment"), r.warnings()
                .subList(0, 1));
        assertEquals(List.of(0L, 1L), List.of(r.files().get(1).x12().linesMatched(), r.files().get(1).x12().linesUnmatched()));
    }

    @Test
    void paymentsOfUnknownClaimsOrLinesAndOfTheClaimOnlyAreReportedNotLoaded() throws InputException {
        X12Harness r = paid("LX*1",
                "CLP*C9*1*100*80*0*MB*PCN1", "SVC*HC:99213*100*80**1", "DTM*472*20250303",
                "CLP*C1*1*100*80*0*MB*PCN2", "SVC*HC:99215*100*80**1", "DTM*472*20250303",
                "CLP*C1*1*1300*900*0*MB*PCN3", "DTM*232*20250303");
        assertEquals(List.of("", "", "", ""), paidAmounts(r));
        assertEquals(List.of(
                "r.835 segment 10: service payment HC:99213 of claim C9 (paid 80) matches no 837 line: no 837 claim C9"
                        + " was read",
                "r.835 segment 13: service payment HC:99215 of claim C1 (paid 80) matches no 837 line: claim C1 has no"
                        + " line with 99215 on 2025-03-03",
                "r.835 segment 15: claim C1 is paid 900 at claim level only (CLP04, no service lines); it cannot be"
                        + " split across lines, so their paid_amount stays blank"), r.warnings().subList(0, 3));
        assertEquals(List.of("c.837 4 4 0", "r.835 2 2 0"), r.counts());
    }

    @Test
    void aServicePaymentThatCannotBeReadIsRejectedInThe835() throws InputException {
        X12Harness r = paid("LX*1", "CLP*C1*1*500*400*0*MB*PCN1", "SVC*HC:63650*500*4O0**1", "DTM*472*20250303",
                "REF*6R*L1", "CLP**1*500*400*0*MB*PCN2", "SVC*HC:63650*500*400**1");
        assertEquals(List.of("", "", "", ""), paidAmounts(r));
        assertEquals(List.of("r.835|10|paid_amount|4O0|2110 SVC-03: paid amount '4O0' is not a number",
                "r.835|14|claim_id||2100 CLP-01: the claim payment has no claim id (CLP01), so its service payments"
                        + " cannot be matched to an 837 line"), r.rejects());
        assertEquals(List.of("c.837 4 4 0", "r.835 2 0 2"), r.counts());
    }

    @Test
    void severalClaimsWithOneClm01AreToldApartByMemberIdAndAFacilityLineByItsRevenueCode() throws InputException {
        List<String> hospital = List.of("HL*1**20*1", "NM1*85*2*HOSPITAL*****XX*" + NPI_HOSPITAL);
        String facility = institutional("250502", concat(hospital,
                "HL*2*1*22*0", "SBR*P*18*******MA", "NM1*IL*1*A*A****MI*MEMBER-A",
                "CLM*H1*100***13:A:1*Y*A*Y*Y", "DTP*434*D8*20250303", "REF*EA*MRN-A", "HI*ABK:M961",
                "LX*1", "SV2*0360*HC:63650*100*UN*1", "DTP*472*D8*20250303",
                "HL*3*1*22*0", "SBR*P*18*******MA", "NM1*IL*1*B*B****MI*MEMBER-B",
                "CLM*H1*100***13:A:1*Y*A*Y*Y", "DTP*434*D8*20250303", "REF*EA*MRN-B", "HI*ABK:M961",
                "LX*2", "SV2*0360*HC:63650*100*UN*1", "DTP*472*D8*20250303"));
        X12Harness r = X12Harness.read(dir, "h.837", facility, "r.835", remittance("250620", "LX*1",
                "CLP*H1*1*100*70**MA*PCN1*13*1", "NM1*QC*1*B*B****MI*MEMBER-B",
                "SVC*NU:0360*100*70**1", "DTM*472*20250303"));
        assertEquals(List.of("MRN-A ", "MRN-B 70"), r.lines().stream().map(l -> l.getPatientId() + " "
                + (l.getPaidAmount() == null ? "" : l.getPaidAmount().toPlainString())).toList());
    }
}
