package org.nmaudit.input;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.nmaudit.facts.ClaimLine;

/**
 * The validation of claims.csv rows (data-format.md), open to claim lines from other sources: an X12
 * 837 line given as {@link ClaimLineCells} passes the very same cell formats, defaults and
 * normalisation. One validator serves one data set: claims.csv and the X12 files share it, so
 * {@code (claim_id, line_number)} stays unique across them (the first loaded row wins).
 */
public final class ClaimLineValidator {
    /** The claims.csv columns, in data-format.md order. */
    public static final List<String> COLUMNS = List.of("claim_id", "line_number", "patient_id", "payer_type",
            "rendering_npi", "service_date", "cpt_code", "modifiers", "units", "diagnosis_codes", "place_of_service",
            "bill_type", "prior_auth_number", "billed_amount", "paid_amount");
    static final Map<String, Integer> COLUMN_INDEX = indexOf(COLUMNS);

    private final ClaimsFile claims;

    public ClaimLineValidator() {
        this(row -> { });
    }

    /** @param rows told of every row, loaded or rejected (a scrub puts rejected rows in their claims) */
    public ClaimLineValidator(Consumer<ClaimRow> rows) {
        this.claims = new ClaimsFile(rows);
    }

    /** The claims.csv reader whose rules (and uniqueness keys) this validator shares. */
    ClaimsFile claimsFile() {
        return claims;
    }

    /**
     * Validates one line. Every problem, those of {@code cells} and those of the cell formats, goes to
     * {@code rejected}; a cell format's reason is prefixed with the cell's source label and reported at
     * the cell's position.
     *
     * @param loaded false for a line that is checked but not loaded (it belongs to a claim that a later
     *     claim replaces or voids): its (claim_id, line_number) is neither checked for nor kept unique
     * @return the claim line, or null when the line is rejected
     */
    public ClaimLine validate(ClaimLineCells cells, boolean loaded, Consumer<Reject> rejected) {
        Row row = new Row(cells.file(), cells.position(), COLUMN_INDEX, cells.texts());
        List<Reject> own = cells.problems();
        for (Reject p : own) {
            row.problem(p.column(), p.value(), p.reason());
        }
        ClaimLine line = claims.read(row, loaded, cells.positionName());
        List<Reject> problems = row.problems();
        if (problems.isEmpty()) {
            return line;
        }
        Set<String> ownColumns = new HashSet<>();
        for (int i = 0; i < problems.size(); i++) {
            if (i < own.size()) {
                rejected.accept(own.get(i));
                ownColumns.add(own.get(i).column());
                continue;
            }
            Reject r = problems.get(i);
            if (ownColumns.contains(r.column()) && !r.column().isEmpty()) {
                continue; // the source said what is wrong with this column (a blank cell would only repeat it)
            }
            ClaimLineCells.Cell cell = cells.cell(r.column());
            if (cell == null) {
                rejected.accept(r);
            } else {
                String source = cell.sourceText();
                String reason = source == null ? r.reason() : source + ": " + r.reason();
                rejected.accept(new Reject(r.file(), cell.position(), r.column(), r.value(), reason));
            }
        }
        return line;
    }

    /**
     * A HashMap, not Map.copyOf: every cell of a million X12 lines is looked up here, and Map.copyOf's table
     * finds a key with a division where a HashMap masks.
     */
    private static Map<String, Integer> indexOf(List<String> columns) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), i);
        }
        return Collections.unmodifiableMap(m);
    }
}
