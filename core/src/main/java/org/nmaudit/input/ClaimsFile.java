package org.nmaudit.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PayerType;

/** claims.csv: one row per claim line. Keeps (claim_id, line_number) unique: the first loaded row wins. */
final class ClaimsFile extends DataFile<ClaimLine> {
    static final String NAME = "claims.csv";

    private static final int LINE_BITS = 40;

    private final ClaimKeyIndex loadedKeys = new ClaimKeyIndex();
    private final Consumer<ClaimRow> rows;
    private final List<String> sources = new ArrayList<>();
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private final ValuePool pool = new ValuePool();
    /** The source of the last position: its file and position name (compared as the same objects) and index. */
    private String lastFile;
    private String lastPositionName;
    private int lastSourceIndex;
    /* a claim's lines come one after another: they share one claim id and prior authorization instead of
       holding a copy each until the patient pass */
    private final LastValue claimIds = new LastValue();
    private final LastValue priorAuths = new LastValue();
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
    /** Not memoized: amounts hardly repeat (265,000 distinct among 2M on 1M lines) and parse fast. */
    private final Row.Format<BigDecimal> amount = CellFormats::amount;

    ClaimsFile() {
        this(row -> { });
    }

    /** @param rows told of every row, loaded or rejected (a scrub puts rejected rows in their claims) */
    ClaimsFile(Consumer<ClaimRow> rows) {
        super(NAME, true,
                List.of("claim_id", "line_number", "patient_id", "payer_type", "rendering_npi", "service_date",
                        "cpt_code"),
                List.of("modifiers", "units", "diagnosis_codes", "place_of_service", "bill_type",
                        "prior_auth_number", "billed_amount", "paid_amount"));
        this.rows = rows;
    }

    @Override
    void malformed(Row row) {
        rows.accept(claimRow(row, false));
    }

    private ClaimRow claimRow(Row row, boolean loaded) {
        return new ClaimRow(row.file(), row.line(), row.cell("claim_id"), row.cell("patient_id"), row.cell("billed_amount"),
                loaded);
    }

    @Override
    public ClaimLine read(Row row) {
        return read(row, true, "line");
    }

    /**
     * The claim line of a row, or null when the row has problems.
     *
     * @param unique false for a row that is validated but not loaded (an X12 line of a claim that a later
     *     claim replaces or voids): its (claim_id, line_number) is neither checked nor kept
     * @param positionName what the row's position counts in its file ("line", or "segment" in an X12 file),
     *     for the message of a later duplicate
     */
    ClaimLine read(Row row, boolean unique, String positionName) {
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

        if (unique && claimId != null && lineNumber != null) {
            long first = loadedKeys.sourceLineOf(claimId, lineNumber);
            if (first != 0) {
                row.problem("line_number", row.cell("line_number"), "claim " + EchoedText.of(claimId) + " line "
                        + lineNumber + " duplicates the row already loaded from " + firstPosition(first, row.file())
                        + "; each (claim_id, line_number) must be unique");
            }
        }
        if (row.hasProblems()) {
            rows.accept(claimRow(row, false));
            return null;
        }
        if (unique) {
            loadedKeys.add(claimId, lineNumber, position(row.file(), positionName, row.line()));
        }
        rows.accept(claimRow(row, true));
        claimId = claimIds.share(claimId);
        priorAuth = priorAuths.share(priorAuth);
        return new ClaimLine(claimId, lineNumber, pool.of(patientId), payer, renderingNpi, serviceDate, cptCode,
                lineModifiers == null ? List.of() : lineModifiers, lineUnits == null ? BigDecimal.ONE : lineUnits,
                diagnosisCodes == null ? List.of() : diagnosisCodes, pos, lineBillType, priorAuth, billed, paid,
                row.line(), pool.of(row.file()));
    }

    /**
     * Where a loaded row came from, in one long: the physical line or segment in the low 40 bits, the
     * source (file and position name) above. claims.csv and the X12 files of a data set share the
     * uniqueness rule, so a duplicate may name a row of another file.
     */
    private long position(String file, String positionName, long line) {
        // the rows of one file come together: the source is looked up (a string built and hashed) only when it
        // changes, not for every loaded line
        if (file != lastFile || positionName != lastPositionName) {
            String source = file + '\u0000' + positionName;
            Integer index = sourceIndex.get(source);
            if (index == null) {
                index = sources.size();
                sources.add(source);
                sourceIndex.put(source, index);
            }
            lastFile = file;
            lastPositionName = positionName;
            lastSourceIndex = index;
        }
        return ((long) lastSourceIndex << LINE_BITS) | line;
    }

    /** The value last given, handed back for an equal one: a run of equal values shares one String. */
    private static final class LastValue {
        private String last;

        String share(String value) {
            if (value != null && value.equals(last)) {
                return last;
            }
            last = value;
            return value;
        }
    }

    private String firstPosition(long position, String file) {
        String[] source = sources.get((int) (position >>> LINE_BITS)).split("\u0000");
        long line = position & ((1L << LINE_BITS) - 1);
        return (source[0].equals(file) ? "" : source[0] + " ") + source[1] + " " + line;
    }
}
