package org.nmaudit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.generate.ExtendedRuleOracle.Episode;
import org.nmaudit.generate.ExtendedRuleOracle.Line;

/**
 * The extended rules' labels are honest and complete. For each rule of extended-rules.md, an
 * independent reading of it ({@link ExtendedRuleOracle}) flags exactly the patients labelled with a
 * violation of the rule, each at a line that fits the label's detail, so ordinary care trips no rule by
 * accident; every exception label points at lines that really are in the data and are not flagged; and
 * at the sample's settings every violation and exception occurs. The data sets: the sample's settings,
 * a window from 2024-04-01 (the only kind where M62.85 can predate 2024-10-01), and three odd ones (two
 * physicians with every eligible patient violated, one month, a solo physician).
 */
class ExtendedRuleLabelsTest {

    /** A generated data set, its labels and the oracle's reading of it. */
    record Case(String name, Map<String, GeneratedDataSet.Label> labels, ExtendedRuleOracle oracle) {
    }

    /** What an exception label promises: the patient's lines that show the exception (never empty). */
    interface Witness {
        List<Line> lines(ExtendedRuleOracle oracle, String patient);
    }

    /** Whether a flagged line (and its severity) fits the detail of a violation label. */
    interface Detail extends BiPredicate<Line, String> {
    }

    private static final Detail ANY = (line, severity) -> true;
    private static final Path FEE_SCHEDULE = Path.of("data/reference/fee-schedule.csv");
    private static final LocalDate START = GeneratedDataSet.START;

    @TempDir
    static Path tmp;

    static final Map<String, Case> CASES = new TreeMap<>();

    @BeforeAll
    static void generate() throws IOException {
        add("sample", GeneratedDataSet.SAMPLE);
        add("early", new GeneratorSettings(2000, 18, 20251, LocalDate.of(2024, 4, 1), 40, 5, 0.08, 0.001));
        add("two-physicians-all-violations", new GeneratorSettings(400, 7, 3, LocalDate.of(2024, 6, 15), 2, 2, 1.0, 0.05));
        add("one-month", new GeneratorSettings(300, 1, 5, START, 40, 5, 0.08, 0.01));
        add("solo-physician", new GeneratorSettings(300, 12, 13, START, 1, 1, 0.3, 0.001));
    }

    private static void add(String name, GeneratorSettings settings) throws IOException {
        GeneratedDataSet data = GeneratedDataSet.generate(tmp.resolve(name), settings);
        CASES.put(name, new Case(name, data.labels(), new ExtendedRuleOracle(data, FEE_SCHEDULE)));
    }

    // ---------------------------------------------------------------------------------------------
    // One test per rule: its violation labels with the detail each promises, its exception labels with
    // the lines that show them.

    @Test
    void nmProgRep() {
        check("NM-PROG-REP", Map.of("REP_ONLY", ANY), Map.of(
                "REP_WITH_CLINICIAN", (o, p) -> lines(o, p, l -> ExtendedRuleOracle.PROGRAMMING.contains(l.cpt())
                        && performedBy(o, l).contains("MANUFACTURER_REP")
                        && (performedBy(o, l).contains("PHYSICIAN") || performedBy(o, l).contains("QHP")))));
    }

    @Test
    void nmProgTrial() {
        check("NM-PROG-TRIAL", Map.of("PROGRAMMING_IN_TRIAL", ANY), Map.of(
                "ANALYSIS_95970_IN_TRIAL", (o, p) -> lines(o, p, l -> l.cpt().equals("95970")
                        && afterEpisode(o, l, 0, 10).stream().anyMatch(t -> !o.implantBetween(p, t.date(), l.date()))),
                "DAY_11", (o, p) -> lines(o, p, l -> l.cpt().equals("95971") && !afterEpisode(o, l, 11, 11).isEmpty()),
                "IMPLANT_IN_BETWEEN", (o, p) -> lines(o, p, l -> Set.of("95971", "95972").contains(l.cpt())
                        && afterEpisode(o, l, 0, 10).stream().anyMatch(t -> o.implantBetween(p, t.date(), l.date())))));
    }

    @Test
    void nmPaMissing() {
        check("NM-PA-MISSING", Map.of(
                "BLANK", (l, severity) -> severity.equals("BLOCKER"),
                "MALFORMED", (l, severity) -> severity.equals("HIGH")), Map.of(
                "PROFESSIONAL_CLAIM", (o, p) -> lines(o, p, l -> l.cpt().equals("63650") && l.medicare()
                        && !l.institutional() && l.priorAuth().isEmpty()),
                "ASC_BILL_TYPE_831", (o, p) -> lines(o, p, l -> l.cpt().equals("63650") && l.medicare()
                        && l.billType().startsWith("83") && l.priorAuth().isEmpty()),
                "VALID_UTN", (o, p) -> lines(o, p, l -> l.cpt().equals("63650") && l.medicare()
                        && l.billType().startsWith("13") && l.priorAuth().matches("[A-Za-z0-9]{14}")),
                "NOT_MEDICARE", (o, p) -> lines(o, p, l -> l.cpt().equals("63650") && !l.medicare()
                        && l.billType().startsWith("13") && !l.priorAuth().matches("[A-Za-z0-9]{14}"))));
        // Both spellings of the outpatient bill type are among the sample's flagged lines.
        Set<String> billTypes = new TreeSet<>();
        CASES.get("sample").oracle().findings.get("NM-PA-MISSING").keySet().forEach(l -> billTypes.add(l.billTypeAsWritten()));
        assertEquals(Set.of("131", "0131"), billTypes);
    }

    @Test
    void nmTrialLimit() {
        check("NM-TRIAL-LIMIT", Map.of("THIRD_TRIAL_REPEATS_JUSTIFIED", ANY), Map.of(
                "SECOND_TRIAL", (o, p) -> o.episodes(p).size() == 2 ? o.episodes(p).get(1).lines() : List.of()));
    }

    @Test
    void nmUnits() {
        check("NM-UNITS", Map.of(
                "63650", (l, severity) -> l.cpt().equals("63650"),
                "63685", (l, severity) -> l.cpt().equals("63685"),
                "PROGRAMMING", (l, severity) -> ExtendedRuleOracle.PROGRAMMING.contains(l.cpt())), Map.of(
                "TWO_LEADS_EACH_CLAIM_TYPE", (o, p) -> lines(o, p, l -> l.cpt().equals("63650")
                        && units63650(o, p, l.date(), false) == 2 && units63650(o, p, l.date(), true) == 2)));
    }

    @Test
    void nmPosPerm() {
        check("NM-POS-PERM", Map.of(
                "63685", (l, severity) -> l.cpt().equals("63685"),
                "63655", (l, severity) -> l.cpt().equals("63655")), Map.of());
    }

    @Test
    void nmOfficeRevision() {
        check("NM-OFFICE-REVISION", Map.of(
                "63661", (l, severity) -> l.cpt().equals("63661"),
                "63663", (l, severity) -> l.cpt().equals("63663"),
                "TRIAL_LEADS_REMOVED_IN_OFFICE", (l, severity) -> l.cpt().equals("63661")), Map.of(
                "63661_IN_FACILITY", (o, p) -> lines(o, p, l -> l.cpt().equals("63661")
                        && ExtendedRuleOracle.FACILITY_PLACES.contains(l.pos()))));
    }

    @Test
    void nmTrialRemoval() {
        check("NM-TRIAL-REMOVAL", Map.of("IN_GLOBAL_PERIOD", ANY), Map.of(
                "DAY_11", (o, p) -> lines(o, p, l -> l.cpt().equals("63661")
                        && afterEpisode(o, l, 11, 11).stream().anyMatch(t -> t.owner().equals(l.npi()))),
                "OTHER_NPI", (o, p) -> lines(o, p, l -> l.cpt().equals("63661") && !l.institutional()
                        && afterEpisode(o, l, 1, 10).stream().anyMatch(t -> !t.owner().equals(l.npi()))),
                "SAME_DAY", (o, p) -> lines(o, p, l -> l.cpt().equals("63661")
                        && afterEpisode(o, l, 0, 0).stream().anyMatch(t -> t.owner().equals(l.npi())))));
    }

    @Test
    void nmUnbundle63688() {
        check("NM-UNBUNDLE-63688", Map.of("REPLACEMENT_WITH_63688", ANY), Map.of(
                "EXPLANT_WITHOUT_63685", (o, p) -> lines(o, p, l -> l.cpt().equals("63688")
                        && !o.implantBetween(p, l.date(), l.date()))));
    }

    @Test
    void nmIpgPns() {
        check("NM-IPG-PNS", Map.of("63685_WITH_PERIPHERAL_LEADS", ANY), Map.of(
                "PNS_GENERATOR_64590", (o, p) -> lines(o, p, l -> codesOn(o, p, l.date()).containsAll(Set.of("64590", "64555"))),
                "WITH_SPINAL_LEADS", (o, p) -> lines(o, p, l -> l.cpt().equals("63685")
                        && codesOn(o, p, l.date()).containsAll(Set.of("64555", "63650")))));
    }

    @Test
    void nmDxEffective() {
        check("NM-DX-EFFECTIVE", Map.of("M62_85_BEFORE_2024_10_01", ANY), Map.of(
                "M62_85_FROM_2024_10_01", (o, p) -> lines(o, p, l -> l.diagnoses().contains("M62.85")
                        && !l.date().isBefore(ExtendedRuleOracle.M62_85_EFFECTIVE))));
        // The sample starts on 2024-07-01 precisely so that it shows this violation.
        assertFalse(CASES.get("sample").oracle().flaggedPatients("NM-DX-EFFECTIVE").isEmpty());
    }

    @Test
    void nmPsychEval() {
        check("NM-PSYCH-EVAL", Map.of("MISSING", ANY, "DAYS_366_BEFORE", ANY), Map.of(
                "DAYS_365_BEFORE", (o, p) -> episodeLinesWithEvaluation(o, p, 365),
                "ON_TRIAL_DAY", (o, p) -> episodeLinesWithEvaluation(o, p, 0)));
    }

    @Test
    void nmGlobalEm() {
        check("NM-GLOBAL-EM", Map.of("NO_MODIFIER", ANY), Map.of(
                "WITH_MODIFIER", (o, p) -> lines(o, p, l -> ExtendedRuleOracle.EM.contains(l.cpt())
                        && l.modifiers().stream().anyMatch(ExtendedRuleOracle.GLOBAL_MODIFIERS::contains)
                        && !surgeriesBefore(o, l, 0, 10, true).isEmpty()),
                "DAY_11", (o, p) -> lines(o, p, l -> ExtendedRuleOracle.EM.contains(l.cpt()) && l.modifiers().isEmpty()
                        && !surgeriesBefore(o, l, 11, 11, true).isEmpty()),
                "OTHER_NPI", (o, p) -> lines(o, p, l -> ExtendedRuleOracle.EM.contains(l.cpt()) && l.modifiers().isEmpty()
                        && !surgeriesBefore(o, l, 0, 10, false).isEmpty())));
    }

    @Test
    void nmDupLine() {
        check("NM-DUP-LINE", Map.of("RESUBMITTED", ANY), Map.of(
                "TWO_LEADS_ONE_CLAIM", (o, p) -> lines(o, p, l -> l.cpt().equals("63650") && o.lines(p).stream()
                        .filter(m -> m.claimId().equals(l.claimId()) && ExtendedRuleOracle.dupKey(m).equals(ExtendedRuleOracle.dupKey(l)))
                        .count() == 2),
                "PROFESSIONAL_AND_INSTITUTIONAL", (o, p) -> lines(o, p, l -> o.lines(p).stream()
                        .anyMatch(m -> m.institutional() != l.institutional() && m.date().equals(l.date())
                                && m.cpt().equals(l.cpt()) && m.npi().equals(l.npi()) && m.modifiers().equals(l.modifiers())))));
    }

    @Test
    void nmUnderpaid() {
        check("NM-UNDERPAID", Map.of("BELOW_95_PCT", ANY), Map.of(
                "EXACTLY_95_PCT", (o, p) -> lines(o, p, l -> l.medicare() && l.unitsOne() && l.paid() != null
                        && o.expected(l) != null
                        && l.paid().compareTo(o.expected(l).multiply(ExtendedRuleOracle.PAID_SHARE_TOLERATED)) == 0),
                "NOT_MEDICARE_NO_ROW", (o, p) -> lines(o, p, l -> !l.medicare() && l.unitsOne() && l.paid() != null
                        && o.expected(l) == null && medicareExpected(o, l) != null
                        && l.paid().compareTo(medicareExpected(o, l).multiply(ExtendedRuleOracle.PAID_SHARE_TOLERATED)) < 0),
                "UNPAID", (o, p) -> lines(o, p, l -> l.medicare() && l.unitsOne() && l.paid() == null && o.expected(l) != null)));
    }

    @Test
    void everyExtendedRuleHasItsTest() {
        Set<String> labelled = new TreeSet<>();
        CASES.values().forEach(c -> c.labels().values().forEach(label -> label.tags().stream()
                .filter(ExtendedRuleOracle::isExtendedRuleTag)
                .forEach(t -> labelled.add(t.substring(t.indexOf(':') + 1, t.indexOf('/'))))));
        assertEquals(new TreeSet<>(ExtendedRuleOracle.RULES), labelled);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * In every data set: the patients labelled with a violation of the rule are exactly those the oracle
     * flags, each with a flagged line that fits the label's detail; each exception label shows lines
     * that are not flagged. In the sample (or {@code occursIn}, for the violations), every label of the
     * rule occurs: each violation at least {@link InjectionPlanner#FLOOR} times, each exception at least once.
     */
    private static void check(String rule, Map<String, Detail> violations, Map<String, Witness> exceptions) {
        check(rule, violations, exceptions, "sample");
    }

    private static void check(String rule, Map<String, Detail> violations, Map<String, Witness> exceptions,
            String violationsOccurIn) {
        List<String> problems = new ArrayList<>();
        for (Case c : CASES.values()) {
            ExtendedRuleOracle o = c.oracle();
            Set<String> labelled = new TreeSet<>();
            Map<String, Integer> occurrences = new TreeMap<>();
            c.labels().forEach((patient, label) -> {
                for (String tag : label.tags()) {
                    String kind = tag.substring(0, tag.indexOf(':'));
                    if (!tag.startsWith(kind + ":" + rule + "/")) {
                        continue;
                    }
                    String detail = tag.substring(tag.indexOf('/') + 1);
                    occurrences.merge(kind + ":" + detail, 1, Integer::sum);
                    if (kind.equals("violation")) {
                        labelled.add(patient);
                        Detail fits = violations.get(detail);
                        if (fits == null) {
                            problems.add(c.name() + ": no check for " + tag);
                        } else if (o.findings.get(rule).entrySet().stream()
                                .noneMatch(f -> f.getKey().patient().equals(patient) && fits.test(f.getKey(), f.getValue()))) {
                            problems.add(c.name() + ": " + patient + " " + tag + " has no flagged line that fits");
                        }
                    } else {
                        Witness witness = exceptions.get(detail);
                        if (witness == null) {
                            problems.add(c.name() + ": no check for " + tag);
                            continue;
                        }
                        List<Line> shown = witness.lines(o, patient);
                        if (shown.isEmpty()) {
                            problems.add(c.name() + ": " + patient + " " + tag + " is not in the data");
                        }
                        shown.stream().filter(l -> o.flagged(rule, l))
                                .forEach(l -> problems.add(c.name() + ": " + tag + " flagged " + l));
                    }
                }
            });
            Set<String> flagged = o.flaggedPatients(rule);
            for (String p : flagged) {
                if (!labelled.contains(p)) {
                    problems.add(c.name() + ": " + p + " flagged but not labelled, " + c.labels().get(p) + " "
                            + o.findings.get(rule).keySet().stream().filter(l -> l.patient().equals(p)).toList());
                }
            }
            for (String p : labelled) {
                if (!flagged.contains(p)) {
                    problems.add(c.name() + ": " + p + " labelled but not flagged, " + c.labels().get(p));
                }
            }
            for (String detail : violations.keySet()) {
                int n = occurrences.getOrDefault("violation:" + detail, 0);
                if (c.name().equals(violationsOccurIn) && n < InjectionPlanner.FLOOR) {
                    problems.add(c.name() + ": violation " + rule + "/" + detail + " occurs " + n + " times");
                }
            }
            for (String detail : exceptions.keySet()) {
                if (c.name().equals("sample") && occurrences.getOrDefault("exception:" + detail, 0) < 1) {
                    problems.add(c.name() + ": exception " + rule + "/" + detail + " does not occur");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n" + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
        }
    }

    // Small readings the witnesses share.

    private static List<Line> lines(ExtendedRuleOracle o, String patient, java.util.function.Predicate<Line> which) {
        return o.lines(patient).stream().filter(which).toList();
    }

    private static Set<String> performedBy(ExtendedRuleOracle o, Line l) {
        return o.performers.getOrDefault(l.patient() + "|" + l.date(), Set.of());
    }

    /** The patient's trial episodes lying from..to days before the line. */
    private static List<Episode> afterEpisode(ExtendedRuleOracle o, Line l, int from, int to) {
        return o.episodes(l.patient()).stream().filter(t -> {
            long d = ExtendedRuleOracle.days(t.date(), l.date());
            return d >= from && d <= to;
        }).toList();
    }

    /** 63650/63685 lines from..to days before the line, by the line's NPI ({@code sameNpi}) or by another. */
    private static List<Line> surgeriesBefore(ExtendedRuleOracle o, Line l, int from, int to, boolean sameNpi) {
        return o.lines(l.patient()).stream().filter(s -> (s.cpt().equals("63650") || s.cpt().equals("63685"))
                && s.npi().equals(l.npi()) == sameNpi
                && ExtendedRuleOracle.days(s.date(), l.date()) >= from && ExtendedRuleOracle.days(s.date(), l.date()) <= to)
                .toList();
    }

    private static Set<String> codesOn(ExtendedRuleOracle o, String patient, LocalDate day) {
        Set<String> codes = new TreeSet<>();
        o.lines(patient).stream().filter(l -> l.date().equals(day)).forEach(l -> codes.add(l.cpt()));
        return codes;
    }

    private static int units63650(ExtendedRuleOracle o, String patient, LocalDate day, boolean institutional) {
        return o.lines(patient).stream().filter(l -> l.cpt().equals("63650") && l.date().equals(day)
                && l.institutional() == institutional).mapToInt(l -> l.units().intValue()).sum();
    }

    /** The 63650 lines of trial episodes whose most recent psych evaluation is exactly this many days before. */
    private static List<Line> episodeLinesWithEvaluation(ExtendedRuleOracle o, String patient, int daysBefore) {
        List<Line> shown = new ArrayList<>();
        for (Episode t : o.episodes(patient)) {
            long latest = o.evaluations.getOrDefault(patient, List.of()).stream()
                    .mapToLong(e -> ExtendedRuleOracle.days(e, t.date())).filter(d -> d >= 0).min().orElse(-1);
            if (latest == daysBefore) {
                shown.addAll(t.lines());
            }
        }
        return shown;
    }

    /** What the fee schedule would expect if the line were Medicare's. */
    private static BigDecimal medicareExpected(ExtendedRuleOracle o, Line l) {
        return o.expected(new Line(l.claimId(), l.lineNumber(), l.patient(), "MEDICARE", l.npi(), l.date(), l.cpt(),
                l.modifiers(), l.units(), l.diagnoses(), l.pos(), l.billType(), l.billTypeAsWritten(), l.priorAuth(),
                l.paid()));
    }
}
