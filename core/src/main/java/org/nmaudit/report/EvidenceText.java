package org.nmaudit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One evidence fact of findings.json in words a compliance officer reads, e.g. "Claim C123 line 2: 63650
 * on 2025-03-04 for patient P1, rendered by 1234567893 (professional, MEDICARE), paid $407.00". The first
 * line says what the fact is; further lines give the details a rule may have matched on and where the
 * fact was read. A fact type this class does not know (a new rule's own fact), or a known one missing a
 * field, is written as {@code FactType: key=value, ...}.
 */
public final class EvidenceText {
    /** The key of findings.json's evidence entries that holds the fact type. */
    public static final String FACT = "fact";

    private EvidenceText() {
    }

    /** The fact in words: a first line, then detail lines (possibly none). */
    public static List<String> describe(Map<String, String> fact) {
        String type = fact.get(FACT);
        try {
            List<String> known = known(type == null ? "" : type, new Fields(fact));
            if (known != null) {
                return known;
            }
        } catch (MissingField | NumberFormatException e) {
            // written generically below
        }
        return List.of(generic(fact));
    }

    /** {@code FactType: key=value, ...}, every field in the order findings.json gives them. */
    public static String generic(Map<String, String> fact) {
        StringJoiner fields = new StringJoiner(", ");
        fact.forEach((k, v) -> {
            if (!FACT.equals(k)) {
                fields.add(k + "=" + (v == null ? "" : v));
            }
        });
        String type = fact.get(FACT);
        return (type == null || type.isBlank() ? "Fact" : type) + ": " + fields;
    }

    private static List<String> known(String type, Fields f) {
        return switch (type) {
            case "ClaimLine" -> claimLine(f, "");
            case "TrialLine" -> claimLine(f, " (trial line)");
            case "ProgrammingLine" -> claimLine(f, " (analysis/programming line)");
            case "TrialEpisode" -> List.of(trialEpisode(f));
            case "TrialStatus" -> List.of(trialEpisode(f) + ": " + trialStatus(f));
            case "Conversion" -> List.of("Conversion: the trial of " + f.need("trial_date") + " of patient "
                    + f.need("patient_id") + " was followed by the new implant of " + f.need("implant_date"));
            case "PermanentImplant" -> List.of(permanentImplant(f));
            case "ProgrammingSession" -> withSource(programmingSession(f), f, "programming-sessions.csv");
            case "FeeScheduleRate" -> feeScheduleRate(f);
            case "TrialOutcome" -> withSource(trialOutcome(f), f, "trial-outcomes.csv");
            case "RepeatTrialJustification" -> withSource("Repeat-trial justification documented on "
                    + f.need("documented_date") + " for patient " + f.need("patient_id") + ": \"" + f.need("reason")
                    + "\"", f, "repeat-trial-justifications.csv");
            case "PsychEvaluation" -> withSource("Psychological evaluation on " + f.need("evaluation_date")
                    + " of patient " + f.need("patient_id") + (f.has("evaluator_credential")
                    ? " by a " + f.get("evaluator_credential") : ""), f, "psych-evaluations.csv");
            case "ProviderRatio" -> List.of(providerRatio(f));
            case "RatedPhysician" -> List.of("Rendering NPI " + f.need("rendering_npi")
                    + " owns trials seen on a professional claim, so the conversion ratio rates it");
            case "DailyUnits" -> List.of(number(f.need("total_units")) + " unit(s) of " + f.need("cpt_code")
                    + " for patient " + f.need("patient_id") + " on " + f.need("service_date") + " on "
                    + f.need("claim_type") + " claims (" + f.need("lines") + " line(s))");
            case "AsOf" -> List.of("As-of date of the audit: " + f.need("as_of"));
            case "ProcedureCode" -> List.of(procedureCode(f));
            default -> null;
        };
    }

    private static List<String> claimLine(Fields f, String role) {
        String amount;
        if (f.has("paid_amount")) {
            amount = "paid " + money(f.get("paid_amount"));
        } else if (f.has("billed_amount")) {
            amount = "billed " + money(f.get("billed_amount")) + ", not paid";
        } else {
            amount = "no amount billed or paid";
        }
        String headline = "Claim " + f.need("claim_id") + " line " + f.need("line_number") + role + ": "
                + f.need("cpt_code") + " on " + f.need("service_date") + " for patient " + f.need("patient_id")
                + ", rendered by " + f.need("rendering_npi") + " (" + f.need("claim_type") + ", "
                + f.need("payer_type") + "), " + amount;
        StringJoiner details = new StringJoiner("; ");
        if (f.has("units")) {
            details.add("units " + number(f.get("units")));
        }
        if (f.has("modifiers")) {
            details.add("modifiers " + f.get("modifiers").replace(";", ", "));
        }
        if (f.has("diagnosis_codes")) {
            details.add("diagnoses " + f.get("diagnosis_codes").replace(";", ", "));
        }
        if (f.has("place_of_service")) {
            details.add("place of service " + f.get("place_of_service"));
        }
        if (f.has("bill_type")) {
            details.add("bill type " + f.get("bill_type"));
        }
        if (f.has("prior_auth_number")) {
            details.add("prior authorization " + f.get("prior_auth_number"));
        }
        if (f.has("paid_amount") && f.has("billed_amount")) {
            details.add("billed " + money(f.get("billed_amount")));
        }
        if (f.has("source_line")) {
            // an X12 line names its file and segment; a claims.csv line (no source_file) its physical line
            details.add(f.has("source_file") ? f.get("source_file") + " segment " + f.get("source_line")
                    : "claims.csv line " + f.get("source_line"));
        }
        List<String> lines = new ArrayList<>();
        lines.add(headline);
        if (details.length() > 0) {
            lines.add(details.toString());
        }
        return lines;
    }

    private static String trialEpisode(Fields f) {
        String s = "Trial episode on " + f.need("trial_date") + " of patient " + f.need("patient_id") + ", owned by "
                + f.need("owner_npi");
        if ("false".equals(f.get("on_professional_claim"))) {
            s += " (seen on institutional claims only, so not counted in the physician's conversion ratio)";
        }
        return s;
    }

    private static String trialStatus(Fields f) {
        String status = f.need("status");
        return switch (status) {
            case "CONVERTED" -> "CONVERTED" + (f.has("implant_date") ? " by the new implant of " + f.get("implant_date")
                    : "");
            case "PENDING" -> "PENDING (within the conversion window on the as-of date)";
            case "FAILED" -> "FAILED (no new implant within the conversion window)";
            default -> status;
        };
    }

    private static String permanentImplant(Fields f) {
        boolean replacement = "replacement".equals(f.need("kind"));
        return (replacement ? "Replacement implant" : "New implant") + " on " + f.need("implant_date")
                + " for patient " + f.need("patient_id") + (f.has("basis") ? " (" + f.get("basis") + ")" : "");
    }

    private static String programmingSession(Fields f) {
        return "Programming session on " + f.need("session_date") + " for patient " + f.need("patient_id")
                + " performed by " + f.need("performed_by")
                + (f.has("performer_name") ? " (" + f.get("performer_name") + ")" : "");
    }

    private static List<String> feeScheduleRate(Fields f) {
        String headline = "Fee schedule: " + f.need("payer_type") + " " + f.need("cpt_code") + " " + f.need("setting")
                + " " + f.need("component") + " " + money(f.need("expected_amount")) + " from "
                + f.need("effective_from");
        StringJoiner details = new StringJoiner("; ");
        if (f.has("source")) {
            details.add("source: " + f.get("source"));
        }
        if (f.has("source_line")) {
            details.add("fee-schedule.csv line " + f.get("source_line"));
        }
        return details.length() == 0 ? List.of(headline) : List.of(headline, details.toString());
    }

    private static String trialOutcome(Fields f) {
        String improvement = switch (f.need("functional_improvement")) {
            case "Y" -> "yes";
            case "N" -> "no";
            default -> "not documented";
        };
        return "Trial outcome documented on " + f.need("documented_date") + " for patient " + f.need("patient_id")
                + ": pain relief " + percent(f.get("pain_relief_pct")) + ", analgesic reduction "
                + percent(f.get("analgesic_reduction_pct")) + ", functional improvement " + improvement;
    }

    private static String providerRatio(Fields f) {
        int converted = Integer.parseInt(f.need("converted"));
        int failed = Integer.parseInt(f.need("failed"));
        int decided = converted + failed;
        String ratio = decided == 0 ? "no trial decided yet"
                : converted + " of " + decided + " decided trials converted ("
                + BigDecimal.valueOf(converted).movePointRight(2)
                        .divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP).toPlainString() + "%)";
        return "Trial conversion tally of rendering NPI " + f.need("rendering_npi") + ": " + f.need("trials")
                + " trials, " + converted + " converted, " + failed + " failed, " + f.need("pending") + " pending; "
                + ratio;
    }

    private static String procedureCode(Fields f) {
        StringJoiner extra = new StringJoiner(", ", " (", ")").setEmptyValue("");
        if (f.has("work_rvu")) {
            extra.add("work RVU " + f.get("work_rvu"));
        }
        if (f.has("global_period")) {
            extra.add("global period " + f.get("global_period"));
        }
        return "Code " + f.need("cpt_code") + ": " + f.need("description") + extra;
    }

    private static List<String> withSource(String headline, Fields f, String file) {
        return f.has("source_line") ? List.of(headline, file + " line " + f.get("source_line")) : List.of(headline);
    }

    // ---- values -----------------------------------------------------------------------------------------

    /** "$1,188.00"; the text as it is when it is not a number. */
    public static String money(String amount) {
        try {
            DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return "$" + format.format(new BigDecimal(amount.trim()));
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    /** "40%" for 40.0, "not documented" when blank. */
    private static String percent(String value) {
        return value == null || value.isBlank() ? "not documented" : number(value) + "%";
    }

    /** A decimal without trailing zeros: 1.0 is 1, 0.70 is 0.7. */
    private static String number(String value) {
        try {
            return new BigDecimal(value.trim()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** The fields of one fact; a required one that is missing makes the fact be written generically. */
    private static final class Fields {
        private final Map<String, String> values;

        Fields(Map<String, String> values) {
            this.values = values;
        }

        boolean has(String key) {
            String v = values.get(key);
            return v != null && !v.isBlank();
        }

        String get(String key) {
            return values.get(key);
        }

        String need(String key) {
            if (!has(key)) {
                throw new MissingField();
            }
            return values.get(key);
        }
    }

    private static final class MissingField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingField() {
            super(null, null, false, false);
        }
    }
}
