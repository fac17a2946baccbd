package org.nmaudit.scrub;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryStore;

/** The history a scrub reads from the claim history store (H2 or PostgreSQL): the batch's patients only. */
public final class StoreHistory implements History {
    private final HistoryStore store;

    public StoreHistory(HistoryStore store) {
        this.store = store;
    }

    @Override
    public List<PatientFact> factsOf(Collection<String> patientIds) throws HistoryException {
        return store.factsOfPatients(patientIds);
    }

    @Override
    public Optional<LocalDate> latestServiceDate(Set<String> exceptClaimIds) throws HistoryException {
        return store.latestServiceDate(exceptClaimIds);
    }

    @Override
    public void record(List<ClaimLine> claimLines, List<PatientFact> documentation, String source)
            throws HistoryException {
        store.record(claimLines, documentation, source);
    }

    @Override
    public String describe() {
        return store.location().toString();
    }
}
