package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.DataFolder.CLAIMS_HEADER;
import static org.nmaudit.input.DataFolder.CLAIM_COLUMNS;
import static org.nmaudit.input.DataFolder.assertCounts;
import static org.nmaudit.input.DataFolder.assertReason;
import static org.nmaudit.input.DataFolder.claim;
import static org.nmaudit.input.DataFolder.key;
import static org.nmaudit.input.DataFolder.keys;
import static org.nmaudit.input.DataFolder.summary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmaudit.facts.ClaimLine;

/** The file-level rules of data-format.md: header, lines, quoting, encodings, empty and absent files. */
class CsvStructureTest {
    private static final String CLAIMS = "claims.csv";
    private static final String OUTCOMES = "trial-outcomes.csv";
    private static final String JUSTIFICATIONS = "repeat-trial-justifications.csv";
    private static final String SESSIONS = "programming-sessions.csv";
    private static final String EVALUATIONS = "psych-evaluations.csv";
    private static final String BOM = "\uFEFF";

    @TempDir
    Path dir;

    // ---- row shape ----------------------------------------------------------------------------------

    @Test
    void rowWithMoreOrFewerFieldsThanTheHeaderIsRejected() throws InputException {
        DataSet data = DataFolder.in(dir).claims(
                claim("C1", "1").toString(),
                claim("C1", "2").toString() + ",extra",
                claim("C1", "3").toString().substring(0, claim("C1", "3").toString().lastIndexOf(',')),
                claim("C1", "4").toString()).read();
        assertEquals(List.of(3L, 4L), data.rejects().stream().map(Reject::line).toList());
        data.rejects().forEach(r -> assertEquals(CLAIMS, r.file()));
        assertReason(data.rejects().get(0), "field");
        assertReason(data.rejects().get(1), "field");
        assertCounts(data, CLAIMS, 4, 2, 2);
        assertEquals(List.of(2L, 5L), sourceLines(data.claimLines()));
    }

    @Test
    void fullyEmptyLinesAreSkippedNotCountedAndLaterLinesStayPhysical() throws InputException {
        DataSet data = DataFolder.in(dir).file(CLAIMS,
                "",                                        // 1 (before the header)
                CLAIMS_HEADER,                             // 2
                "",                                        // 3
                claim("C1", "1").toString(),               // 4
                "",                                        // 5
                "",                                        // 6
                claim("C1", "2").set("units", "0").toString(), // 7
                claim("C1", "3").toString(),               // 8
                "").read();                                // 9
        assertEquals(List.of(key(CLAIMS, 7, "units", "0")), keys(data.rejects()));
        assertEquals(List.of(4L, 8L), sourceLines(data.claimLines()));
        assertCounts(data, CLAIMS, 3, 2, 1);
    }

    @Test
    void quotedFieldSpanningLinesIsReportedWhereItStarts() throws InputException {
        DataSet data = DataFolder.in(dir).claims(
                claim("C1", "1").set("prior_auth_number", "UTN 1\nsecond line").set("rendering_npi", "1234567890")
                        .toString(),                                                    // lines 2-3
                claim("C1", "2").set("units", "0").toString(),                          // line 4
                claim("C1", "3").set("prior_auth_number", "a\nb\nc").toString(),        // lines 5-7, loads
                claim("C1", "4").set("cpt_code", "9597").toString(),                    // line 8
                claim("C1", "5").toString()).read();                                    // line 9
        assertEquals(List.of(key(CLAIMS, 2, "rendering_npi", "1234567890"), key(CLAIMS, 4, "units", "0"),
                key(CLAIMS, 8, "cpt_code", "9597")), keys(data.rejects()));
        assertEquals(List.of(5L, 9L), sourceLines(data.claimLines()));
        assertEquals("a\nb\nc", data.claimLines().get(0).getPriorAuthNumber());
        assertCounts(data, CLAIMS, 5, 2, 3);
    }

    @Test
    void quotedFieldsKeepCommasAndDoubledQuotes() throws InputException {
        DataSet data = DataFolder.in(dir).claims(claim().toString()).file(OUTCOMES,
                "patient_id,documented_date,note",
                "P1,2025-03-20,\"said \"\"70% better\"\", walks 2 miles\"").read();
        assertEquals(List.of(), data.rejects());
        assertEquals("said \"70% better\", walks 2 miles", data.trialOutcomes().get(0).getNote());
    }

    @Test
    void crlfLineEndings() throws InputException {
        String text = String.join("\r\n",
                CLAIMS_HEADER,                                                               // 1
                claim("C1", "1").set("paid_amount", "407.00").toString(),                    // 2
                "",                                                                          // 3
                claim("C1", "2").set("prior_auth_number", "x\r\ny").toString(),              // 4-5
                claim("C1", "3").set("service_date", "2025-02-30").toString(),               // 6
                claim("C1", "4").set("paid_amount", "12,34").toString()) + "\r\n";           // 7
        DataSet data = DataFolder.in(dir).text(CLAIMS, text).read();
        assertEquals(List.of(key(CLAIMS, 6, "service_date", "2025-02-30"), key(CLAIMS, 7, "paid_amount", "12,34")),
                keys(data.rejects()));
        assertEquals(List.of(2L, 4L), sourceLines(data.claimLines()));
        ClaimsFileTest.assertAmount("407.00", data.claimLines().get(0).getPaidAmount());
        assertCounts(data, CLAIMS, 4, 2, 2);
    }

    @Test
    void utf8ByteOrderMarkIsTolerated() throws InputException {
        DataSet data = DataFolder.in(dir).text(CLAIMS, BOM + CLAIMS_HEADER + "\n" + claim("C1", "1") + "\n"
                + claim("C1", "2").set("units", "-1") + "\n").read();
        assertEquals(List.of(key(CLAIMS, 3, "units", "-1")), keys(data.rejects()));
        assertEquals("C1", data.claimLines().get(0).getClaimId());
        assertEquals(List.of(), data.warnings());
    }

    @Test
    void nonAsciiTextLoads() throws InputException {
        DataSet data = DataFolder.in(dir).claims(claim().toString()).file(SESSIONS,
                "patient_id,session_date,performed_by,performer_name",
                "P1,2025-03-20,QHP,Zoë Müller-Łukasiewicz").read();
        assertEquals("Zoë Müller-Łukasiewicz", data.programmingSessions().get(0).getPerformerName());
    }

    // ---- header ---------------------------------------------------------------------------------------

    @Test
    void headerNamesMatchInAnyCaseAndWithSpaces() throws InputException {
        List<String> header = new ArrayList<>();
        for (int i = 0; i < CLAIM_COLUMNS.size(); i++) {
            String c = CLAIM_COLUMNS.get(i);
            header.add(i % 2 == 0 ? " " + capitalised(c) + " " : c.toUpperCase(Locale.ROOT));
        }
        header.set(0, " Claim_ID ");
        DataSet data = DataFolder.in(dir).file(CLAIMS, String.join(",", header),
                claim("C1", "1").set("cpt_code", "l8680").toString()).read();
        assertEquals(List.of(), data.rejects());
        assertEquals(List.of(), data.warnings());
        assertEquals("L8680", data.claimLines().get(0).getCptCode());
        assertEquals("C1", data.claimLines().get(0).getClaimId());
    }

    @Test
    void columnOrderIsFree() throws InputException {
        DataSet data = DataFolder.in(dir).file(CLAIMS,
                "cpt_code,service_date,rendering_npi,payer_type,patient_id,line_number,claim_id,units",
                "63650,2025-03-14,1234567893,MEDICAID,P7,2,C9,3",
                "95970,2025-03-15,1234567893,MEDICAID,P7,3,C9,0").read();
        assertEquals(List.of(key(CLAIMS, 3, "units", "0")), keys(data.rejects()));
        ClaimLine c = data.claimLines().get(0);
        assertEquals(List.of("C9", "2", "P7", "63650", "2025-03-14", "3"), List.of(c.getClaimId(),
                String.valueOf(c.getLineNumber()), c.getPatientId(), c.getCptCode(), c.getServiceDate().toString(),
                c.getUnits().toPlainString()));
    }

    @Test
    void unknownColumnsGiveOneWarningEachAndRowsStillLoad() throws InputException {
        DataSet data = DataFolder.in(dir).file(CLAIMS, CLAIMS_HEADER + ",comment,Color",
                claim("C1", "1") + ",first,red",
                claim("C1", "2") + ",second,blue",
                claim("C1", "3") + ",third,").read();
        assertEquals(List.of(), data.rejects());
        assertCounts(data, CLAIMS, 3, 3, 0);
        assertEquals(2, data.warnings().size(), data.warnings().toString());
        assertTrue(data.warnings().get(0).contains(CLAIMS) && data.warnings().get(0).contains("comment"),
                data.warnings().get(0));
        assertTrue(data.warnings().get(1).contains(CLAIMS) && data.warnings().get(1).contains("Color"),
                data.warnings().get(1));
    }

    @Test
    void headerNameGivenTwiceFirstWinsWithAWarning() throws InputException {
        DataSet data = DataFolder.in(dir).file(CLAIMS, CLAIMS_HEADER + ",CPT_Code",
                claim("C1", "1").set("cpt_code", "63650") + ",not-a-code",
                claim("C1", "2").set("cpt_code", "ABCDE") + ",63685").read();
        assertEquals(List.of(key(CLAIMS, 3, "cpt_code", "ABCDE")), keys(data.rejects()));
        assertEquals("63650", data.claimLines().get(0).getCptCode());
        assertEquals(1, data.warnings().size(), data.warnings().toString());
        assertTrue(data.warnings().get(0).toLowerCase(Locale.ROOT).contains("cpt_code"), data.warnings().get(0));
        assertTrue(data.warnings().get(0).contains(CLAIMS), data.warnings().get(0));
    }

    // ---- absent, header-only and empty files ---------------------------------------------------------

    @Test
    void absentDocumentationFilesContributeNothing() throws InputException {
        DataSet data = DataFolder.in(dir).claims(claim().toString()).read();
        assertEquals(List.of(CLAIMS, OUTCOMES, JUSTIFICATIONS, SESSIONS, EVALUATIONS),
                data.files().stream().map(FileSummary::fileName).toList());
        assertTrue(summary(data, CLAIMS).present());
        for (String absent : List.of(OUTCOMES, JUSTIFICATIONS, SESSIONS, EVALUATIONS)) {
            assertFalse(summary(data, absent).present(), absent);
            assertCounts(data, absent, 0, 0, 0);
        }
        assertEquals(1, data.claimLines().size());
        assertEquals(List.of(), data.trialOutcomes());
        assertEquals(List.of(), data.repeatTrialJustifications());
        assertEquals(List.of(), data.programmingSessions());
        assertEquals(List.of(), data.psychEvaluations());
        assertEquals(List.of(), data.rejects());
        assertEquals(List.of(), data.warnings());
    }

    @Test
    void claimsCsvIsRequired() {
        DataFolder.in(dir).file(OUTCOMES, "patient_id,documented_date");
        InputException e = assertThrows(InputException.class, () -> DataFolder.in(dir).read());
        assertTrue(e.getMessage().contains(CLAIMS), e.getMessage());
    }

    @Test
    void headerOnlyFilesHaveNoRowsAndAreFine() throws InputException {
        DataSet data = DataFolder.in(dir).text(CLAIMS, CLAIMS_HEADER)   // no line break after the header
                .file(OUTCOMES, "patient_id,documented_date")
                .file(JUSTIFICATIONS, "patient_id,documented_date,reason", "", "")
                .text(SESSIONS, BOM + "patient_id,session_date,performed_by\r\n")
                .file(EVALUATIONS, "patient_id,evaluation_date,evaluator_credential").read();
        for (FileSummary f : data.files()) {
            assertTrue(f.present(), f.fileName());
            assertCounts(data, f.fileName(), 0, 0, 0);
        }
        assertEquals(List.of(), data.claimLines());
        assertEquals(List.of(), data.rejects());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", BOM, "   ", "\n", "\n\n\n", " \r\n\t\r\n", BOM + "\n  \n"})
    void emptyClaimsFileStopsTheRun(String content) {
        DataFolder.in(dir).text(CLAIMS, content);
        InputException e = assertThrows(InputException.class, () -> DataFolder.in(dir).read());
        assertTrue(e.getMessage().contains(CLAIMS), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", BOM, "  \n \n"})
    void emptyDocumentationFileStopsTheRun(String content) {
        DataFolder.in(dir).claims(claim().toString()).text(SESSIONS, content);
        InputException e = assertThrows(InputException.class, () -> DataFolder.in(dir).read());
        assertTrue(e.getMessage().contains(SESSIONS), e.getMessage());
    }

    // ---- missing required columns ---------------------------------------------------------------------

    @Test
    void missingRequiredClaimsColumnsAreAllNamed() {
        DataFolder.in(dir).file(CLAIMS, "claim_id,line_number,payer_type,rendering_npi,service_date,units",
                "C1,1,MEDICARE,1234567893,2025-03-14,1");
        InputException e = assertThrows(InputException.class, () -> DataFolder.in(dir).read());
        assertTrue(e.getMessage().contains(CLAIMS), e.getMessage());
        assertTrue(e.getMessage().contains("patient_id"), e.getMessage());
        assertTrue(e.getMessage().contains("cpt_code"), e.getMessage());
    }

    @Test
    void missingRequiredDocumentationColumnsAreAllNamed() {
        DataFolder.in(dir).claims(claim().toString()).file(JUSTIFICATIONS, "patient,date,comment",
                "P1,2025-04-01,lead migration");
        InputException e = assertThrows(InputException.class, () -> DataFolder.in(dir).read());
        for (String part : List.of(JUSTIFICATIONS, "patient_id", "documented_date", "reason")) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
        }
    }

    @Test
    void missingPerformedByColumn() {
        DataFolder.in(dir).claims(claim().toString()).file(SESSIONS, "patient_id,session_date,performer_name",
                "P1,2025-03-20,J. Smith");
        InputException e = assertThrows(InputException.class, () -> DataFolder.in(dir).read());
        assertTrue(e.getMessage().contains(SESSIONS) && e.getMessage().contains("performed_by"), e.getMessage());
    }

    @Test
    void optionalColumnsMayBeLeftOut() throws InputException {
        DataSet data = DataFolder.in(dir).file(CLAIMS,
                "claim_id,line_number,patient_id,payer_type,rendering_npi,service_date,cpt_code",
                "C1,1,P1,MEDICARE,1234567893,2025-03-14,95970").read();
        assertEquals(List.of(), data.rejects());
        ClaimLine c = data.claimLines().get(0);
        assertEquals(List.of(), c.getModifiers());
        ClaimsFileTest.assertAmount("1", c.getUnits());
        assertEquals(null, c.getBilledAmount());
        assertEquals(true, c.isProfessional());
    }

    // ---- unreadable files ----------------------------------------------------------------------------

    @Test
    void unterminatedQuoteStopsTheRunNamingTheFile() {
        DataFolder.in(dir).claims(claim().toString(), claim("C1", "2").set("prior_auth_number", "x").toString()
                .replace(",x,", ",\"x,"));
        InputException e = assertThrows(InputException.class, () -> DataFolder.in(dir).read());
        assertTrue(e.getMessage().contains(CLAIMS), e.getMessage());
    }

    @Test
    void invalidUtf8StopsTheRunNamingTheFile() {
        byte[] head = (CLAIMS_HEADER + "\n" + claim() + "\nC2,1,P").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ",MEDICARE,1234567893,2025-03-14,95970,,,,11,,,100.00,\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xC3;   // a lead byte ...
        all[head.length + 1] = (byte) 0x28; // ... not followed by a continuation byte
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        DataFolder.in(dir).bytes(CLAIMS, all);
        InputException e = assertThrows(InputException.class, () -> DataFolder.in(dir).read());
        assertTrue(e.getMessage().contains(CLAIMS), e.getMessage());
    }

    @Test
    void documentationFileThatIsAFolderStopsTheRunNamingIt() throws IOException {
        DataFolder.in(dir).claims(claim().toString());
        Files.createDirectories(dir.resolve(OUTCOMES));
        InputException e = assertThrows(InputException.class, () -> DataFolder.in(dir).read());
        assertTrue(e.getMessage().contains(OUTCOMES), e.getMessage());
    }

    @Test
    void dataFolderThatDoesNotExist() {
        InputException e = assertThrows(InputException.class,
                () -> new DataSetReader(ReadProgress.SILENT).read(dir.resolve("nope")));
        assertNotNull(e.getMessage());
    }

    // ---- counts and fingerprints -----------------------------------------------------------------------

    @Test
    void rowsReadIsLoadedPlusRejectedForEveryFile() throws InputException {
        DataSet data = DataFolder.in(dir).claims(
                        claim("C1", "1").toString(), claim("C1", "2").set("cpt_code", "X").toString(),
                        "", claim("C1", "3").toString(), claim("C1", "03").toString(), "too,few")
                .file(OUTCOMES, "patient_id,documented_date,pain_relief_pct",
                        "P1,2025-03-20,50", "P1,2025-03-21,101", "", "P1,2025-03-22,")
                .file(JUSTIFICATIONS, "patient_id,documented_date,reason", "P1,2025-04-01,lead migration",
                        "P1,2025-04-01,")
                .file(SESSIONS, "patient_id,session_date,performed_by", "P1,2025-03-20,rep", "P1,2025-03-20,QHP",
                        "P1,2025-03-21,qhp", "P1,2025-03-22,MD")
                .file(EVALUATIONS, "patient_id,evaluation_date", "P1,2025-01-10").read();
        assertCounts(data, CLAIMS, 5, 2, 3);
        assertCounts(data, OUTCOMES, 3, 2, 1);
        assertCounts(data, JUSTIFICATIONS, 2, 1, 1);
        assertCounts(data, SESSIONS, 4, 2, 2);
        assertCounts(data, EVALUATIONS, 1, 1, 0);
        assertEquals(2, data.claimLines().size());
        assertEquals(2, data.trialOutcomes().size());
        assertEquals(1, data.repeatTrialJustifications().size());
        assertEquals(2, data.programmingSessions().size());
        assertEquals(1, data.psychEvaluations().size());
        assertEquals(List.of(key(CLAIMS, 3, "cpt_code", "X"), key(CLAIMS, 6, "line_number", "03")),
                keys(data.rejects().subList(0, 2)));
        assertEquals(CLAIMS + ":7", data.rejects().get(2).file() + ":" + data.rejects().get(2).line());
        assertEquals(List.of(key(OUTCOMES, 3, "pain_relief_pct", "101"), key(JUSTIFICATIONS, 3, "reason", ""),
                key(SESSIONS, 2, "performed_by", "rep"), key(SESSIONS, 5, "performed_by", "MD")),
                keys(data.rejects().subList(3, data.rejects().size())));
        assertEquals(7, data.rejects().size());
    }

    @Test
    void sha256IsTheFingerprintOfTheFileBytes() throws InputException, IOException {
        StringBuilder big = new StringBuilder(BOM).append(CLAIMS_HEADER).append("\r\n");
        for (int i = 1; i <= 3000; i++) {   // well past any read buffer
            big.append(claim("C" + i, "1").set("prior_auth_number", "Zoë " + i)).append("\r\n");
        }
        DataSet data = DataFolder.in(dir).text(CLAIMS, big.toString())
                .file(OUTCOMES, "patient_id,documented_date", "P1,2025-03-20")
                .text(EVALUATIONS, "patient_id,evaluation_date").read();
        assertCounts(data, CLAIMS, 3000, 3000, 0);
        for (String file : List.of(CLAIMS, OUTCOMES, EVALUATIONS)) {
            assertEquals(sha256(Files.readAllBytes(dir.resolve(file))), summary(data, file).sha256(), file);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static List<Long> sourceLines(List<ClaimLine> lines) {
        return lines.stream().map(ClaimLine::getSourceLine).toList();
    }

    private static String capitalised(String column) {
        return Character.toUpperCase(column.charAt(0)) + column.substring(1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
