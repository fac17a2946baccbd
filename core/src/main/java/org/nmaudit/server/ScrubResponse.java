package org.nmaudit.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.findings.Finding;
import org.nmaudit.scrub.ClaimVerdict;
import org.nmaudit.scrub.Recording;
import org.nmaudit.scrub.ScrubResult;

/**
 * The body of a scrub's answer: per claim, in the order sent, its verdict and its findings with the fields of
 * findings-format.md (snake_case, as findings.json has them); the as-of date used and why; which rules judged
 * (their SHA-256); and what was recorded.
 */
final class ScrubResponse {
    private ScrubResponse() {
    }

    /** @param recording what was recorded, or null when the request did not ask to record */
    static Map<String, Object> of(ScrubResult result, String rulesSha256, Recording recording) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("as_of", result.asOf().toString());
        body.put("as_of_source", result.asOfSource().equals("--as-of") ? "as_of of the request" : result.asOfSource());
        body.put("rules_sha256", rulesSha256);
        body.put("recorded", recording != null && recording.wroteAnything());
        body.put("recorded_claims", recording == null ? 0 : recording.claims());
        body.put("recorded_documentation_rows", recording == null ? 0 : recording.documentationRows());
        List<Map<String, Object>> claims = new ArrayList<>();
        for (ClaimVerdict v : result.verdicts()) {
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("claim_id", v.claimId());
            claim.put("patient_id", v.claim().patientId());
            claim.put("verdict", v.verdict().name());
            claim.put("highest_severity", v.highest() == null ? null : v.highest().name());
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Finding f : v.findings()) {
                findings.add(finding(f));
            }
            claim.put("findings", findings);
            claims.add(claim);
        }
        body.put("claims", claims);
        return body;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("finding_id", f.findingId());
        m.put("rule_id", f.ruleId());
        m.put("severity", f.severity().name());
        m.put("line_number", f.lineNumber());
        m.put("amount_at_risk", f.amountAtRisk());
        m.put("message", f.message());
        m.put("citation", f.citation());
        return m;
    }
}
