package org.nmaudit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.nmaudit.input.DataFolder.assertCellReason;
import static org.nmaudit.input.DataFolder.assertCounts;
import static org.nmaudit.input.DataFolder.claim;
import static org.nmaudit.input.DataFolder.key;
import static org.nmaudit.input.DataFolder.keys;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nmaudit.facts.PerformedBy;
import org.nmaudit.facts.ProgrammingSession;
import org.nmaudit.facts.PsychEvaluation;
import org.nmaudit.facts.RepeatTrialJustification;
import org.nmaudit.facts.TrialOutcome;

/** The four optional documentation files of data-format.md, read through {@link DataSetReader}. */
class DocumentationFilesTest {
    private static final String OUTCOMES = "trial-outcomes.csv";
    private static final String OUTCOMES_HEADER =
            "patient_id,documented_date,pain_relief_pct,analgesic_reduction_pct,functional_improvement,rendering_npi,note";
    private static final String JUSTIFICATIONS = "repeat-trial-justifications.csv";
    private static final String SESSIONS = "programming-sessions.csv";
    private static final String EVALUATIONS = "psych-evaluations.csv";

    @TempDir
    Path dir;

    private DataFolder folder() {
        return DataFolder.in(dir).claims(claim().toString());
    }

    /** trial-outcomes.csv with one row (line 2) of the given cells. */
    private DataSet outcome(String pain, String analgesic, String functional) throws InputException {
        return folder().file(OUTCOMES, OUTCOMES_HEADER,
                "P1,2025-03-20," + pain + "," + analgesic + "," + functional + ",1234567893,day 7 visit").read();
    }

    // ---- trial-outcomes.csv ------------------------------------------------------------------------

    @Test
    void outcomeRowLoads() throws InputException {
        DataSet data = outcome("62.5", "0", "Y");
        assertEquals(List.of(), data.rejects());
        TrialOutcome o = data.trialOutcomes().get(0);
        assertEquals("P1", o.getPatientId());
        assertEquals(LocalDate.of(2025, 3, 20), o.getDocumentedDate());
        assertEquals(62.5, o.getPainReliefPct());
        assertEquals(0.0, o.getAnalgesicReductionPct());
        assertEquals(Boolean.TRUE, o.getFunctionalImprovement());
        assertEquals("1234567893", o.getRenderingNpi());
        assertEquals("day 7 visit", o.getNote());
        assertEquals(2, o.getSourceLine());
        assertCounts(data, OUTCOMES, 1, 1, 0);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "100, 100", "49.9, 49.9"})
    void percentsFromZeroToHundredLoad(String value, double expected) throws InputException {
        DataSet data = outcome(value, value, "N");
        assertEquals(List.of(), data.rejects());
        assertEquals(expected, data.trialOutcomes().get(0).getPainReliefPct());
        assertEquals(expected, data.trialOutcomes().get(0).getAnalgesicReductionPct());
    }

    @ParameterizedTest
    @CsvSource({"100.1", "-1", "abc"})
    void percentsOutsideZeroToHundredRejected(String value) throws InputException {
        DataSet data = outcome(value, value, "Y");
        assertEquals(List.of(key(OUTCOMES, 2, "analgesic_reduction_pct", value),
                key(OUTCOMES, 2, "pain_relief_pct", value)), sortedKeys(data.rejects()));
        data.rejects().forEach(r -> assertCellReason(r, r.column()));
        assertEquals(List.of(), data.trialOutcomes());
        assertCounts(data, OUTCOMES, 1, 0, 1);
    }

    @Test
    void blankPercentsAreNotDocumented() throws InputException {
        DataSet data = outcome("", "", "");
        assertEquals(List.of(), data.rejects());
        TrialOutcome o = data.trialOutcomes().get(0);
        assertNull(o.getPainReliefPct());
        assertNull(o.getAnalgesicReductionPct());
        assertNull(o.getFunctionalImprovement());
    }

    @ParameterizedTest
    @CsvSource({"Y, true", "n, false", "yes, true", "False, false", "TRUE, true", "No, false"})
    void functionalImprovementYesNo(String value, boolean expected) throws InputException {
        DataSet data = outcome("50", "", value);
        assertEquals(List.of(), data.rejects());
        assertEquals(expected, data.trialOutcomes().get(0).getFunctionalImprovement());
    }

    @Test
    void functionalImprovementOtherValueRejected() throws InputException {
        DataSet data = outcome("50", "", "maybe");
        assertEquals(List.of(key(OUTCOMES, 2, "functional_improvement", "maybe")), keys(data.rejects()));
        assertCellReason(data.rejects().get(0), "functional_improvement");
        assertCounts(data, OUTCOMES, 1, 0, 1);
    }

    @Test
    void outcomeRequiredColumnsBlankAndBadDate() throws InputException {
        DataSet data = folder().file(OUTCOMES, OUTCOMES_HEADER,
                ",2025-03-20,50,,Y,,",
                "P1,,50,,Y,,",
                "P1,2025-02-30,50,,Y,,",
                "P1,2025-03-20,50,,Y,,").read();
        assertEquals(List.of(key(OUTCOMES, 2, "patient_id", ""), key(OUTCOMES, 3, "documented_date", ""),
                key(OUTCOMES, 4, "documented_date", "2025-02-30")), keys(data.rejects()));
        assertCounts(data, OUTCOMES, 4, 1, 3);
        assertEquals(5, data.trialOutcomes().get(0).getSourceLine());
    }

    // ---- repeat-trial-justifications.csv ---------------------------------------------------------------

    @Test
    void justificationsRequireEveryColumn() throws InputException {
        DataSet data = folder().file(JUSTIFICATIONS, "patient_id,documented_date,reason",
                "P1,2025-04-01,\"lead migration on day 2, trial inconclusive\"",
                ",2025-04-01,lead migration",
                "P1,,lead migration",
                "P1,2025-04-01,",
                "P1,2025-4-1,  ").read();
        assertEquals(List.of(key(JUSTIFICATIONS, 3, "patient_id", ""), key(JUSTIFICATIONS, 4, "documented_date", ""),
                key(JUSTIFICATIONS, 5, "reason", ""), key(JUSTIFICATIONS, 6, "documented_date", "2025-4-1"),
                key(JUSTIFICATIONS, 6, "reason", "")), sortedKeys(data.rejects()));
        assertCounts(data, JUSTIFICATIONS, 5, 1, 4);
        RepeatTrialJustification j = data.repeatTrialJustifications().get(0);
        assertEquals("P1", j.getPatientId());
        assertEquals(LocalDate.of(2025, 4, 1), j.getDocumentedDate());
        assertEquals("lead migration on day 2, trial inconclusive", j.getReason());
    }

    // ---- programming-sessions.csv -----------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"physician, PHYSICIAN", "QHP, QHP", "qhp, QHP", "MANUFACTURER_REP, MANUFACTURER_REP",
        "Manufacturer_Rep, MANUFACTURER_REP"})
    void performedByLoadsCaseInsensitive(String value, PerformedBy expected) throws InputException {
        DataSet data = folder().file(SESSIONS, "patient_id,session_date,performed_by,performer_name",
                "P1,2025-03-20," + value + ",J. Smith").read();
        assertEquals(List.of(), data.rejects());
        ProgrammingSession s = data.programmingSessions().get(0);
        assertEquals(expected, s.getPerformedBy());
        assertEquals(LocalDate.of(2025, 3, 20), s.getSessionDate());
        assertEquals("J. Smith", s.getPerformerName());
    }

    @Test
    void performedByOtherValueAndBlankRequiredColumnsRejected() throws InputException {
        DataSet data = folder().file(SESSIONS, "patient_id,session_date,performed_by,performer_name",
                "P1,2025-03-20,rep,",
                ",2025-03-20,QHP,",
                "P1,,QHP,",
                "P1,2025-03-20,,",
                "P1,2025-03-20,QHP,").read();
        assertEquals(List.of(key(SESSIONS, 2, "performed_by", "rep"), key(SESSIONS, 3, "patient_id", ""),
                key(SESSIONS, 4, "session_date", ""), key(SESSIONS, 5, "performed_by", "")), keys(data.rejects()));
        assertCellReason(data.rejects().get(0), "performed_by");
        assertCounts(data, SESSIONS, 5, 1, 4);
        assertNull(data.programmingSessions().get(0).getPerformerName());
    }

    // ---- psych-evaluations.csv ----------------------------------------------------------------------------

    @Test
    void psychEvaluationsRequirePatientAndDate() throws InputException {
        DataSet data = folder().file(EVALUATIONS, "patient_id,evaluation_date,evaluator_credential",
                "P1,2025-01-10,PhD",
                ",2025-01-10,PsyD",
                "P1,,MD",
                "P2,2025-01-32,",
                "P3,2025-01-11,").read();
        assertEquals(List.of(key(EVALUATIONS, 3, "patient_id", ""), key(EVALUATIONS, 4, "evaluation_date", ""),
                key(EVALUATIONS, 5, "evaluation_date", "2025-01-32")), keys(data.rejects()));
        assertCounts(data, EVALUATIONS, 5, 2, 3);
        PsychEvaluation first = data.psychEvaluations().get(0);
        assertEquals("PhD", first.getEvaluatorCredential());
        assertEquals(LocalDate.of(2025, 1, 10), first.getEvaluationDate());
        assertNull(data.psychEvaluations().get(1).getEvaluatorCredential());
        assertEquals(6, data.psychEvaluations().get(1).getSourceLine());
    }

    private static List<String> sortedKeys(List<Reject> rejects) {
        List<Reject> sorted = new ArrayList<>(rejects);
        sorted.sort(Comparator.comparing(Reject::file).thenComparingLong(Reject::line).thenComparing(Reject::column));
        return keys(sorted);
    }
}
