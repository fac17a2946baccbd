package org.nmaudit.findings;

import org.nmaudit.input.Sha256;

/**
 * The stable fingerprint of findings-format.md: the first 16 hex digits of SHA-256 over
 * {@code rule_id|claim_id|line_number} or {@code rule_id|rendering_npi}. The same finding in two runs
 * has the same id, which is what appeals, explain and diff key on.
 */
public final class FindingId {
    private FindingId() {
    }

    public static String ofLine(String ruleId, String claimId, int lineNumber) {
        return of(ruleId + "|" + claimId + "|" + lineNumber);
    }

    public static String ofProvider(String ruleId, String npi) {
        return of(ruleId + "|" + npi);
    }

    private static String of(String key) {
        return Sha256.hex(key).substring(0, 16);
    }
}
