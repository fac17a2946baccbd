package org.nmaudit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labels are complete (every pathway, core-rule violation, exception and defect occurs at 2000
 * patients) and honest: an independent reading of core-rules.md finds exactly the labelled violations,
 * patient by patient, and flags exactly the labelled low converters. (ExtendedRuleLabelsTest does the
 * same for extended-rules.md.)
 */
class LabelsTest {

    static final List<String> VIOLATIONS = List.of(
            "violation:NM-RATIO/LOW_CONVERTER",
            "violation:NM-REPEAT-TRIAL/UNJUSTIFIED",
            "violation:NM-REPEAT-TRIAL/JUSTIFIED_ON_FIRST_TRIAL_DAY",
            "violation:NM-PROG-FREQ/SAME_DAY",
            "violation:NM-PROG-FREQ/WITHIN_30_DAYS",
            "violation:NM-PROG-FREQ/JUST_AFTER_FIRST_MONTH",
            "violation:NM-TRIAL-DOC/NO_TRIAL",
            "violation:NM-TRIAL-DOC/TRIAL_OUTSIDE_WINDOW",
            "violation:NM-TRIAL-DOC/NO_OUTCOME",
            "violation:NM-TRIAL-DOC/CRITERIA_NOT_MET",
            "violation:NM-TRIAL-DOC/CRITERIA_NOT_MET_CRPS");
    static final List<String> EXCEPTIONS = List.of(
            "exception:NM-TRIAL-DOC/REPLACEMENT_BY_HISTORY",
            "exception:NM-TRIAL-DOC/REPLACEMENT_BY_Z45_42",
            "exception:NM-TRIAL-DOC/REPLACEMENT_BY_T85_1",
            "exception:NM-TRIAL-DOC/REPLACEMENT_BY_63688",
            "exception:NM-TRIAL-DOC/OUTCOME_EXACTLY_50",
            "exception:NM-RATIO/PENDING_TRIAL",
            "exception:NM-PROG-FREQ/FIRST_MONTH_AFTER_IMPLANT",
            "exception:NM-PROG-FREQ/FIRST_MONTH_AFTER_REPLACEMENT",
            "exception:NM-PROG-FREQ/EXACTLY_30_DAYS_APART",
            "exception:NM-REPEAT-TRIAL/JUSTIFIED",
            "exception:NM-REPEAT-TRIAL/JUSTIFIED_ON_SECOND_TRIAL_DAY",
            "exception:TRIAL_EPISODE/TWO_LEADS_TWO_LINES",
            "exception:TRIAL_EPISODE/TWO_LEADS_UNITS_2",
            "exception:TRIAL_EPISODE/TWO_PHYSICIANS",
            "exception:TRIAL_EPISODE/INSTITUTIONAL_ONLY");

    @TempDir
    static Path tmp;

    static GeneratedDataSet set;
    static Map<String, GeneratedDataSet.Label> labels;

    @BeforeAll
    static void generate() throws IOException {
        set = GeneratedDataSet.generate(tmp.resolve("n2000"), 2000, 20251);
        labels = set.labels();
    }

    @Test
    void everyPathwayViolationExceptionAndDefectOccurs() {
        assertEquals(2000, labels.size());
        Set<String> pathways = new TreeSet<>();
        labels.values().forEach(l -> pathways.add(l.pathway()));
        for (Pathway p : Pathway.values()) {
            assertTrue(pathways.contains(p.name()), p.name());
        }
        for (String tag : concat(VIOLATIONS, EXCEPTIONS)) {
            long patients = labels.values().stream().filter(l -> l.has(tag)).count();
            assertTrue(patients >= InjectionPlanner.FLOOR, tag + " occurs for " + patients + " patients");
        }
        for (BadRowInjector.Defect d : BadRowInjector.Defect.values()) {
            assertTrue(labels.values().stream().anyMatch(l -> l.has("bad-row:" + d + "@")), d.name());
        }
    }

    @Test
    void violationsComeAtAboutTheRequestedRate() {
        // Core-rule violations are planted in spinal cord stimulation patients.
        List<GeneratedDataSet.Label> scs = labels.values().stream().filter(l -> l.pathway().startsWith("SCS_")).toList();
        long violated = scs.stream().filter(l -> l.tags().stream().anyMatch(LabelsTest::coreViolation)).count();
        double share = (double) violated / scs.size();
        assertTrue(share > 0.05 && share < 0.12, "core violations per SCS patient " + share);
        // Extended-rule violations go to the other SCS and PNS patients, at the same rate; replacements
        // that bill 63688 (NM-UNBUNDLE-63688) come with the pathway and are not planted.
        List<GeneratedDataSet.Label> stimulator = labels.values().stream()
                .filter(l -> l.pathway().startsWith("SCS_") || l.pathway().equals("PNS")).toList();
        long extended = stimulator.stream().filter(l -> l.tags().stream().anyMatch(t -> t.startsWith("violation:")
                && ExtendedRuleOracle.isExtendedRuleTag(t) && !t.startsWith("violation:NM-UNBUNDLE-63688/"))).count();
        double extendedShare = (double) extended / stimulator.size();
        assertTrue(extendedShare > 0.05 && extendedShare < 0.12, "extended violations per stimulator patient " + extendedShare);
    }

    private static boolean coreViolation(String tag) {
        return tag.startsWith("violation:NM-REPEAT-TRIAL/") || tag.startsWith("violation:NM-PROG-FREQ/")
                || tag.startsWith("violation:NM-TRIAL-DOC/");
    }

    static Stream<Arguments> settings() {
        LocalDate start = GeneratedDataSet.START;
        return Stream.of(
                Arguments.of("default-2000", new GeneratorSettings(2000, 12, 20251, start, 40, 5, 0.08, 0.001)),
                Arguments.of("two-physicians-all-violations",
                        new GeneratorSettings(400, 7, 3, LocalDate.of(2024, 6, 15), 2, 2, 1.0, 0.05)),
                Arguments.of("one-month", new GeneratorSettings(300, 1, 5, start, 40, 5, 0.08, 0.01)),
                Arguments.of("two-years", new GeneratorSettings(600, 24, 11, LocalDate.of(2023, 3, 1), 12, 3, 0.2, 0.001)),
                Arguments.of("solo-physician", new GeneratorSettings(300, 12, 13, start, 1, 1, 0.3, 0.001)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void independentCoreRuleReadingFindsExactlyTheLabelledViolations(String name, GeneratorSettings settings)
            throws IOException {
        GeneratedDataSet data = GeneratedDataSet.generate(tmp.resolve(name), settings);
        Map<String, GeneratedDataSet.Label> byPatient = data.labels();
        CoreRuleOracle oracle = new CoreRuleOracle(CoreRuleOracle.loadedLines(data.read("claims.csv")),
                CoreRuleOracle.outcomes(data.read("trial-outcomes.csv")),
                CoreRuleOracle.justifications(data.read("repeat-trial-justifications.csv")));
        assertEquals(settings.window().end(), oracle.asOf);

        List<String> mismatches = new ArrayList<>();
        byPatient.forEach((patient, label) -> {
            Set<String> expected = expectedFindings(label);
            Set<String> found = oracle.findings(patient);
            if (!expected.equals(found)) {
                mismatches.add(patient + " " + label + ": expected " + expected + ", found " + found);
            }
        });
        assertEquals(List.of(), mismatches);

        // NM-RATIO: the flagged physicians are exactly the labelled low converters with 5+ decided trials.
        Set<String> lowConverters = new TreeSet<>();
        byPatient.values().forEach(l -> l.tags().stream().filter(t -> t.startsWith("violation:NM-RATIO/LOW_CONVERTER@"))
                .forEach(t -> lowConverters.add(t.substring(t.indexOf('@') + 1))));
        Set<String> flagged = new TreeSet<>();
        Set<String> expectedFlagged = new TreeSet<>();
        oracle.ratios.forEach((npi, ratio) -> {
            if (ratio.flagged()) {
                flagged.add(npi);
            }
            if (lowConverters.contains(npi) && ratio.decided() >= 5) {
                expectedFlagged.add(npi);
            }
            if (lowConverters.contains(npi)) {
                assertTrue(ratio.decided() == 0 || 2 * ratio.converted < ratio.decided(), npi + " stays under 50%");
            } else {
                assertTrue(2 * ratio.converted >= ratio.decided(), npi + " stays at or above 50%");
            }
        });
        assertEquals(expectedFlagged, flagged);
        if (settings.patients() >= 500 && settings.months() >= 12 && settings.violationRate() > 0) {
            assertFalse(flagged.isEmpty(), "some low converter has enough decided trials");
        }

        // The exceptions the labels claim are really in the data.
        Map<String, List<String>> missing = new TreeMap<>();
        byPatient.forEach((patient, label) -> {
            for (String tag : label.tags()) {
                // The extended rules' exceptions are ExtendedRuleLabelsTest's.
                if (tag.startsWith("exception:") && !ExtendedRuleOracle.isExtendedRuleTag(tag)
                        && !exceptionHolds(tag, patient, oracle, data)) {
                    missing.computeIfAbsent(tag, k -> new ArrayList<>()).add(patient);
                }
            }
        });
        assertEquals(Map.of(), missing);
    }

    /** The core findings a patient's labels promise, in the oracle's vocabulary. */
    private static Set<String> expectedFindings(GeneratedDataSet.Label label) {
        Set<String> expected = new TreeSet<>();
        for (String tag : label.tags()) {
            if (tag.startsWith("violation:NM-REPEAT-TRIAL/")) {
                expected.add("NM-REPEAT-TRIAL");
            } else if (tag.startsWith("violation:NM-PROG-FREQ/")) {
                expected.add("NM-PROG-FREQ");
            } else if (tag.equals("violation:NM-TRIAL-DOC/CRITERIA_NOT_MET")) {
                expected.add("NM-TRIAL-DOC/CRITERIA_NOT_MET/HIGH");
            } else if (tag.equals("violation:NM-TRIAL-DOC/CRITERIA_NOT_MET_CRPS")) {
                expected.add("NM-TRIAL-DOC/CRITERIA_NOT_MET/MEDIUM");
            } else if (tag.startsWith("violation:NM-TRIAL-DOC/")) {
                expected.add(tag.substring("violation:".length()));
            }
        }
        return expected;
    }

    private static boolean exceptionHolds(String tag, String patient, CoreRuleOracle oracle, GeneratedDataSet data) {
        List<CoreRuleOracle.Episode> episodes = oracle.episodesByPatient.getOrDefault(patient, List.of());
        List<CoreRuleOracle.Line> lines = oracle.linesByPatient.getOrDefault(patient, List.of());
        return switch (tag) {
            case "exception:NM-RATIO/PENDING_TRIAL" -> episodes.stream().anyMatch(e -> e.status().equals("PENDING"));
            case "exception:TRIAL_EPISODE/INSTITUTIONAL_ONLY" -> episodes.stream().anyMatch(e -> !e.professional());
            case "exception:TRIAL_EPISODE/TWO_PHYSICIANS" -> episodes.stream().anyMatch(e -> e.lines().stream()
                    .filter(l -> !l.institutional()).map(CoreRuleOracle.Line::npi).distinct().count() == 2);
            case "exception:TRIAL_EPISODE/TWO_LEADS_TWO_LINES" -> episodes.stream().anyMatch(e -> e.lines().stream()
                    .filter(l -> !l.institutional() && l.npi().equals(e.owner())).count() == 2);
            case "exception:TRIAL_EPISODE/TWO_LEADS_UNITS_2" -> episodes.stream().anyMatch(e -> e.lines().stream()
                    .anyMatch(l -> !l.institutional() && l.units() == 2));
            case "exception:NM-TRIAL-DOC/REPLACEMENT_BY_HISTORY" ->
                    lines.stream().filter(l -> l.cpt().equals("63685")).map(CoreRuleOracle.Line::date).distinct().count() >= 2;
            case "exception:NM-TRIAL-DOC/REPLACEMENT_BY_Z45_42" -> lines.stream()
                    .anyMatch(l -> l.cpt().equals("63685") && l.diagnoses().contains("Z45.42"));
            case "exception:NM-TRIAL-DOC/REPLACEMENT_BY_T85_1" -> lines.stream()
                    .anyMatch(l -> l.cpt().equals("63685") && l.diagnoses().stream().anyMatch(d -> d.startsWith("T85.1")));
            case "exception:NM-TRIAL-DOC/REPLACEMENT_BY_63688" -> lines.stream().anyMatch(l -> l.cpt().equals("63688")
                    && lines.stream().anyMatch(o -> o.cpt().equals("63685") && o.date().equals(l.date())));
            case "exception:NM-TRIAL-DOC/OUTCOME_EXACTLY_50" -> exactlyFifty(patient, data);
            case "exception:NM-PROG-FREQ/FIRST_MONTH_AFTER_IMPLANT", "exception:NM-PROG-FREQ/FIRST_MONTH_AFTER_REPLACEMENT" ->
                    oracle.graceUsed.contains(patient);
            case "exception:NM-PROG-FREQ/EXACTLY_30_DAYS_APART" -> exactlyThirty(lines);
            case "exception:NM-REPEAT-TRIAL/JUSTIFIED", "exception:NM-REPEAT-TRIAL/JUSTIFIED_ON_SECOND_TRIAL_DAY" ->
                    episodes.size() == 2;
            default -> throw new AssertionError("no check for " + tag);
        };
    }

    private static boolean exactlyFifty(String patient, GeneratedDataSet data) {
        try {
            return data.read("trial-outcomes.csv").stream().anyMatch(r -> r.get("patient_id").equals(patient)
                    && (r.get("pain_relief_pct").matches("50(\\.0+)?") || r.get("analgesic_reduction_pct").matches("50(\\.0+)?")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean exactlyThirty(List<CoreRuleOracle.Line> lines) {
        List<LocalDate> days = lines.stream().filter(l -> l.cpt().startsWith("9597")).map(CoreRuleOracle.Line::date).toList();
        for (int k = 1; k < days.size(); k++) {
            if (java.time.temporal.ChronoUnit.DAYS.between(days.get(k - 1), days.get(k)) == 30) {
                return true;
            }
        }
        return false;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
