package org.nmaudit.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nmaudit.input.Npi;

/**
 * The fixed roster of a multi-site neuromodulation practice: clinics, their physicians, the hospitals
 * and ASCs they operate in. It is the only state that lives for the whole run (its size depends on
 * --physicians and --clinics, never on the number of patients).
 */
final class Practice {
    /** About this share of physicians trial nearly everyone and convert few (NM-RATIO). */
    static final double LOW_CONVERTER_SHARE = 0.15;

    private static final String[] LAST_NAMES = {
        "Patel", "Nguyen", "Okafor", "Kowalski", "Haddad", "Moreno", "Lindqvist", "Brennan", "Sato", "Adeyemi",
        "Fischer", "Romero", "Kaur", "Novak", "Whitfield", "Abernathy", "Delgado", "Ivanova", "Mensah", "O'Neill",
        "Chowdhury", "Bianchi", "Gallagher", "Yamamoto", "Osei", "Petrov", "Castillo", "Huang", "Schultz", "Reyes"};
    private static final String INITIALS = "ABCDEFGHJKLMNPRSTW";
    private static final String[] CLINIC_NAMES = {
        "Riverside Spine & Pain", "Summit Pain Institute", "Lakeshore Neuromodulation Center",
        "Valley Interventional Pain", "Harbor Spine Center", "Northgate Pain Associates",
        "Cedar Ridge Pain Clinic", "Mesa Neurosurgery & Pain"};
    private static final String[] HOSPITAL_NAMES = {
        "St. Brigid Medical Center", "Mercy General Hospital Outpatient Pavilion", "University Hospital East",
        "Lakeview Regional Medical Center", "Good Samaritan Hospital"};

    private final List<Physician> physicians;
    private final double[] volumes;

    private Practice(List<Physician> physicians) {
        this.physicians = List.copyOf(physicians);
        this.volumes = physicians.stream().mapToDouble(Physician::volume).toArray();
    }

    static Practice build(GeneratorSettings settings, Dice dice) {
        Set<String> minted = new HashSet<>();
        int hospitalCount = Math.max(1, (settings.clinics() + 1) / 2);
        List<Facility> hospitals = new ArrayList<>();
        for (int h = 0; h < hospitalCount; h++) {
            String name = numbered(HOSPITAL_NAMES, h);
            // The second hospital is an off-campus outpatient department: place of service 19, not 22.
            hospitals.add(new Facility(mintNpi(dice, minted), name, Facility.Kind.HOSPITAL, h == 1 ? "19" : "22"));
        }
        List<Clinic> clinics = new ArrayList<>();
        for (int c = 0; c < settings.clinics(); c++) {
            String name = numbered(CLINIC_NAMES, c);
            Facility asc = new Facility(mintNpi(dice, minted), name + " Surgery Center", Facility.Kind.ASC, "24");
            List<String> qhps = List.of(personName(dice) + ", PA-C", personName(dice) + ", NP");
            clinics.add(new Clinic(name, hospitals.get(c % hospitalCount), asc, qhps));
        }

        int n = settings.physicians();
        // Every fourth physician is a neurosurgeon; the rest are interventional pain physicians, among
        // whom the low converters are drawn (they are the ones who trial nearly everyone).
        List<Integer> painIndexes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!isNeurosurgeon(i)) {
                painIndexes.add(i);
            }
        }
        int lowCount = settings.violationRate() > 0 && n >= 2
                ? (int) Math.max(1, Math.round(n * LOW_CONVERTER_SHARE))
                : 0;
        lowCount = Math.min(lowCount, Math.min(painIndexes.size(), n - 1));
        Set<Integer> low = new HashSet<>();
        while (low.size() < lowCount) {
            low.add(dice.pick(painIndexes));
        }

        List<Physician> physicians = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Clinic clinic = clinics.get(i % clinics.size());
            boolean neuro = isNeurosurgeon(i);
            boolean lowConverter = low.contains(i);
            // Low converters see more new patients than the average pain physician: they trial
            // nearly everyone who walks in.
            double volume = neuro ? 0.6 : lowConverter ? 1.3 : dice.between(0.7, 1.3);
            Physician p = new Physician(mintNpi(dice, minted), "Dr. " + personName(dice), clinic,
                    neuro ? Physician.Specialty.NEUROSURGERY : Physician.Specialty.PAIN_MEDICINE, lowConverter, volume);
            clinic.add(p);
            physicians.add(p);
        }
        return new Practice(physicians);
    }

    private static boolean isNeurosurgeon(int index) {
        return index % 4 == 3;
    }

    private static String numbered(String[] names, int i) {
        return i < names.length ? names[i] : names[i % names.length] + " " + (i / names.length + 1);
    }

    private static String personName(Dice dice) {
        return INITIALS.charAt(dice.between(0, INITIALS.length() - 1)) + ". " + dice.pick(LAST_NAMES);
    }

    /** A fresh NPI: 9 leading digits starting with 1 (as CMS issues them) plus the check digit. */
    private static String mintNpi(Dice dice, Set<String> minted) {
        while (true) {
            String npi = Npi.withCheckDigit("1" + String.format("%08d", dice.between(0, 99_999_999)));
            if (minted.add(npi)) {
                return npi;
            }
        }
    }

    List<Physician> physicians() {
        return physicians;
    }

    /** The physician a new patient is referred to, in proportion to each physician's volume. */
    Physician drawPhysician(Dice dice) {
        return physicians.get(dice.weighted(volumes));
    }

    /** Another physician to share a procedure day with: a clinic colleague if there is one; null if alone. */
    Physician colleagueOf(Physician physician, Dice dice) {
        List<Physician> sameClinic = new ArrayList<>(physician.clinic().physicians());
        sameClinic.remove(physician);
        if (!sameClinic.isEmpty()) {
            return dice.pick(sameClinic);
        }
        List<Physician> others = new ArrayList<>(physicians);
        others.remove(physician);
        return others.isEmpty() ? null : dice.pick(others);
    }

    /** A neurosurgeon of the same clinic who takes over permanent implants; null if the clinic has none. */
    Physician neurosurgeonFor(Physician physician, Dice dice) {
        List<Physician> surgeons = new ArrayList<>();
        for (Physician p : physician.clinic().physicians()) {
            if (p != physician && p.specialty() == Physician.Specialty.NEUROSURGERY) {
                surgeons.add(p);
            }
        }
        return surgeons.isEmpty() ? null : dice.pick(surgeons);
    }

    /**
     * The physician who owns a patient's trials: the referred one if the patient's decided trials keep
     * its ratio on the promised side, else the next physician on the roster that can take them. With at
     * least one physician who is not a low converter there always is one: converting trials never push
     * such a physician under 50%, and failing trials never lift a low converter to 50%.
     */
    Physician ownerFor(Physician referred, int converted, int failed) {
        int start = physicians.indexOf(referred);
        for (int k = 0; k < physicians.size(); k++) {
            Physician p = physicians.get((start + k) % physicians.size());
            if (p.keepsRatio(converted, failed)) {
                return p;
            }
        }
        return referred;
    }
}
