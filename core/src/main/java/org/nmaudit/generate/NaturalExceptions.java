package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labels what ordinary care exercises without any injection: pending trials, the ways a replacement
 * is recognised, programming in the first month after an implant, two leads on a day, sessions exactly
 * 30 days apart, and trials that count towards a low converter's ratio; and, for the extended rules,
 * the generator replacements that bill the old generator's removal (63688) too, which
 * NM-UNBUNDLE-63688 flags, and the exceptions ordinary billing shows (a UTN where it belongs and none
 * where it does not, a rep beside the clinician, two leads on both claims, the PNS generator 64590,
 * M62.85 from its first day, E/M with a modifier in a global period, what no Medicare row covers).
 * Reads the final plan and claims, so the labels say what the data holds.
 */
final class NaturalExceptions {
    private static final Pattern UTN = Pattern.compile("[A-Za-z0-9]{14}");
    private static final Set<String> EM = Set.of(
            "99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215");
    private static final Set<String> GLOBAL_MODIFIERS = Set.of("24", "25", "57");

    private NaturalExceptions() {
    }

    static void label(PatientPlan plan, LocalDate asOf) {
        for (TrialPlan trial : plan.trialsByDate()) {
            TrialStatus status = plan.status(trial, asOf);
            if (status == TrialStatus.PENDING) {
                plan.tags.add("exception:NM-RATIO/PENDING_TRIAL");
            }
            if (trial.professionalClaim && !trial.secondPhysician && trial.leads == 2) {
                plan.tags.add(trial.leadsAsUnits ? "exception:TRIAL_EPISODE/TWO_LEADS_UNITS_2"
                        : "exception:TRIAL_EPISODE/TWO_LEADS_TWO_LINES");
            }
            if (trial.professionalClaim && status != TrialStatus.PENDING && plan.primary.lowConverter()) {
                plan.tags.add("violation:NM-RATIO/LOW_CONVERTER@" + plan.primary.npi());
            }
        }
        for (ImplantPlan implant : plan.implantsByDate()) {
            if (plan.hasEarlierImplant(implant)) {
                plan.tags.add("exception:NM-TRIAL-DOC/REPLACEMENT_BY_HISTORY");
            }
            for (String dx : implant.replacementDiagnoses) {
                plan.tags.add(dx.startsWith("T85.1") ? "exception:NM-TRIAL-DOC/REPLACEMENT_BY_T85_1"
                        : "exception:NM-TRIAL-DOC/REPLACEMENT_BY_Z45_42");
            }
            if (implant.removesOldGenerator) {
                plan.tags.add("exception:NM-TRIAL-DOC/REPLACEMENT_BY_63688");
                // 63685 includes removing the old generator: the same-day 63688 is unbundled.
                plan.tags.add("violation:NM-UNBUNDLE-63688/REPLACEMENT_WITH_63688");
            }
        }
        if (plan.trials.size() == 2) {
            plan.tags.add("exception:NM-TRIAL-LIMIT/SECOND_TRIAL");
        }
        if (plan.programming.stream().anyMatch(v -> v.repAlongside && v.performer != ProgrammingVisit.Performer.MANUFACTURER_REP)) {
            plan.tags.add("exception:NM-PROG-REP/REP_WITH_CLINICIAN");
        }
        for (ProcedurePlan p : plan.procedures) {
            if (p.codes.stream().anyMatch(c -> c.cpt().equals("64590")) && p.codes.stream().anyMatch(c -> c.cpt().equals("64555"))) {
                plan.tags.add("exception:NM-IPG-PNS/PNS_GENERATOR_64590");
            }
        }
        List<ProgrammingVisit> sessions = plan.programming;
        for (int k = 1; k < sessions.size(); k++) {
            LocalDate day = sessions.get(k).date;
            long sincePrevious = SpecDefaults.days(sessions.get(k - 1).date, day);
            ImplantPlan graceOf = graceImplant(plan, day);
            if (sincePrevious < SpecDefaults.PROGRAMMING_WINDOW_DAYS && graceOf != null) {
                plan.tags.add(plan.isReplacement(graceOf)
                        ? "exception:NM-PROG-FREQ/FIRST_MONTH_AFTER_REPLACEMENT"
                        : "exception:NM-PROG-FREQ/FIRST_MONTH_AFTER_IMPLANT");
            }
            if (sincePrevious == SpecDefaults.PROGRAMMING_WINDOW_DAYS && graceOf == null) {
                plan.tags.add("exception:NM-PROG-FREQ/EXACTLY_30_DAYS_APART");
            }
        }
    }

    /** The extended rules' exceptions that ordinary billing shows, read from the patient's final claims. */
    static void labelClaims(PatientPlan plan, List<Claim> claims) {
        boolean medicare = plan.payer == PayerType.MEDICARE;
        Map<String, Integer> leadUnits = new HashMap<>();
        for (Claim c : claims) {
            String billType = c.billType.length() == 4 ? c.billType.substring(1) : c.billType;
            boolean leads = c.lines.stream().anyMatch(l -> l.cpt.equals("63650"));
            if (leads && !c.date.isBefore(SpecDefaults.OPD_PRIOR_AUTH_START)) {
                if (!c.institutional() && medicare) {
                    plan.tags.add("exception:NM-PA-MISSING/PROFESSIONAL_CLAIM");
                } else if (billType.startsWith("83") && medicare && c.priorAuth.isBlank()) {
                    plan.tags.add("exception:NM-PA-MISSING/ASC_BILL_TYPE_831");
                } else if (billType.startsWith("13") && medicare && UTN.matcher(c.priorAuth).matches()) {
                    plan.tags.add("exception:NM-PA-MISSING/VALID_UTN");
                } else if (billType.startsWith("13") && !medicare) {
                    plan.tags.add("exception:NM-PA-MISSING/NOT_MEDICARE");
                }
            }
            for (ClaimLine l : c.lines) {
                if (l.cpt.equals("63650")) {
                    leadUnits.merge(c.date + "|" + c.type, l.units, Integer::sum);
                }
                if (l.cpt.equals("63661") && !c.placeOfService.equals("11")) {
                    plan.tags.add("exception:NM-OFFICE-REVISION/63661_IN_FACILITY");
                }
                if (l.diagnoses.contains(DiagnosisProfile.MULTIFIDUS) && !c.date.isBefore(SpecDefaults.M62_85_EFFECTIVE)) {
                    plan.tags.add("exception:NM-DX-EFFECTIVE/M62_85_FROM_2024_10_01");
                }
                if (EM.contains(l.cpt) && l.modifiers.stream().anyMatch(GLOBAL_MODIFIERS::contains)
                        && inGlobalPeriodOfSameNpi(c, claims)) {
                    plan.tags.add("exception:NM-GLOBAL-EM/WITH_MODIFIER");
                }
                Long expected = FeeSchedule.shippedMedicareCents(l.cpt, c.institutional(), c.placeOfService, c.date);
                if (expected != null && l.units == 1) {
                    if (medicare && l.paidCents == null && !l.packaged) {
                        plan.tags.add("exception:NM-UNDERPAID/UNPAID");
                    } else if (!medicare && l.paidCents != null
                            && l.paidCents * 100 < expected * (100 - SpecDefaults.UNDERPAYMENT_TOLERANCE_PCT)) {
                        plan.tags.add("exception:NM-UNDERPAID/NOT_MEDICARE_NO_ROW");
                    }
                }
            }
        }
        for (Map.Entry<String, Integer> e : leadUnits.entrySet()) {
            String day = e.getKey().substring(0, e.getKey().indexOf('|'));
            if (e.getKey().endsWith("|" + Claim.Type.PROFESSIONAL) && e.getValue() == SpecDefaults.UNITS_MAX_63650_PER_DAY
                    && leadUnits.getOrDefault(day + "|" + Claim.Type.INSTITUTIONAL, 0) == SpecDefaults.UNITS_MAX_63650_PER_DAY) {
                plan.tags.add("exception:NM-UNITS/TWO_LEADS_EACH_CLAIM_TYPE");
            }
        }
    }

    /** Whether the claim's physician billed 63650 or 63685 on the claim's day or up to 10 days before. */
    private static boolean inGlobalPeriodOfSameNpi(Claim visit, List<Claim> claims) {
        for (Claim c : claims) {
            long d = SpecDefaults.days(c.date, visit.date);
            if (c.renderingNpi.equals(visit.renderingNpi) && d >= 0 && d <= SpecDefaults.GLOBAL_DAYS
                    && c.lines.stream().anyMatch(l -> l.cpt.equals("63650") || l.cpt.equals("63685"))) {
                return true;
            }
        }
        return false;
    }

    private static ImplantPlan graceImplant(PatientPlan plan, LocalDate day) {
        for (ImplantPlan implant : plan.implants) {
            long d = SpecDefaults.days(implant.date, day);
            if (d >= 0 && d < SpecDefaults.PROGRAMMING_GRACE_DAYS) {
                return implant;
            }
        }
        return null;
    }
}
