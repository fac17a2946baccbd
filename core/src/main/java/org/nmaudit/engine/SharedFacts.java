package org.nmaudit.engine;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.nmaudit.facts.AsOf;
import org.nmaudit.facts.Parameter;

/**
 * What every session of a run holds besides its patients' facts: the parameters, the as-of date and the
 * reference data. Immutable facts, inserted as the same objects into every session of every thread.
 * Serializable: the Spark job broadcasts them to its executors.
 */
public final class SharedFacts implements Serializable {
    private final List<Object> facts;
    private final LocalDate asOf;

    private SharedFacts(List<Object> facts, LocalDate asOf) {
        this.facts = List.copyOf(facts);
        this.asOf = asOf;
    }

    /**
     * @param reference reference-data facts (fee schedule rows, procedure codes)
     */
    public static SharedFacts of(ParameterSet parameters, LocalDate asOf, Iterable<?> reference) {
        List<Object> facts = new ArrayList<>();
        for (Parameter p : parameters.facts()) {
            facts.add(p);
        }
        facts.add(new AsOf(asOf));
        for (Object o : reference) {
            facts.add(o);
        }
        return new SharedFacts(facts, asOf);
    }

    List<Object> facts() {
        return facts;
    }

    public LocalDate asOf() {
        return asOf;
    }
}
