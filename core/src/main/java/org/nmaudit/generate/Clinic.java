package org.nmaudit.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A practice location: its physicians operate at its home hospital and its own ASC, and its
 * qualified health professionals (PAs, NPs) do much of the device programming.
 */
final class Clinic {
    private final String name;
    private final Facility hospital;
    private final Facility asc;
    private final List<String> qualifiedProfessionals;
    private final List<Physician> physicians = new ArrayList<>();

    Clinic(String name, Facility hospital, Facility asc, List<String> qualifiedProfessionals) {
        this.name = name;
        this.hospital = hospital;
        this.asc = asc;
        this.qualifiedProfessionals = List.copyOf(qualifiedProfessionals);
    }

    String name() {
        return name;
    }

    Facility hospital() {
        return hospital;
    }

    Facility asc() {
        return asc;
    }

    List<String> qualifiedProfessionals() {
        return qualifiedProfessionals;
    }

    List<Physician> physicians() {
        return physicians;
    }

    void add(Physician physician) {
        physicians.add(physician);
    }
}
