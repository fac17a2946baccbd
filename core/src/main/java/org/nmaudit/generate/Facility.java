package org.nmaudit.generate;

/**
 * A hospital outpatient department or an ambulatory surgery center that bills the facility fee on
 * its own institutional claim, under its own NPI.
 *
 * <p>Hospitals bill type of bill 131 (hospital outpatient). ASCs are written as institutional claims
 * too, with bill type 831 (ambulatory surgery), because data-format.md calls every line without a
 * bill_type professional: an ASC facility line without one would be counted with the physician's
 * lines (trial ownership, units per day), which no real audit does.
 */
record Facility(String npi, String name, Kind kind, String placeOfService) {

    enum Kind {
        HOSPITAL,
        ASC
    }

    String billType() {
        return kind == Kind.HOSPITAL ? "131" : "831";
    }

    boolean isHospital() {
        return kind == Kind.HOSPITAL;
    }
}
