package org.nmaudit.scrub;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.input.DataSet;

/** A history held in memory, read from a data folder: the scrub's definition without a database. */
final class DataSetHistory implements History {
    private final List<PatientFact> facts;

    DataSetHistory(DataSet data) {
        this.facts = new ArrayList<>(data.patientFacts());
    }

    @Override
    public List<PatientFact> factsOf(Collection<String> patientIds) {
        Set<String> wanted = new HashSet<>(patientIds);
        return facts.stream().filter(f -> wanted.contains(f.getPatientId())).toList();
    }

    @Override
    public Optional<LocalDate> latestServiceDate(Set<String> exceptClaimIds) {
        return facts.stream().filter(f -> f instanceof ClaimLine l && !exceptClaimIds.contains(l.getClaimId()))
                .map(f -> ((ClaimLine) f).getServiceDate()).max(LocalDate::compareTo);
    }

    @Override
    public void record(List<ClaimLine> claimLines, List<PatientFact> documentation, String source) {
        Set<String> replaced = new HashSet<>();
        claimLines.forEach(l -> replaced.add(l.getClaimId()));
        facts.removeIf(f -> f instanceof ClaimLine l && replaced.contains(l.getClaimId()));
        facts.addAll(claimLines);
        facts.addAll(documentation);
    }

    @Override
    public String describe() {
        return "a data set in memory";
    }
}
