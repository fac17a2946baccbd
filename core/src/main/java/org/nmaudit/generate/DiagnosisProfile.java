package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The ICD-10-CM codes a patient's claims carry, most specific first. CRPS (G90.5x) matters to
 * NM-TRIAL-DOC, which lowers its severity when the trial or implant day carries it, so a profile
 * knows whether it is one.
 */
final class DiagnosisProfile {
    static final String BATTERY_OR_ADJUSTMENT = "Z45.42";
    /** Dysfunction of the multifidus muscles, lumbar region: a code only from 2024-10-01. */
    static final String MULTIFIDUS = "M62.85";

    private static final List<List<String>> SCS = List.of(
            List.of("M96.1", "G89.4"),
            List.of("M96.1", "M54.16", "G89.4"),
            List.of("M54.16", "M51.16"),
            List.of("M51.16", "M54.16", "G89.4"),
            List.of("M54.50", "G89.4"),
            List.of("M54.17", "M96.1"),
            // Painful diabetic neuropathy: an FDA-approved SCS indication since 2021.
            List.of("E11.42", "G89.4"));
    private static final List<List<String>> CRPS = List.of(
            List.of("G90.521", "G89.4"),
            List.of("G90.522"),
            List.of("G90.511", "G89.4"),
            List.of("G90.512"),
            List.of("G90.50", "G89.4"));
    private static final List<List<String>> PNS = List.of(
            List.of("M79.2"),
            List.of("G57.91", "G89.29"),
            List.of("M25.561", "G89.29"),
            List.of("G44.86", "M54.2"),
            List.of("G57.92"));
    private static final List<List<String>> PAIN_MANAGEMENT = List.of(
            List.of("M54.16", "M51.16"),
            List.of("M47.816", "M54.50"),
            // Multifidus dysfunction: only from FY2025 (2024-10-01), see on().
            List.of(MULTIFIDUS, "M54.50"),
            List.of("M54.17"),
            List.of("M47.816"),
            List.of("M48.062", "M54.16"));

    private final List<String> codes;
    private final boolean crps;
    private final boolean ignoresEffectiveDate;

    private DiagnosisProfile(List<String> codes, boolean crps) {
        this(codes, crps, false);
    }

    private DiagnosisProfile(List<String> codes, boolean crps, boolean ignoresEffectiveDate) {
        this.codes = codes;
        this.crps = crps;
        this.ignoresEffectiveDate = ignoresEffectiveDate;
    }

    /** A spinal cord stimulator candidate: failed back surgery, radiculopathy, and about 12% CRPS. */
    static DiagnosisProfile forScs(Dice dice) {
        return dice.chance(0.12) ? crps(dice) : nonCrps(dice);
    }

    static DiagnosisProfile nonCrps(Dice dice) {
        return new DiagnosisProfile(dice.pick(SCS), false);
    }

    static DiagnosisProfile crps(Dice dice) {
        return new DiagnosisProfile(dice.pick(CRPS), true);
    }

    static DiagnosisProfile forPns(Dice dice) {
        return new DiagnosisProfile(dice.pick(PNS), false);
    }

    static DiagnosisProfile forPainManagement(Dice dice) {
        return new DiagnosisProfile(dice.pick(PAIN_MANAGEMENT), false);
    }

    /**
     * Multifidus dysfunction (M62.85) with low back pain. {@code evenBeforeItExisted}: the billing
     * system puts M62.85 on claims dated before 2024-10-01 too (NM-DX-EFFECTIVE).
     */
    static DiagnosisProfile multifidus(boolean evenBeforeItExisted) {
        return new DiagnosisProfile(List.of(MULTIFIDUS, "M54.50"), false, evenBeforeItExisted);
    }

    boolean crps() {
        return crps;
    }

    /** The codes valid on a service date: M62.85 did not exist before 2024-10-01 (NM-DX-EFFECTIVE). */
    List<String> on(LocalDate date) {
        if (ignoresEffectiveDate || !date.isBefore(SpecDefaults.M62_85_EFFECTIVE) || !codes.contains(MULTIFIDUS)) {
            return codes;
        }
        List<String> valid = new ArrayList<>();
        for (String code : codes) {
            String replacement = code.equals(MULTIFIDUS) ? "M54.59" : code;
            if (!valid.contains(replacement)) {
                valid.add(replacement);
            }
        }
        return valid;
    }
}
