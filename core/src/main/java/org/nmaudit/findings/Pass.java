package org.nmaudit.findings;

import java.util.Locale;

/**
 * Where a rule runs. Every rule but a provider tally joins the facts of one patient, so the engine runs
 * each patient's facts on their own: the patient pass. A rule marked {@code @pass(provider)} runs once,
 * after every patient, on the facts the patient pass carries out of it (types declared {@code @carry}).
 */
public enum Pass {
    PATIENT, PROVIDER;

    /** The @pass metadata: absent means the patient pass; null when the value is neither name. */
    public static Pass parse(String metadata) {
        if (metadata == null) {
            return PATIENT;
        }
        for (Pass p : values()) {
            if (p.name().equals(metadata.strip().toUpperCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }

    /** As written in DRL metadata: patient, provider. */
    public String metadataName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
