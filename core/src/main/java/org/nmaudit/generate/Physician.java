package org.nmaudit.generate;

/**
 * A rendering physician. Keeps a running tally of its decided trials (converted and failed) so the
 * practice can hand it only patients that keep its NM-RATIO standing what the generator promised:
 * a low converter stays under 50%, everyone else at or above it, whatever the draws.
 */
final class Physician {

    enum Specialty {
        PAIN_MEDICINE,
        NEUROSURGERY
    }

    private final String npi;
    private final String name;
    private final Clinic clinic;
    private final Specialty specialty;
    private final boolean lowConverter;
    private final double volume;
    private int converted;
    private int decided;

    Physician(String npi, String name, Clinic clinic, Specialty specialty, boolean lowConverter, double volume) {
        this.npi = npi;
        this.name = name;
        this.clinic = clinic;
        this.specialty = specialty;
        this.lowConverter = lowConverter;
        this.volume = volume;
    }

    String npi() {
        return npi;
    }

    String name() {
        return name;
    }

    Clinic clinic() {
        return clinic;
    }

    Specialty specialty() {
        return specialty;
    }

    /** A physician whose trials mostly fail: NM-RATIO must flag it once it has 5 decided trials. */
    boolean lowConverter() {
        return lowConverter;
    }

    /** Relative share of the practice's new patients. */
    double volume() {
        return volume;
    }

    /** Whether adding these decided trials keeps the ratio on the promised side of 50%. */
    boolean keepsRatio(int moreConverted, int moreFailed) {
        if (moreConverted == 0 && moreFailed == 0) {
            return true;
        }
        long c = converted + moreConverted;
        long d = decided + moreConverted + moreFailed;
        return lowConverter ? 2 * c < d : 2 * c >= d;
    }

    void recordDecided(int moreConverted, int moreFailed) {
        converted += moreConverted;
        decided += moreConverted + moreFailed;
    }
}
