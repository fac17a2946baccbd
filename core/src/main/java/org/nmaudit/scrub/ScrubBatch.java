package org.nmaudit.scrub;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.input.ClaimRow;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.DataSetSummary;
import org.nmaudit.input.InputException;
import org.nmaudit.input.InputSink;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.Reject;
import org.nmaudit.input.x12.X12Source;

/**
 * A batch of new claims read and validated exactly as an audit reads a data set, with its rows put in their
 * claims: a claim with any rejected row is rejected whole (scrubbing.md, step 1). The (claim_id,
 * line_number) check runs within the batch only. Claims keep the order of their first row.
 */
public final class ScrubBatch {
    private final Map<String, BatchClaim> claims;
    private final List<PatientFact> documentation;
    private final List<Reject> rejects;
    private final DataSetSummary summary;

    private ScrubBatch(Map<String, BatchClaim> claims, List<PatientFact> documentation, List<Reject> rejects,
            DataSetSummary summary) {
        this.claims = claims;
        this.documentation = documentation;
        this.rejects = rejects;
        this.summary = summary;
    }

    public static ScrubBatch read(Path folder, ReadProgress progress) throws InputException {
        Collector collector = new Collector();
        DataSetSummary summary = new DataSetReader(progress).read(folder, collector);
        return collector.batch(summary);
    }

    /** A batch that is one X12 837 file's content (an HTTP request body), named {@code name} in rejects. */
    public static ScrubBatch readX12(String name, byte[] content) throws InputException {
        Collector collector = new Collector();
        DataSetSummary summary = new DataSetReader(ReadProgress.SILENT).readX12(List.of(X12Source.of(name, content)),
                collector);
        return collector.batch(summary);
    }

    /**
     * A batch assembled by another reader (the HTTP API's JSON claims): hand every validated row to the
     * returned sink (loaded facts, rejects, and every claim row through {@link InputSink#claimRow}), then call
     * {@link Assembler#batch}.
     */
    public static Assembler assembler() {
        return new Assembler();
    }

    /** Collects rows into a batch; see {@link #assembler()}. */
    public static final class Assembler implements InputSink {
        private final Collector collector = new Collector();

        private Assembler() {
        }

        @Override
        public void loaded(PatientFact fact) {
            collector.loaded(fact);
        }

        @Override
        public void rejected(Reject reject) {
            collector.rejected(reject);
        }

        @Override
        public void claimRow(ClaimRow row) {
            collector.claimRow(row);
        }

        /** @param summary what was read, per source (the batch's files, or the request's parts) */
        public ScrubBatch batch(DataSetSummary summary) {
            return collector.batch(summary);
        }
    }

    /** The batch's claims in the order of their first row. */
    public List<BatchClaim> claims() {
        return List.copyOf(claims.values());
    }

    /** The batch's documentation rows that loaded. */
    public List<PatientFact> documentation() {
        return documentation;
    }

    public List<Reject> rejects() {
        return rejects;
    }

    public DataSetSummary summary() {
        return summary;
    }

    /**
     * Collects a streamed read; rows of one claim may be anywhere in the file. A row's rejects and its
     * {@link ClaimRow} come in either order, and are matched by file and line.
     */
    private static final class Collector implements InputSink {
        private final Map<String, List<ClaimLine>> lines = new LinkedHashMap<>();
        private final Map<String, String> patients = new LinkedHashMap<>();
        private final Map<String, BigDecimal> billed = new LinkedHashMap<>();
        private final Map<String, List<Reject>> rejectsByClaim = new LinkedHashMap<>();
        private final java.util.Set<String> rejectedClaims = new java.util.HashSet<>();
        private final Map<String, String> claimOfRow = new HashMap<>();
        private final Map<String, List<Reject>> unplaced = new HashMap<>();
        private final List<PatientFact> documentation = new ArrayList<>();
        private final List<Reject> rejects = new ArrayList<>();

        @Override
        public void loaded(PatientFact fact) {
            if (fact instanceof ClaimLine line) {
                lines.computeIfAbsent(line.getClaimId(), c -> new ArrayList<>()).add(line);
            } else {
                documentation.add(fact);
            }
        }

        @Override
        public void rejected(Reject reject) {
            rejects.add(reject);
            String row = reject.file() + ":" + reject.line();
            String claim = claimOfRow.get(row);
            if (claim != null) {
                rejectsByClaim.computeIfAbsent(claim, c -> new ArrayList<>()).add(reject);
            } else {
                unplaced.computeIfAbsent(row, r -> new ArrayList<>()).add(reject);
            }
        }

        @Override
        public void claimRow(ClaimRow row) {
            String key = row.file() + ":" + row.line();
            List<Reject> earlier = unplaced.remove(key);
            if (row.claimId().isEmpty()) {
                return; // a rejected row without a claim_id belongs to no claim
            }
            claimOfRow.put(key, row.claimId());
            lines.computeIfAbsent(row.claimId(), c -> new ArrayList<>());
            if (!row.loaded()) {
                rejectedClaims.add(row.claimId());
            }
            patients.putIfAbsent(row.claimId(), row.patientId());
            row.billed().ifPresent(amount -> billed.merge(row.claimId(), amount, BigDecimal::add));
            if (earlier != null) {
                rejectsByClaim.computeIfAbsent(row.claimId(), c -> new ArrayList<>()).addAll(earlier);
            }
        }

        ScrubBatch batch(DataSetSummary summary) {
            Map<String, BatchClaim> claims = new LinkedHashMap<>();
            for (Map.Entry<String, List<ClaimLine>> e : lines.entrySet()) {
                String id = e.getKey();
                List<Reject> claimRejects = rejectsByClaim.getOrDefault(id, List.of());
                boolean rejected = rejectedClaims.contains(id);
                claims.put(id, new BatchClaim(id, patients.getOrDefault(id, ""),
                        rejected ? List.of() : List.copyOf(e.getValue()), billed.get(id), rejected,
                        List.copyOf(claimRejects)));
            }
            return new ScrubBatch(claims, List.copyOf(documentation), List.copyOf(rejects), summary);
        }
    }
}
