package org.nmaudit.input.x12;

import java.util.Set;

/**
 * One code of a 2300 HI segment: its qualifier (ABK principal, ABF other; BK/BF and the other ICD-9
 * qualifiers), the code, and the HI element it came from.
 */
record Diagnosis(String qualifier, String code, long segment, String source) {
    /** ICD-10-CM diagnosis qualifiers that are diagnoses of the claim: principal, then other. */
    static final Set<String> ICD10 = Set.of("ABK", "ABF");
    /** ICD-9-CM diagnosis qualifiers (x12-input.md §3: rejected, ICD-10 expected). */
    static final Set<String> ICD9 = Set.of("BK", "BF", "BJ", "PR", "BN");
    /** The 837P diagnosis list the SV107 pointers count in. */
    static final Set<String> PROFESSIONAL_LIST = Set.of("ABK", "ABF", "BK", "BF");

    boolean icd9() {
        return ICD9.contains(qualifier);
    }

    boolean principal() {
        return qualifier.equals("ABK") || qualifier.equals("BK");
    }

    /** As sent: qualifier:code. */
    String text() {
        return qualifier + ":" + code;
    }
}
