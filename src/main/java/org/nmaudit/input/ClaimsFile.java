package org.nmaudit.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PayerType;

/** claims.csv: one row per claim line. Keeps (claim_id, line_number) unique: the first loaded row wins. */
final class ClaimsFile implements DataFile<ClaimLine> {
    static final String NAME = "claims.csv";

    private final Map<String, Long> loadedKeys = new HashMap<>();
    private final ValuePool pool = new ValuePool();

    @Override
    public String fileName() {
        return NAME;
    }

    @Override
    public boolean requiredFile() {
        return true;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("claim_id", "line_number", "patient_id", "payer_type", "rendering_npi", "service_date",
                "cpt_code");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("modifiers", "units", "diagnosis_codes", "place_of_service", "bill_type",
                "prior_auth_number", "billed_amount", "paid_amount");
    }

    @Override
    public ClaimLine read(Row row) {
        String claimId = row.requiredText("claim_id");
        Integer lineNumber = row.required("line_number", CellFormats::lineNumber);
        String patientId = row.requiredText("patient_id");
        PayerType payer = row.required("payer_type", v -> CellFormats.oneOf(PayerType.class, v));
        String npi = row.required("rendering_npi", CellFormats::npi);
        LocalDate serviceDate = row.required("service_date", CellFormats::date);
        String cpt = row.required("cpt_code", CellFormats::cpt);
        List<String> modifiers = row.optional("modifiers", CellFormats::modifiers);
        BigDecimal units = row.optional("units", CellFormats::units);
        List<String> diagnoses = row.optional("diagnosis_codes", CellFormats::diagnosisCodes);
        String pos = row.optional("place_of_service", CellFormats::placeOfService);
        String billType = row.optional("bill_type", CellFormats::billType);
        String priorAuth = row.optionalText("prior_auth_number");
        BigDecimal billed = row.optional("billed_amount", CellFormats::amount);
        BigDecimal paid = row.optional("paid_amount", CellFormats::amount);

        String key = null;
        if (claimId != null && lineNumber != null) {
            key = claimId + '\u0000' + lineNumber;
            Long first = loadedKeys.get(key);
            if (first != null) {
                row.problem("line_number", row.cell("line_number"), "claim " + claimId + " line " + lineNumber
                        + " duplicates the row already loaded from line " + first + "; each (claim_id, line_number)"
                        + " must be unique");
            }
        }
        if (row.hasProblems()) {
            return null;
        }
        loadedKeys.put(key, row.line());
        return new ClaimLine(claimId, lineNumber, pool.of(patientId), payer, pool.of(npi), serviceDate,
                pool.of(cpt), pool.all(modifiers), units == null ? BigDecimal.ONE : units, pool.all(diagnoses),
                pool.of(pos), pool.of(billType), priorAuth, billed, paid, row.line());
    }
}
