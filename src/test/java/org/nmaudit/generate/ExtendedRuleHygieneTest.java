package org.nmaudit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator does not plant extended-rules.md violations yet, so ordinary care must not trip those
 * rules by accident. The one known exception is NM-UNBUNDLE-63688: the brief asks for replacements
 * with a same-day 63688, and the labels mark those patients "extended:NM-UNBUNDLE-63688".
 */
class ExtendedRuleHygieneTest {
    private static final Set<String> PROGRAMMING = Set.of("95970", "95971", "95972");
    private static final Set<String> EM = Set.of("99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215");

    @TempDir
    static Path tmp;

    static GeneratedDataSet set;
    static List<CoreRuleOracle.Line> lines;
    static Map<String, Map<String, String>> rowsByKey = new HashMap<>();
    static CoreRuleOracle oracle;

    @BeforeAll
    static void generate() throws IOException {
        // A start before 2024-10-01 so that the M62.85 effective date is exercised.
        set = GeneratedDataSet.generate(tmp, new GeneratorSettings(2000, 18, 20251, LocalDate.of(2024, 4, 1), 40, 5, 0.08, 0.001));
        List<Map<String, String>> rows = set.read("claims.csv");
        lines = CoreRuleOracle.loadedLines(rows);
        for (Map<String, String> row : rows) {
            rowsByKey.putIfAbsent(row.get("claim_id") + "|" + row.get("line_number"), row);
        }
        oracle = new CoreRuleOracle(lines, CoreRuleOracle.outcomes(set.read("trial-outcomes.csv")),
                CoreRuleOracle.justifications(set.read("repeat-trial-justifications.csv")));
    }

    private static Map<String, String> row(CoreRuleOracle.Line l) {
        return rowsByKey.get(l.claimId() + "|" + l.lineNumber());
    }

    private static long days(LocalDate a, LocalDate b) {
        return ChronoUnit.DAYS.between(a, b);
    }

    @Test
    void medicareOutpatientTrialLinesCarryAUtn() {
        for (CoreRuleOracle.Line l : lines) {
            Map<String, String> r = row(l);
            String billType = r.get("bill_type").replaceFirst("^0(\\d{3})$", "$1");
            if (l.cpt().equals("63650") && billType.startsWith("13") && r.get("payer_type").equalsIgnoreCase("MEDICARE")) {
                assertTrue(r.get("prior_auth_number").matches("[A-Za-z0-9]{14}"), r.toString());
            }
        }
    }

    @Test
    void placeOfServiceUnitsAndCodesStayPlausible() {
        Map<String, Integer> leadUnits = new HashMap<>();
        Map<String, Integer> generatorUnits = new HashMap<>();
        for (CoreRuleOracle.Line l : lines) {
            String pos = row(l).get("place_of_service");
            String key = l.patient() + "|" + l.date() + "|" + l.institutional();
            if (Set.of("63685", "63655").contains(l.cpt())) {
                assertTrue(!pos.equals("11"), "NM-POS-PERM " + l);
            }
            assertTrue(!Set.of("63661", "63663").contains(l.cpt()), "NM-OFFICE-REVISION / NM-TRIAL-REMOVAL " + l);
            if (l.cpt().equals("63650")) {
                leadUnits.merge(key, l.units(), Integer::sum);
            }
            if (l.cpt().equals("63685")) {
                generatorUnits.merge(key, l.units(), Integer::sum);
            }
            if (PROGRAMMING.contains(l.cpt())) {
                assertEquals(1, l.units(), "NM-UNITS programming " + l);
            }
            if (l.diagnoses().contains("M62.85")) {
                assertTrue(!l.date().isBefore(LocalDate.of(2024, 10, 1)), "NM-DX-EFFECTIVE " + l);
            }
        }
        leadUnits.forEach((k, u) -> assertTrue(u <= 2, "NM-UNITS 63650 " + k));
        generatorUnits.forEach((k, u) -> assertTrue(u <= 1, "NM-UNITS 63685 " + k));
    }

    @Test
    void evaluationsInTheGlobalPeriodCarryAModifier() {
        Map<String, List<CoreRuleOracle.Line>> surgeries = new HashMap<>();
        for (CoreRuleOracle.Line l : lines) {
            if (Set.of("63650", "63685").contains(l.cpt())) {
                surgeries.computeIfAbsent(l.patient() + "|" + l.npi(), k -> new ArrayList<>()).add(l);
            }
        }
        for (CoreRuleOracle.Line l : lines) {
            if (!EM.contains(l.cpt())) {
                continue;
            }
            boolean inGlobal = surgeries.getOrDefault(l.patient() + "|" + l.npi(), List.of()).stream()
                    .anyMatch(s -> days(s.date(), l.date()) >= 0 && days(s.date(), l.date()) <= 10);
            if (inGlobal) {
                assertTrue(l.modifiers().stream().anyMatch(m -> Set.of("24", "25", "57").contains(m)), "NM-GLOBAL-EM " + l);
            }
        }
    }

    @Test
    void trialsHaveAPsychEvaluationNoThirdTrialAndNoBilledTrialProgramming() throws IOException {
        Map<String, List<LocalDate>> evaluations = new HashMap<>();
        for (Map<String, String> r : set.read("psych-evaluations.csv")) {
            evaluations.computeIfAbsent(r.get("patient_id"), k -> new ArrayList<>()).add(LocalDate.parse(r.get("evaluation_date")));
        }
        oracle.episodesByPatient.forEach((patient, episodes) -> {
            assertTrue(episodes.size() <= 2, "NM-TRIAL-LIMIT " + patient);
            for (CoreRuleOracle.Episode e : episodes) {
                assertTrue(evaluations.getOrDefault(patient, List.of()).stream()
                        .anyMatch(d -> days(d, e.date()) >= 0 && days(d, e.date()) <= 365), "NM-PSYCH-EVAL " + patient);
                Set<LocalDate> implants = new TreeSet<>();
                oracle.linesByPatient.get(patient).stream().filter(l -> l.cpt().equals("63685")).forEach(l -> implants.add(l.date()));
                for (CoreRuleOracle.Line l : oracle.linesByPatient.get(patient)) {
                    long d = days(e.date(), l.date());
                    if (Set.of("95971", "95972").contains(l.cpt()) && d >= 0 && d <= 10) {
                        assertTrue(implants.stream().anyMatch(i -> !i.isBefore(e.date()) && !i.isAfter(l.date())),
                                "NM-PROG-TRIAL " + l);
                    }
                }
            }
        });
    }

    @Test
    void programmingIsNeverTheRepAlone() throws IOException {
        Map<String, Set<String>> performers = new HashMap<>();
        for (Map<String, String> r : set.read("programming-sessions.csv")) {
            performers.computeIfAbsent(r.get("patient_id") + "|" + r.get("session_date"), k -> new HashSet<>())
                    .add(r.get("performed_by"));
        }
        for (CoreRuleOracle.Line l : lines) {
            if (PROGRAMMING.contains(l.cpt())) {
                Set<String> who = performers.getOrDefault(l.patient() + "|" + l.date(), Set.of());
                assertTrue(who.contains("PHYSICIAN") || who.contains("QHP"), "NM-PROG-REP " + l);
            }
        }
    }

    @Test
    void noDuplicateLinesAcrossClaimsAndNoSpinalGeneratorForPeripheralLeads() {
        Map<String, String> firstClaim = new HashMap<>();
        Map<String, Set<String>> codesByDay = new HashMap<>();
        for (CoreRuleOracle.Line l : lines) {
            String key = l.patient() + "|" + l.date() + "|" + l.cpt() + "|" + l.npi() + "|" + l.institutional() + "|"
                    + new TreeSet<>(l.modifiers());
            String earlier = firstClaim.putIfAbsent(key, l.claimId());
            assertTrue(earlier == null || earlier.equals(l.claimId()), "NM-DUP-LINE " + l);
            codesByDay.computeIfAbsent(l.patient() + "|" + l.date(), k -> new HashSet<>()).add(l.cpt());
        }
        codesByDay.forEach((day, codes) -> {
            if (codes.contains("63685") && (codes.contains("64555") || codes.contains("64596") || codes.contains("64597"))) {
                assertTrue(codes.contains("63650") || codes.contains("63655"), "NM-IPG-PNS " + day);
            }
        });
    }

    @Test
    void medicareNeverPaysBelowTheShippedFeeSchedule() {
        // extended-rules.md: the Medicare national averages shipped in data/reference/fee-schedule.csv.
        for (CoreRuleOracle.Line l : lines) {
            Map<String, String> r = row(l);
            if (!r.get("payer_type").equalsIgnoreCase("MEDICARE") || l.units() != 1 || r.get("paid_amount").isBlank()) {
                continue;
            }
            boolean facility = l.institutional() || Set.of("19", "21", "22", "23", "24").contains(r.get("place_of_service"));
            Double expected = expectedMedicarePayment(l.cpt(), l.institutional(), facility);
            if (expected != null) {
                double paid = Double.parseDouble(r.get("paid_amount").replace("$", "").replace(",", ""));
                assertTrue(paid >= expected * 0.95, "NM-UNDERPAID " + r);
            }
        }
    }

    private static Double expectedMedicarePayment(String cpt, boolean institutional, boolean facility) {
        if (institutional) {
            return switch (cpt) {
                case "63650", "64555" -> 6523.0;
                case "63685" -> 29617.0;
                default -> null;
            };
        }
        return switch (cpt) {
            case "63650" -> facility ? 407.0 : 2236.0;
            case "63685" -> facility ? Double.valueOf(337.0) : null;
            case "64555" -> facility ? Double.valueOf(317.0) : null;
            case "95970" -> 18.0;
            case "95971" -> facility ? 38.0 : 47.0;
            default -> null;
        };
    }

    @Test
    void sameDay63688OnlyWhereLabelled() throws IOException {
        Set<String> unbundled = new TreeSet<>();
        Map<String, Set<String>> codesByDay = new TreeMap<>();
        for (CoreRuleOracle.Line l : lines) {
            codesByDay.computeIfAbsent(l.patient() + "|" + l.date(), k -> new HashSet<>()).add(l.cpt());
        }
        codesByDay.forEach((day, codes) -> {
            if (codes.contains("63688") && codes.contains("63685")) {
                unbundled.add(day.substring(0, day.indexOf('|')));
            }
        });
        Set<String> labelled = new TreeSet<>();
        set.labels().forEach((patient, label) -> {
            if (label.has("extended:NM-UNBUNDLE-63688")) {
                labelled.add(patient);
            }
        });
        assertEquals(labelled, unbundled);
    }
}
