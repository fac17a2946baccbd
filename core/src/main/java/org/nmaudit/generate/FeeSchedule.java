package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What a line is worth: the 2024 Medicare national average payments the source talk quotes (the
 * same figures extended-rules.md ships as data/reference/fee-schedule.csv), plus plausible values
 * for the codes it does not cover. Other payers are drawn around these ({@link PayerMix}).
 */
final class FeeSchedule {

    /** Payment in dollars: professional in the office, professional in a facility, facility fee. */
    private record Rate(double nonFacility, double facility, double facilityFee) {
    }

    private static final Map<String, Rate> RATES = Map.ofEntries(
            Map.entry("63650", new Rate(2236, 407, 6523)),
            Map.entry("63655", new Rate(1052, 1052, 20215)),
            Map.entry("63661", new Rate(628, 446, 1902)),
            Map.entry("63663", new Rate(915, 640, 6523)),
            Map.entry("63685", new Rate(337, 337, 29617)),
            Map.entry("63688", new Rate(352, 352, 6104)),
            Map.entry("95970", new Rate(18, 18, 0)),
            Map.entry("95971", new Rate(47, 38, 0)),
            Map.entry("95972", new Rate(62, 52, 0)),
            Map.entry("99203", new Rate(112, 80, 0)),
            Map.entry("99204", new Rate(170, 135, 0)),
            Map.entry("99213", new Rate(92, 68, 0)),
            Map.entry("99214", new Rate(130, 98, 0)),
            Map.entry("99215", new Rate(183, 145, 0)),
            Map.entry("99024", new Rate(0, 0, 0)),
            Map.entry("64555", new Rate(1598, 317, 6523)),
            Map.entry("64590", new Rate(296, 296, 21488)),
            Map.entry("64596", new Rate(372, 372, 19874)),
            Map.entry("64597", new Rate(161, 161, 0)),
            Map.entry("64598", new Rate(288, 288, 4820)),
            Map.entry("64483", new Rate(410, 190, 868)),
            Map.entry("62323", new Rate(301, 114, 781)),
            Map.entry("64635", new Rate(465, 251, 1902)),
            Map.entry("64493", new Rate(282, 101, 852)),
            Map.entry("20552", new Rate(61, 41, 0)));

    /** List prices (charge per unit) of the devices hospitals and ASCs report; payment is packaged. */
    private static final Map<String, Double> DEVICE_CHARGES = Map.of(
            "C1820", 38_500.0, // generator with rechargeable battery
            "C1767", 24_900.0, // generator, non-rechargeable
            "C1778", 6_450.0, // lead, neurostimulator
            "C1897", 1_890.0, // lead, neurostimulator test kit (trial)
            "L8680", 465.0); // implantable neurostimulator electrode, each

    /**
     * The rows data/reference/fee-schedule.csv ships (Medicare, effective 2024-01-01), in whole
     * dollars: facility fee, professional in a facility, professional in the office. NM-UNDERPAID
     * compares Medicare's payments with these.
     */
    private static final Map<String, Rate> SHIPPED_MEDICARE = Map.of(
            "63650", new Rate(2236, 407, 6523),
            "63685", new Rate(0, 337, 29617),
            "64555", new Rate(0, 317, 6523),
            "95970", new Rate(18, 18, 0),
            "95971", new Rate(47, 38, 0));
    private static final LocalDate SHIPPED_EFFECTIVE = LocalDate.of(2024, 1, 1);
    private static final Set<String> FACILITY_PLACES = Set.of("19", "21", "22", "23", "24");

    private FeeSchedule() {
    }

    /**
     * The expected Medicare payment, in cents, that data/reference/fee-schedule.csv gives a line
     * (setting FACILITY for institutional lines and places of service 19, 21-24; component FACILITY_FEE
     * for institutional lines), or null when it has no row for it.
     */
    static Long shippedMedicareCents(String code, boolean institutional, String placeOfService, LocalDate date) {
        Rate rate = SHIPPED_MEDICARE.get(code);
        if (rate == null || date.isBefore(SHIPPED_EFFECTIVE)) {
            return null;
        }
        double dollars = institutional ? rate.facilityFee()
                : FACILITY_PLACES.contains(placeOfService) ? rate.facility() : rate.nonFacility();
        return dollars > 0 ? Math.round(dollars * 100) : null;
    }

    static boolean isDevice(String code) {
        return DEVICE_CHARGES.containsKey(code);
    }

    static double devicePrice(String code) {
        return DEVICE_CHARGES.get(code);
    }

    /** Medicare national average payment per unit; office (non-facility) rates only for professional lines. */
    static double payment(String code, boolean institutional, boolean facilitySetting) {
        Rate rate = RATES.get(code);
        if (rate == null) {
            throw new IllegalArgumentException("no rate for " + code);
        }
        if (institutional) {
            return rate.facilityFee();
        }
        return facilitySetting ? rate.facility() : rate.nonFacility();
    }
}
