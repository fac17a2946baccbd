package org.nmaudit.input.x12;

import java.util.HashMap;
import java.util.Map;

/**
 * Claim filing indicator codes (837 SBR09, 835 CLP06) to payer_type, the table of x12-input.md §3.
 * Medicare Advantage and Medicaid managed-care plans that file as HM, CI or 12 come out COMMERCIAL:
 * the code alone cannot tell.
 */
final class PayerCodes {
    static final String KNOWN = "MA, MB, 16, MC, CI, BL, HM, 12-15, FI, 11, 17, AM, CH, DS, LM, OF, TV, VA, WC, ZZ";
    private static final Map<String, String> PAYER_TYPE = new HashMap<>();

    static {
        for (String code : new String[] {"MA", "MB"}) {
            PAYER_TYPE.put(code, "MEDICARE");
        }
        PAYER_TYPE.put("16", "MEDICARE_ADVANTAGE");
        PAYER_TYPE.put("MC", "MEDICAID");
        for (String code : new String[] {"CI", "BL", "HM", "12", "13", "14", "15", "FI"}) {
            PAYER_TYPE.put(code, "COMMERCIAL");
        }
        for (String code : new String[] {"11", "17", "AM", "CH", "DS", "LM", "OF", "TV", "VA", "WC", "ZZ", ""}) {
            PAYER_TYPE.put(code, "OTHER");
        }
    }

    private PayerCodes() {
    }

    /** The payer_type of a filing indicator code, or null for a code that is not in the table. */
    static String payerType(String code) {
        return PAYER_TYPE.get(code);
    }
}
