package org.nmaudit.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nmaudit.engine.RuleDescription;
import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryStore;

/**
 * {@code GET /v1/rules} (what judges the claims: each finding rule with its id, severity, citation, description
 * and pass, and the SHA-256 of the rules folder) and {@code GET /v1/health} (for a monitor: the rules in use,
 * whether the store answers, the last change of the rules folder that could not be used).
 */
final class StatusEndpoints {
    private final LiveRules rules;
    private final HistoryStore store;

    StatusEndpoints(LiveRules rules, HistoryStore store) {
        this.rules = rules;
        this.store = store;
    }

    void rules(Context ctx) {
        LiveRules.Current current = rules.current();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (RuleDescription d : RuleDescription.all(current.loaded().folder(), current.rules())) {
            if (!d.isFindingRule()) {
                continue;
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", d.info().id());
            rule.put("name", d.info().name()); // several DRL rules may share one id (NM-UNITS per code)
            rule.put("severity", d.info().severity() == null ? null : d.info().severity().name());
            rule.put("citation", d.info().citation());
            rule.put("description", d.flags());
            rule.put("pass", d.info().pass().name().toLowerCase(Locale.ROOT));
            listed.add(rule);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sha256", current.sha256());
        body.put("folder", current.loaded().folder().displayPath());
        body.put("loaded_at", current.since().toString());
        body.put("rules", listed);
        Json.write(ctx, 200, body);
    }

    /** 200 while the store answers, 503 when it does not (the rules are always there: the server has them). */
    void health(Context ctx) {
        LiveRules.Current current = rules.current();
        Map<String, Object> rulesPart = new LinkedHashMap<>();
        rulesPart.put("loaded", true);
        rulesPart.put("finding_rules", current.rules().findingRules().size());
        rulesPart.put("sha256", current.sha256());
        rulesPart.put("loaded_at", current.since().toString());
        Map<String, Object> storePart = new LinkedHashMap<>();
        storePart.put("location", store.location().toString());
        String storeError = null;
        try {
            store.ping();
        } catch (HistoryException e) {
            storeError = e.getMessage();
        }
        storePart.put("reachable", storeError == null);
        storePart.put("error", storeError);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", storeError == null ? "ok" : "store unreachable");
        body.put("rules", rulesPart);
        body.put("store", storePart);
        body.put("last_reload_error", rules.lastError().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at().toString());
            m.put("sha256", e.sha256());
            m.put("problems", e.problems());
            return m;
        }).orElse(null));
        Json.write(ctx, storeError == null ? 200 : 503, body);
    }
}
