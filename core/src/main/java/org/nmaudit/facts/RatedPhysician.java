package org.nmaudit.facts;

import java.util.Map;

/** A rendering NPI that owns at least one trial episode seen on a professional claim. */
public final class RatedPhysician implements EvidenceFact {
    private final String npi;

    public RatedPhysician(String npi) {
        this.npi = npi;
    }

    public String getNpi() {
        return npi;
    }

    @Override
    public Map<String, Object> evidence() {
        return Map.of("rendering_npi", npi);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RatedPhysician r && r.npi.equals(npi);
    }

    @Override
    public int hashCode() {
        return npi.hashCode();
    }
}
