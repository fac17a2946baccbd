package org.nmaudit.generate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.nmaudit.input.Npi;

/**
 * The row validation of data-format.md, written independently of the generator, so the tests can
 * tell which rows a reader must load and which it must reject.
 */
final class InputFormatRules {
    private static final Set<String> PAYERS = Set.of("MEDICARE", "MEDICARE_ADVANTAGE", "MEDICAID", "COMMERCIAL", "OTHER");
    private static final Pattern CPT = Pattern.compile("\\d{5}|\\d{4}[TFU]|[A-Z]\\d{4}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern AMOUNT = Pattern.compile("-?\\$?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ICD10 = Pattern.compile("[A-Z]\\d[0-9A-Z](\\.?[0-9A-Z]{1,4})?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private InputFormatRules() {
    }

    /** The problems of one claims.csv row (empty when the row loads); duplicates are checked by the caller. */
    static List<String> claimRowProblems(Map<String, String> row) {
        List<String> p = new ArrayList<>();
        if (row.get("claim_id").isBlank()) {
            p.add("claim_id blank");
        }
        String line = row.get("line_number").trim();
        if (!DIGITS.matcher(line).matches() || Long.parseLong(line) < 1) {
            p.add("line_number " + line);
        }
        if (row.get("patient_id").isBlank()) {
            p.add("patient_id blank");
        }
        if (!PAYERS.contains(row.get("payer_type").trim().toUpperCase(Locale.ROOT))) {
            p.add("payer_type " + row.get("payer_type"));
        }
        if (!Npi.isValid(row.get("rendering_npi").trim())) {
            p.add("rendering_npi " + row.get("rendering_npi"));
        }
        if (date(row.get("service_date")) == null) {
            p.add("service_date " + row.get("service_date"));
        }
        if (!CPT.matcher(row.get("cpt_code").trim().toUpperCase(Locale.ROOT)).matches()) {
            p.add("cpt_code " + row.get("cpt_code"));
        }
        List<String> modifiers = items(row.get("modifiers"));
        if (modifiers.size() > 4 || modifiers.stream().anyMatch(m -> !MODIFIER.matcher(m.toUpperCase(Locale.ROOT)).matches())) {
            p.add("modifiers " + row.get("modifiers"));
        }
        String units = row.get("units").trim();
        if (!units.isEmpty() && (!NUMBER.matcher(units).matches() || Double.parseDouble(units) <= 0)) {
            p.add("units " + units);
        }
        for (String dx : items(row.get("diagnosis_codes"))) {
            if (!ICD10.matcher(dx.toUpperCase(Locale.ROOT)).matches()) {
                p.add("diagnosis_codes " + dx);
            }
        }
        String pos = row.get("place_of_service").trim();
        if (!pos.isEmpty() && !pos.matches("\\d{2}")) {
            p.add("place_of_service " + pos);
        }
        String billType = row.get("bill_type").trim();
        if (!billType.isEmpty() && !billType.matches("\\d{3,4}")) {
            p.add("bill_type " + billType);
        }
        for (String column : List.of("billed_amount", "paid_amount")) {
            String amount = row.get(column).trim();
            if (!amount.isEmpty() && !AMOUNT.matcher(amount).matches()) {
                p.add(column + " " + amount);
            }
        }
        return p;
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean percentOk(String text) {
        String t = text.trim();
        return t.isEmpty() || (NUMBER.matcher(t).matches() && Double.parseDouble(t) <= 100);
    }

    static boolean functionalImprovementOk(String text) {
        return Set.of("", "Y", "N", "YES", "NO", "TRUE", "FALSE").contains(text.trim().toUpperCase(Locale.ROOT));
    }

    static List<String> items(String cell) {
        List<String> out = new ArrayList<>();
        for (String item : cell.split(";")) {
            if (!item.trim().isEmpty()) {
                out.add(item.trim());
            }
        }
        return out;
    }

    /** "M961" -> "M96.1": a dot after the third character when longer than 3 and undotted. */
    static String normalizedDiagnosis(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        return c.length() > 3 && c.indexOf('.') < 0 ? c.substring(0, 3) + "." + c.substring(3) : c;
    }

    /** The claim rows a reader loads (data-format.md): valid ones, the first of a repeated (claim_id, line_number). */
    static List<Map<String, String>> loadedClaimRows(List<Map<String, String>> rows) {
        List<Map<String, String>> loaded = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Map<String, String> row : rows) {
            if (claimRowProblems(row).isEmpty()
                    && keys.add(row.get("claim_id").trim() + "|" + Integer.parseInt(row.get("line_number").trim()))) {
                loaded.add(row);
            }
        }
        return loaded;
    }

    /** The diagnosis codes of a cell, normalised to the dotted form, in order. */
    static Set<String> diagnoses(String cell) {
        Set<String> dx = new LinkedHashSet<>();
        items(cell).forEach(d -> dx.add(normalizedDiagnosis(d)));
        return dx;
    }

    /** The modifiers of a cell, upper-cased, in order. */
    static Set<String> modifiers(String cell) {
        Set<String> modifiers = new LinkedHashSet<>();
        items(cell).forEach(m -> modifiers.add(m.toUpperCase(Locale.ROOT)));
        return modifiers;
    }
}
