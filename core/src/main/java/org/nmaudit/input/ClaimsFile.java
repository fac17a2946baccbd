package org.nmaudit.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PayerType;

/** claims.csv: one row per claim line. Keeps (claim_id, line_number) unique: the first loaded row wins. */
final class ClaimsFile extends DataFile<ClaimLine> {
    static final String NAME = "claims.csv";

    private final Map<String, Long> loadedKeys = new HashMap<>();
    private final ValuePool pool = new ValuePool();
    private final Row.Format<PayerType> payerType = new MemoizedFormat<>(v -> CellFormats.oneOf(PayerType.class, v));
    private final Row.Format<String> npi = new MemoizedFormat<>(CellFormats::npi);
    private final Row.Format<LocalDate> date = new MemoizedFormat<>(CellFormats::date);
    private final Row.Format<String> cpt = new MemoizedFormat<>(CellFormats::cpt);
    private final Row.Format<List<String>> modifiers = new MemoizedFormat<>(CellFormats::modifiers);
    private final Row.Format<BigDecimal> units = new MemoizedFormat<>(CellFormats::units);
    private final Row.Format<List<String>> diagnoses =
            new MemoizedFormat<>(v -> List.copyOf(CellFormats.diagnosisCodes(v)));
    private final Row.Format<String> placeOfService = new MemoizedFormat<>(CellFormats::placeOfService);
    private final Row.Format<String> billType = new MemoizedFormat<>(CellFormats::billType);
    private final Row.Format<BigDecimal> amount = new MemoizedFormat<>(CellFormats::amount);

    ClaimsFile() {
        super(NAME, true,
                List.of("claim_id", "line_number", "patient_id", "payer_type", "rendering_npi", "service_date",
                        "cpt_code"),
                List.of("modifiers", "units", "diagnosis_codes", "place_of_service", "bill_type",
                        "prior_auth_number", "billed_amount", "paid_amount"));
    }

    @Override
    public ClaimLine read(Row row) {
        String claimId = row.requiredText("claim_id");
        Integer lineNumber = row.required("line_number", CellFormats::lineNumber);
        String patientId = row.requiredText("patient_id");
        PayerType payer = row.required("payer_type", payerType);
        String renderingNpi = row.required("rendering_npi", npi);
        LocalDate serviceDate = row.required("service_date", date);
        String cptCode = row.required("cpt_code", cpt);
        List<String> lineModifiers = row.optional("modifiers", modifiers);
        BigDecimal lineUnits = row.optional("units", units);
        List<String> diagnosisCodes = row.optional("diagnosis_codes", diagnoses);
        String pos = row.optional("place_of_service", placeOfService);
        String lineBillType = row.optional("bill_type", billType);
        String priorAuth = row.optionalText("prior_auth_number");
        BigDecimal billed = row.optional("billed_amount", amount);
        BigDecimal paid = row.optional("paid_amount", amount);

        String key = null;
        if (claimId != null && lineNumber != null) {
            key = claimId + '\u0000' + lineNumber;
            Long first = loadedKeys.get(key);
            if (first != null) {
                row.problem("line_number", row.cell("line_number"), "claim " + EchoedText.of(claimId) + " line "
                        + lineNumber + " duplicates the row already loaded from line " + first + "; each (claim_id, line_number)"
                        + " must be unique");
            }
        }
        if (row.hasProblems()) {
            return null;
        }
        loadedKeys.put(key, row.line());
        return new ClaimLine(claimId, lineNumber, pool.of(patientId), payer, renderingNpi, serviceDate, cptCode,
                lineModifiers == null ? List.of() : lineModifiers, lineUnits == null ? BigDecimal.ONE : lineUnits,
                diagnosisCodes == null ? List.of() : diagnosisCodes, pos, lineBillType, priorAuth, billed, paid,
                row.line());
    }
}
