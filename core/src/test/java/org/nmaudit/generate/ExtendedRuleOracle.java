package org.nmaudit.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A small, independent reading of extended-rules.md over loaded claim lines and the documentation
 * files, used only to check that the generator's labels say what the data holds. For every rule it
 * lists the flagged lines with their severity, at the default parameters. Trial episodes, their owners
 * and implant days are derived here again, as core-rules.md defines them.
 */
final class ExtendedRuleOracle {

    static final List<String> RULES = List.of(
            "NM-PROG-REP", "NM-PROG-TRIAL", "NM-PA-MISSING", "NM-TRIAL-LIMIT", "NM-UNITS", "NM-POS-PERM",
            "NM-OFFICE-REVISION", "NM-TRIAL-REMOVAL", "NM-UNBUNDLE-63688", "NM-IPG-PNS", "NM-DX-EFFECTIVE",
            "NM-PSYCH-EVAL", "NM-GLOBAL-EM", "NM-DUP-LINE", "NM-UNDERPAID");

    static final Set<String> PROGRAMMING = Set.of("95970", "95971", "95972");
    static final Set<String> EM = Set.of("99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215");
    static final Set<String> GLOBAL_MODIFIERS = Set.of("24", "25", "57");
    static final Pattern UTN = Pattern.compile("[A-Za-z0-9]{14}");
    static final LocalDate OPD_PRIOR_AUTH_START = LocalDate.of(2021, 7, 1);
    static final LocalDate M62_85_EFFECTIVE = LocalDate.of(2024, 10, 1);
    static final Set<String> FACILITY_PLACES = Set.of("19", "21", "22", "23", "24");
    static final BigDecimal PAID_SHARE_TOLERATED = new BigDecimal("0.95");

    /**
     * One loaded claims.csv row. {@code billType} with a 4-digit value's leading 0 dropped (as written in
     * {@code billTypeAsWritten}); paid null when blank.
     */
    record Line(String claimId, int lineNumber, String patient, String payer, String npi, LocalDate date, String cpt,
            Set<String> modifiers, BigDecimal units, Set<String> diagnoses, String pos, String billType,
            String billTypeAsWritten, String priorAuth, BigDecimal paid) {

        boolean institutional() {
            return !billType.isEmpty();
        }

        boolean medicare() {
            return payer.equals("MEDICARE");
        }

        boolean unitsOne() {
            return units.compareTo(BigDecimal.ONE) == 0;
        }
    }

    /** A trial episode: its day, its owner NPI and its 63650 lines. */
    record Episode(LocalDate date, String owner, List<Line> lines) {
    }

    record FeeRow(String payer, String cpt, String setting, String component, BigDecimal expected, LocalDate from) {
    }

    final Map<String, List<Line>> linesByPatient = new TreeMap<>();
    final Map<String, List<Episode>> episodesByPatient = new TreeMap<>();
    final Map<String, Set<LocalDate>> implantDays = new HashMap<>();
    /** patient|date -> performed_by values of programming-sessions.csv. */
    final Map<String, Set<String>> performers = new HashMap<>();
    final Map<String, List<LocalDate>> evaluations = new HashMap<>();
    final List<FeeRow> feeSchedule;
    /** rule -> flagged line -> severity. */
    final Map<String, Map<Line, String>> findings = new TreeMap<>();

    ExtendedRuleOracle(GeneratedDataSet data, Path feeScheduleFile) throws IOException {
        for (Line l : loadedLines(data.read("claims.csv"))) {
            linesByPatient.computeIfAbsent(l.patient(), k -> new ArrayList<>()).add(l);
        }
        for (Map<String, String> r : data.read("programming-sessions.csv")) {
            performers.computeIfAbsent(r.get("patient_id") + "|" + r.get("session_date"), k -> new HashSet<>())
                    .add(r.get("performed_by").trim().toUpperCase(Locale.ROOT));
        }
        for (Map<String, String> r : data.read("psych-evaluations.csv")) {
            evaluations.computeIfAbsent(r.get("patient_id"), k -> new ArrayList<>()).add(LocalDate.parse(r.get("evaluation_date")));
        }
        feeSchedule = new ArrayList<>();
        for (Map<String, String> r : GeneratedDataSet.readCsv(feeScheduleFile)) {
            feeSchedule.add(new FeeRow(r.get("payer_type"), r.get("cpt_code"), r.get("setting"), r.get("component"),
                    new BigDecimal(r.get("expected_amount")), LocalDate.parse(r.get("effective_from"))));
        }
        RULES.forEach(rule -> findings.put(rule, new LinkedHashMap<>()));
        linesByPatient.forEach(this::derive);
        linesByPatient.forEach(this::evaluate);
    }

    static boolean isExtendedRuleTag(String tag) {
        String label = tag.substring(tag.indexOf(':') + 1);
        int slash = label.indexOf('/');
        return RULES.contains(slash < 0 ? label : label.substring(0, slash));
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    List<Line> lines(String patient) {
        return linesByPatient.getOrDefault(patient, List.of());
    }

    List<Episode> episodes(String patient) {
        return episodesByPatient.getOrDefault(patient, List.of());
    }

    boolean flagged(String rule, Line line) {
        return findings.get(rule).containsKey(line);
    }

    Set<String> flaggedPatients(String rule) {
        Set<String> patients = new TreeSet<>();
        findings.get(rule).keySet().forEach(l -> patients.add(l.patient()));
        return patients;
    }

    /** Whether the patient has an implant day D with from <= D <= to. */
    boolean implantBetween(String patient, LocalDate from, LocalDate to) {
        return implantDays.getOrDefault(patient, Set.of()).stream().anyMatch(d -> !d.isBefore(from) && !d.isAfter(to));
    }

    /** The expected amount fee-schedule.csv gives the line, or null when no row matches. */
    BigDecimal expected(Line l) {
        String setting = l.institutional() || FACILITY_PLACES.contains(l.pos()) ? "FACILITY" : "NON_FACILITY";
        String component = l.institutional() ? "FACILITY_FEE" : "PROFESSIONAL";
        FeeRow best = null;
        for (FeeRow r : feeSchedule) {
            if (r.payer().equals(l.payer()) && r.cpt().equals(l.cpt()) && r.setting().equals(setting)
                    && r.component().equals(component) && !r.from().isAfter(l.date())
                    && (best == null || r.from().isAfter(best.from()))) {
                best = r;
            }
        }
        return best == null ? null : best.expected();
    }

    /** core-rules.md: trial episodes (63650 days without 63685) with their owners, and implant days. */
    private void derive(String patient, List<Line> lines) {
        lines.sort(Comparator.comparing(Line::claimId).thenComparingInt(Line::lineNumber));
        Set<LocalDate> implants = new TreeSet<>();
        lines.stream().filter(l -> l.cpt().equals("63685")).forEach(l -> implants.add(l.date()));
        implantDays.put(patient, implants);
        Map<LocalDate, List<Line>> trialLines = new TreeMap<>();
        for (Line l : lines) {
            if (l.cpt().equals("63650") && !implants.contains(l.date())) {
                trialLines.computeIfAbsent(l.date(), k -> new ArrayList<>()).add(l);
            }
        }
        List<Episode> episodes = new ArrayList<>();
        trialLines.forEach((day, tl) -> {
            Line owner = tl.stream().filter(l -> !l.institutional()).findFirst().orElse(tl.get(0));
            episodes.add(new Episode(day, owner.npi(), tl));
        });
        episodesByPatient.put(patient, episodes);
    }

    private void flag(String rule, Line line, String severity) {
        findings.get(rule).put(line, severity);
    }

    private void evaluate(String patient, List<Line> lines) {
        List<Episode> episodes = episodes(patient);
        Map<LocalDate, Set<String>> codesByDay = new HashMap<>();
        for (Line l : lines) {
            codesByDay.computeIfAbsent(l.date(), k -> new HashSet<>()).add(l.cpt());
        }
        Map<String, List<Line>> units63650 = new LinkedHashMap<>();
        Map<String, List<Line>> units63685 = new LinkedHashMap<>();
        Map<String, Line> firstOfKey = new HashMap<>();
        for (Line l : lines) { // in claim_id, line_number order
            Set<String> dayCodes = codesByDay.get(l.date());
            // NM-PROG-REP
            if (PROGRAMMING.contains(l.cpt())) {
                Set<String> who = performers.getOrDefault(patient + "|" + l.date(), Set.of());
                if (who.contains("MANUFACTURER_REP") && !who.contains("PHYSICIAN") && !who.contains("QHP")) {
                    flag("NM-PROG-REP", l, "HIGH");
                }
            }
            // NM-PROG-TRIAL
            if (l.cpt().equals("95971") || l.cpt().equals("95972")) {
                for (Episode t : episodes) {
                    long d = days(t.date(), l.date());
                    if (d >= 0 && d <= 10 && !implantBetween(patient, t.date(), l.date())) {
                        flag("NM-PROG-TRIAL", l, "MEDIUM");
                    }
                }
            }
            // NM-PA-MISSING
            if (l.medicare() && l.billType().length() == 3 && l.billType().startsWith("13") && l.cpt().equals("63650")
                    && !l.date().isBefore(OPD_PRIOR_AUTH_START)) {
                if (l.priorAuth().isEmpty()) {
                    flag("NM-PA-MISSING", l, "BLOCKER");
                } else if (!UTN.matcher(l.priorAuth()).matches()) {
                    flag("NM-PA-MISSING", l, "HIGH");
                }
            }
            // NM-UNITS (a), (b): grouped below; (c)
            String group = l.date() + "|" + l.institutional();
            if (l.cpt().equals("63650")) {
                units63650.computeIfAbsent(group, k -> new ArrayList<>()).add(l);
            }
            if (l.cpt().equals("63685")) {
                units63685.computeIfAbsent(group, k -> new ArrayList<>()).add(l);
            }
            if (PROGRAMMING.contains(l.cpt()) && l.units().compareTo(BigDecimal.ONE) > 0) {
                flag("NM-UNITS", l, "HIGH");
            }
            // NM-POS-PERM, NM-OFFICE-REVISION
            if ((l.cpt().equals("63685") || l.cpt().equals("63655")) && l.pos().equals("11")) {
                flag("NM-POS-PERM", l, "HIGH");
            }
            if ((l.cpt().equals("63661") || l.cpt().equals("63663")) && l.pos().equals("11")) {
                flag("NM-OFFICE-REVISION", l, "HIGH");
            }
            // NM-TRIAL-REMOVAL
            if (l.cpt().equals("63661")) {
                for (Episode t : episodes) {
                    long d = days(t.date(), l.date());
                    if (d > 0 && d <= 10 && t.owner().equals(l.npi())) {
                        flag("NM-TRIAL-REMOVAL", l, "MEDIUM");
                    }
                }
            }
            // NM-UNBUNDLE-63688
            if (l.cpt().equals("63688") && dayCodes.contains("63685")) {
                flag("NM-UNBUNDLE-63688", l, "MEDIUM");
            }
            // NM-IPG-PNS
            if (l.cpt().equals("63685") && (dayCodes.contains("64555") || dayCodes.contains("64596") || dayCodes.contains("64597"))
                    && !dayCodes.contains("63650") && !dayCodes.contains("63655")) {
                flag("NM-IPG-PNS", l, "HIGH");
            }
            // NM-DX-EFFECTIVE
            if (l.diagnoses().contains("M62.85") && l.date().isBefore(M62_85_EFFECTIVE)) {
                flag("NM-DX-EFFECTIVE", l, "MEDIUM");
            }
            // NM-GLOBAL-EM
            if (EM.contains(l.cpt()) && l.modifiers().stream().noneMatch(GLOBAL_MODIFIERS::contains)) {
                boolean inGlobal = lines.stream().anyMatch(s -> (s.cpt().equals("63650") || s.cpt().equals("63685"))
                        && s.npi().equals(l.npi()) && days(s.date(), l.date()) >= 0 && days(s.date(), l.date()) <= 10);
                if (inGlobal) {
                    flag("NM-GLOBAL-EM", l, "MEDIUM");
                }
            }
            // NM-DUP-LINE
            Line earlier = firstOfKey.putIfAbsent(dupKey(l), l);
            if (earlier != null && !earlier.claimId().equals(l.claimId())) {
                flag("NM-DUP-LINE", l, "HIGH");
            }
            // NM-UNDERPAID
            BigDecimal expected = expected(l);
            if (expected != null && l.unitsOne() && l.paid() != null
                    && l.paid().compareTo(expected.multiply(PAID_SHARE_TOLERATED)) < 0) {
                flag("NM-UNDERPAID", l, "INFO");
            }
        }
        units63650.values().forEach(group -> flagIfAbove(group, 2));
        units63685.values().forEach(group -> flagIfAbove(group, 1));
        // NM-TRIAL-LIMIT, NM-PSYCH-EVAL
        for (int k = 0; k < episodes.size(); k++) {
            Episode t = episodes.get(k);
            if (k >= 2) {
                t.lines().forEach(l -> flag("NM-TRIAL-LIMIT", l, "HIGH"));
            }
            boolean evaluated = evaluations.getOrDefault(patient, List.of()).stream()
                    .anyMatch(e -> days(e, t.date()) >= 0 && days(e, t.date()) <= 365);
            if (!evaluated) {
                t.lines().forEach(l -> flag("NM-PSYCH-EVAL", l, "HIGH"));
            }
        }
    }

    private void flagIfAbove(List<Line> group, int max) {
        BigDecimal sum = group.stream().map(Line::units).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.valueOf(max)) > 0) {
            group.forEach(l -> flag("NM-UNITS", l, "HIGH"));
        }
    }

    static String dupKey(Line l) {
        return l.patient() + "|" + l.date() + "|" + l.cpt() + "|" + l.npi() + "|" + l.institutional() + "|"
                + new TreeSet<>(l.modifiers());
    }

    /** data-format.md: the rows a reader loads (valid, first of a duplicated key), with the columns the rules read. */
    static List<Line> loadedLines(List<Map<String, String>> rows) {
        List<Line> loaded = new ArrayList<>();
        for (Map<String, String> row : InputFormatRules.loadedClaimRows(rows)) {
            int lineNumber = Integer.parseInt(row.get("line_number").trim());
            Set<String> dx = InputFormatRules.diagnoses(row.get("diagnosis_codes"));
            Set<String> modifiers = InputFormatRules.modifiers(row.get("modifiers"));
            String units = row.get("units").trim();
            String written = row.get("bill_type").trim();
            String billType = written.length() == 4 && written.startsWith("0") ? written.substring(1) : written;
            String paid = row.get("paid_amount").trim();
            loaded.add(new Line(row.get("claim_id").trim(), lineNumber, row.get("patient_id").trim(),
                    row.get("payer_type").trim().toUpperCase(Locale.ROOT), row.get("rendering_npi").trim(),
                    LocalDate.parse(row.get("service_date").trim()), row.get("cpt_code").trim().toUpperCase(Locale.ROOT),
                    modifiers, units.isEmpty() ? BigDecimal.ONE : new BigDecimal(units), dx,
                    row.get("place_of_service").trim(), billType, written, row.get("prior_auth_number").trim(),
                    paid.isEmpty() ? null : new BigDecimal(paid.replace("$", "").replace(",", ""))));
        }
        return loaded;
    }
}
