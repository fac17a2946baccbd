package org.nmaudit.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small, independent reading of core-rules.md over loaded claim lines, used only to check that the
 * generator's labels say what the data holds. Per patient it reports the core findings as
 * "NM-REPEAT-TRIAL", "NM-PROG-FREQ", "NM-TRIAL-DOC/&lt;reason&gt;" (CRITERIA_NOT_MET with /HIGH or
 * /MEDIUM), and per NPI the trial ratio counts.
 */
final class CoreRuleOracle {

    record Line(String claimId, int lineNumber, String patient, String npi, LocalDate date, String cpt,
            Set<String> diagnoses, boolean institutional, int units, Set<String> modifiers) {
    }

    record Outcome(LocalDate date, Double pain, Double analgesic, String functional) {
        boolean meets() {
            boolean improved = Set.of("Y", "YES", "TRUE").contains(functional.trim().toUpperCase(Locale.ROOT));
            return improved && ((pain != null && pain >= 50) || (analgesic != null && analgesic >= 50));
        }
    }

    /** One trial episode as the rules derive it. */
    record Episode(LocalDate date, String owner, boolean professional, String status, List<Line> lines) {
    }

    static final class Ratio {
        int converted;
        int failed;
        int pending;

        int decided() {
            return converted + failed;
        }

        boolean flagged() {
            return decided() >= 5 && converted * 2 < decided();
        }
    }

    final LocalDate asOf;
    final Map<String, Set<String>> findingsByPatient = new TreeMap<>();
    final Map<String, List<Episode>> episodesByPatient = new TreeMap<>();
    final Map<String, Ratio> ratios = new TreeMap<>();
    /** Patients with a programming line inside a grace month that would be flagged without the grace. */
    final Set<String> graceUsed = new TreeSet<>();
    final Map<String, List<Line>> linesByPatient = new TreeMap<>();

    CoreRuleOracle(List<Line> loaded, Map<String, List<Outcome>> outcomes, Map<String, List<LocalDate>> justifications) {
        asOf = loaded.stream().map(Line::date).max(Comparator.naturalOrder()).orElseThrow();
        for (Line l : loaded) {
            linesByPatient.computeIfAbsent(l.patient(), k -> new ArrayList<>()).add(l);
        }
        linesByPatient.forEach((patient, lines) -> evaluate(patient, lines,
                outcomes.getOrDefault(patient, List.of()), justifications.getOrDefault(patient, List.of())));
    }

    private static long days(LocalDate a, LocalDate b) {
        return ChronoUnit.DAYS.between(a, b);
    }

    private void evaluate(String patient, List<Line> lines, List<Outcome> outcomes, List<LocalDate> justifications) {
        lines.sort(Comparator.comparing(Line::date).thenComparing(Line::claimId).thenComparingInt(Line::lineNumber));
        Set<String> findings = new TreeSet<>();
        Set<LocalDate> implantDays = new TreeSet<>();
        for (Line l : lines) {
            if (l.cpt().equals("63685")) {
                implantDays.add(l.date());
            }
        }
        // Trial episodes and their owners.
        Map<LocalDate, List<Line>> trialLines = new TreeMap<>();
        for (Line l : lines) {
            if (l.cpt().equals("63650") && !implantDays.contains(l.date())) {
                trialLines.computeIfAbsent(l.date(), k -> new ArrayList<>()).add(l);
            }
        }
        // Implant events: new or replacement.
        Map<LocalDate, Boolean> replacement = new TreeMap<>();
        LocalDate firstImplant = implantDays.isEmpty() ? null : implantDays.iterator().next();
        for (LocalDate day : implantDays) {
            boolean byHistory = !day.equals(firstImplant);
            boolean byDiagnosis = lines.stream().anyMatch(l -> l.date().equals(day) && l.cpt().equals("63685")
                    && l.diagnoses().stream().anyMatch(d -> d.equals("Z45.42") || d.startsWith("T85.1")));
            boolean byRemoval = lines.stream().anyMatch(l -> l.date().equals(day) && l.cpt().equals("63688"));
            replacement.put(day, byHistory || byDiagnosis || byRemoval);
        }
        List<LocalDate> trialDays = new ArrayList<>(trialLines.keySet());
        List<LocalDate> newImplants = new ArrayList<>();
        replacement.forEach((day, isReplacement) -> {
            if (!isReplacement) {
                newImplants.add(day);
            }
        });

        List<Episode> episodes = new ArrayList<>();
        for (LocalDate t : trialDays) {
            List<Line> tl = trialLines.get(t);
            Line owner = tl.stream().filter(l -> !l.institutional()).findFirst().orElse(tl.get(0));
            boolean professional = tl.stream().anyMatch(l -> !l.institutional());
            boolean converted = newImplants.stream().anyMatch(p -> days(t, p) > 0 && days(t, p) <= 180
                    && trialDays.stream().noneMatch(o -> o.isAfter(t) && o.isBefore(p)));
            String status = converted ? "CONVERTED" : days(t, asOf) < 180 ? "PENDING" : "FAILED";
            episodes.add(new Episode(t, owner.npi(), professional, status, tl));
            if (professional) {
                Ratio r = ratios.computeIfAbsent(owner.npi(), k -> new Ratio());
                switch (status) {
                    case "CONVERTED" -> r.converted++;
                    case "FAILED" -> r.failed++;
                    default -> r.pending++;
                }
            }
        }
        episodesByPatient.put(patient, episodes);

        // NM-REPEAT-TRIAL
        for (int k = 1; k < trialDays.size(); k++) {
            LocalDate t1 = trialDays.get(k - 1);
            LocalDate t2 = trialDays.get(k);
            boolean implantBetween = newImplants.stream().anyMatch(d -> d.isAfter(t1) && d.isBefore(t2));
            boolean justified = justifications.stream().anyMatch(j -> j.isAfter(t1) && !j.isAfter(t2));
            if (!implantBetween && !justified) {
                findings.add("NM-REPEAT-TRIAL");
            }
        }

        // NM-PROG-FREQ
        List<Line> programming = lines.stream().filter(l -> Set.of("95970", "95971", "95972").contains(l.cpt())).toList();
        for (int k = 1; k < programming.size(); k++) {
            LocalDate l2 = programming.get(k).date();
            boolean tooSoon = days(programming.get(k - 1).date(), l2) < 30;
            boolean grace = implantDays.stream().anyMatch(i -> days(i, l2) >= 0 && days(i, l2) < 30);
            if (tooSoon && !grace) {
                findings.add("NM-PROG-FREQ");
            }
            if (tooSoon && grace) {
                graceUsed.add(patient);
            }
        }

        // NM-TRIAL-DOC
        for (LocalDate p : newImplants) {
            LocalDate t = null;
            for (LocalDate candidate : trialDays) {
                if (days(candidate, p) > 0 && days(candidate, p) <= 180) {
                    t = candidate;
                }
            }
            if (t == null) {
                boolean older = trialDays.stream().anyMatch(c -> c.isBefore(p));
                findings.add(older ? "NM-TRIAL-DOC/TRIAL_OUTSIDE_WINDOW" : "NM-TRIAL-DOC/NO_TRIAL");
                continue;
            }
            LocalDate trial = t;
            List<Outcome> inWindow = outcomes.stream().filter(o -> !o.date().isBefore(trial) && !o.date().isAfter(p)).toList();
            if (inWindow.isEmpty()) {
                findings.add("NM-TRIAL-DOC/NO_OUTCOME");
            } else if (inWindow.stream().noneMatch(Outcome::meets)) {
                boolean crps = lines.stream().anyMatch(l -> (l.date().equals(trial) || l.date().equals(p))
                        && l.diagnoses().stream().anyMatch(d -> d.startsWith("G90.5")));
                findings.add("NM-TRIAL-DOC/CRITERIA_NOT_MET/" + (crps ? "MEDIUM" : "HIGH"));
            }
        }
        findingsByPatient.put(patient, findings);
    }

    Set<String> findings(String patient) {
        return findingsByPatient.getOrDefault(patient, Set.of());
    }

    /** Loads claim rows the way data-format.md says: valid rows only, the first of a duplicated key. */
    static List<Line> loadedLines(List<Map<String, String>> rows) {
        List<Line> loaded = new ArrayList<>();
        for (Map<String, String> row : InputFormatRules.loadedClaimRows(rows)) {
            int lineNumber = Integer.parseInt(row.get("line_number").trim());
            Set<String> dx = InputFormatRules.diagnoses(row.get("diagnosis_codes"));
            Set<String> modifiers = InputFormatRules.modifiers(row.get("modifiers"));
            String units = row.get("units").trim();
            loaded.add(new Line(row.get("claim_id").trim(), lineNumber, row.get("patient_id").trim(),
                    row.get("rendering_npi").trim(), LocalDate.parse(row.get("service_date").trim()),
                    row.get("cpt_code").trim().toUpperCase(Locale.ROOT), dx, !row.get("bill_type").isBlank(),
                    units.isEmpty() ? 1 : (int) Double.parseDouble(units), modifiers));
        }
        return loaded;
    }

    static Map<String, List<Outcome>> outcomes(List<Map<String, String>> rows) {
        Map<String, List<Outcome>> out = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            out.computeIfAbsent(row.get("patient_id"), k -> new ArrayList<>()).add(new Outcome(
                    LocalDate.parse(row.get("documented_date")), number(row.get("pain_relief_pct")),
                    number(row.get("analgesic_reduction_pct")), row.get("functional_improvement")));
        }
        return out;
    }

    static Map<String, List<LocalDate>> justifications(List<Map<String, String>> rows) {
        Map<String, List<LocalDate>> out = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            out.computeIfAbsent(row.get("patient_id"), k -> new ArrayList<>()).add(LocalDate.parse(row.get("documented_date")));
        }
        return out;
    }

    private static Double number(String text) {
        return text.isBlank() ? null : Double.valueOf(text.trim());
    }
}
