package org.nmaudit.input.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmaudit.input.x12.ClaimRowText.rejects;
import static org.nmaudit.input.x12.ClaimRowText.rows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.FileSummary;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;

/**
 * data/x12 (see its README.md) read as a data folder: three 837 files and two 835 files of one practice
 * and its hospital, with every case of x12-input.md the README lists. Exact lines, rejects, counts and
 * warnings.
 */
class SampleX12DataSetTest {
    private static DataSet data;

    @BeforeAll
    static void read() throws InputException {
        data = new DataSetReader(ReadProgress.SILENT).read(Path.of("data/x12"));
    }

    @Test
    void everyLineIsLoadedWithWhatItsLoopsSayAndThe835sPaid() {
        assertEquals(List.of(
                // trial: REF*6R-matched payment, then a reversal and a corrected payment without REF*6R: net 650.00
                "P1001,1,MRN1001,MEDICARE,1629183744,2025-03-03,63650,,1,M96.1;G89.29,22,,,925.00,650.00",
                "P1001,2,MRN1001,MEDICARE,1629183744,2025-03-03,63650,59,1,M96.1;G89.29,22,,,925.00,408.20",
                "P1002,1,MRN1001,MEDICARE,1629183744,2025-04-14,63685,,1,M96.1;G89.29,22,,,2100.00,845.10",
                // P1003's first version is replaced in the June batch; P2003 is voided there
                "P3002,1,MRN1003,MEDICARE,1629183744,2025-04-21,99214,,1,M54.16;G89.29,22,,,180.00,",
                // a dependent: no id of her own, no medical record number; paid without REF*6R
                "P2001,1,XYZ123456789:DOE:ANNA:19800212,COMMERCIAL,1873645208,2025-05-12,63650,,1,G90.5;G89.29,24,,"
                        + "PA77310042,1400.00,700.00",
                // 61 minutes (MJ) are not units
                "P2002,1,XYZ123456789:DOE:ANNA:19800212,COMMERCIAL,1302957463,2025-05-12,01936,,1,G90.5,24,,,610.00,",
                // the facility claims: billing NPI, bill type 13 + 1, the UTN of 2300 REF*G1, no place of service
                "H1001,1,MRN1001,MEDICARE,1718452968,2025-03-03,63650,,1,M96.1;G89.29,,131,JHA00012345678,3200.00,"
                        + "2875.00",
                "H1001,2,MRN1001,MEDICARE,1718452968,2025-03-03,C1897,,2,M96.1;G89.29,,131,JHA00012345678,1150.00,0.00",
                // paid at claim level only: no line paid_amount
                "H1002,1,MRN1001,MEDICARE,1718452968,2025-04-14,63685,,1,M96.1;G89.29,,131,JHA00012345999,9800.00,",
                "H1002,2,MRN1001,MEDICARE,1718452968,2025-04-14,C1820,,1,M96.1;G89.29,,131,JHA00012345999,28500.00,",
                "H1002,3,MRN1001,MEDICARE,1718452968,2025-04-14,C1778,,2,M96.1;G89.29,,131,JHA00012345999,7400.00,",
                "P1003,1,MRN1001,MEDICARE,1629183744,2025-05-05,95972,,1,Z45.42;M96.1,11,,,190.00,96.50",
                // RD8 2025-06-02..04: the from date
                "P1004,1,MRN1001,MEDICARE,1629183744,2025-06-02,95971,,1,Z45.42;M96.1,11,,,380.00,"),
                rows(data.claimLines()));
        assertEquals(List.of(26L, 30L, 38L, 69L, 102L, 108L, 28L, 32L, 43L, 47L, 51L, 26L, 34L),
                data.claimLines().stream().map(l -> l.getSourceLine()).toList(), "the LX segment of each line");
    }

    @Test
    void rejectsNameFileSegmentColumnValueAndLoopElement() {
        assertEquals(List.of(
                "professional-2025-05-01.837|59|diagnosis_codes|BK:7242|2300 HI-01: ICD-9 qualifier BK; ICD-10 ABK/ABF"
                        + " expected",
                "professional-2025-05-01.837|74|diagnosis_codes|5|2400 SV1-07: diagnosis pointer 5 but the claim has 3"
                        + " diagnosis codes",
                "professional-2025-05-01.837|80|rendering_npi|1629183745|2310B NM1-09: rendering_npi 1629183745 fails"
                        + " the NPI check digit",
                "facility-2025-05-02.837|56|cpt_code|0250|2400 SV2-02: 837I line 4: revenue code 0250 without HCPCS"
                        + " (SV202)"),
                rejects(data.rejects()));
    }

    @Test
    void eachFileIsCountedInReadingOrderWithReplacedVoidedMatchedAndUnmatched() {
        List<FileSummary> x12 = data.files().subList(5, data.files().size());
        assertEquals(List.of(
                "professional-2025-05-01.837 11 8 3 837P replaced 1 voided 1 matched 0 unmatched 0",
                "facility-2025-05-02.837 6 5 1 837I replaced 0 voided 0 matched 0 unmatched 0",
                "professional-2025-06-10.837 3 3 0 837P replaced 0 voided 1 matched 0 unmatched 0",
                "remittance-2025-06-20.835 7 7 0 835 replaced 0 voided 0 matched 6 unmatched 1",
                "remittance-2025-07-01.835 3 3 0 835 replaced 0 voided 0 matched 3 unmatched 0"),
                x12.stream().map(f -> f.fileName() + " " + f.rowsRead() + " " + f.rowsLoaded() + " " + f.rowsRejected()
                        + " " + f.x12().transactions() + " replaced " + f.x12().replaced() + " voided " + f.x12().voided()
                        + " matched " + f.x12().linesMatched() + " unmatched " + f.x12().linesUnmatched()).toList());
        assertEquals("64773851cd5f44c100c0556a5654b04fe98293f3379bc5f6acb7c1a885348ed0", x12.get(0).sha256());
        assertEquals("claims.csv false", data.files().get(0).fileName() + " " + data.files().get(0).present());
    }

    @Test
    void warningsSayWhatWasReadDifferentlyFromTheCsv() {
        assertEquals(List.of(
                "remittance-2025-06-20.835 segment 42: claim H1002 is paid 1358.05 at claim level only (CLP04, no"
                        + " service lines); it cannot be split across lines, so their paid_amount stays blank",
                "remittance-2025-06-20.835 segment 54: service payment HC:99213 of claim P9999 (paid 38.50) matches no"
                        + " 837 line: no 837 claim P9999 was read",
                "professional-2025-05-01.837 segment 109: 2400 SV1-04: 61 minutes (MJ) not loaded as units (claim"
                        + " P2002 line 1); units default to 1",
                "professional-2025-05-01.837: patient_id from 2300 REF*EA (medical record number) on 6 claims, from"
                        + " the dependent key <member id>:<last name>:<first name>:<birth date> on 3 claims;"
                        + " documentation files keyed by medical record number do not join to member ids",
                "professional-2025-05-01.837: rendering_npi_source=2310B on 11 lines",
                "facility-2025-05-02.837: patient_id from 2300 REF*EA (medical record number) on 2 claims",
                "professional-2025-06-10.837 segment 36: claim P1004 line 1: RD8 range 20250602-20250604: the line is"
                        + " read on its from date 2025-06-02 (as the CMS-1500 From date; units and charge are not"
                        + " split)",
                "professional-2025-06-10.837: patient_id from 2300 REF*EA (medical record number) on 2 claims, from"
                        + " the dependent key <member id>:<last name>:<first name>:<birth date> on 1 claim;"
                        + " documentation files keyed by medical record number do not join to member ids",
                "professional-2025-06-10.837: rendering_npi_source=2310B on 3 lines"),
                data.warnings());
    }
}
