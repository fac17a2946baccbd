package org.nmaudit.history;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.facts.PatientFact;

/**
 * Every value a fact shows the rules: its class, each public no-argument getter (get..., is...) and its
 * evidence map, by name. Two facts with equal FactFields look the same to every rule and report (BigDecimal
 * compares scale too: 407.00 is not 407).
 */
final class FactFields {
    private FactFields() {
    }

    static Map<String, Object> of(PatientFact fact) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("class", fact.getClass().getSimpleName());
        Method[] methods = fact.getClass().getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            boolean getter = m.getName().startsWith("get") || m.getName().startsWith("is");
            if (getter && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && m.getDeclaringClass() != Object.class) {
                try {
                    fields.put(m.getName(), m.invoke(fact));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(m.getName(), e);
                }
            }
        }
        fields.put("recordDay", fact.recordDay());
        fields.put("evidence", fact.evidence());
        return fields;
    }

    static List<Map<String, Object>> of(List<? extends PatientFact> facts) {
        List<Map<String, Object>> out = new ArrayList<>();
        facts.forEach(f -> out.add(of(f)));
        return out;
    }
}
