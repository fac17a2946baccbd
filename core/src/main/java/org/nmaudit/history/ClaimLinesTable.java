package org.nmaudit.history;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PayerType;

/** claims.csv and its table claim_lines: how a loaded claim line is stored, read back and exported. */
final class ClaimLinesTable {
    static final String FILE_NAME = "claims.csv";
    static final String[] HEADER = {"claim_id", "line_number", "patient_id", "payer_type", "rendering_npi",
        "service_date", "cpt_code", "modifiers", "units", "diagnosis_codes", "place_of_service", "bill_type",
        "prior_auth_number", "billed_amount", "paid_amount"};

    static final String DATA_COLUMNS = "claim_id, line_number, patient_id, payer_type, rendering_npi,"
            + " service_date, cpt_code, modifiers, units, units_scale, diagnosis_codes, place_of_service, bill_type,"
            + " prior_auth_number, billed_amount, billed_amount_scale, paid_amount, paid_amount_scale, source_line";
    /** Parameters per row of {@link #insert}. */
    static final int INSERT_PARAMETERS = 20;
    /** line_seq first (the stored order), then the data columns; add a WHERE or ORDER BY. */
    static final String SELECT = "SELECT line_seq, " + DATA_COLUMNS + " FROM claim_lines";

    private ClaimLinesTable() {
    }

    /** An INSERT of {@code rows} rows (one statement: fewer round trips and statement runs than a batch). */
    static String insert(int rows) {
        String row = "(" + HistoryWriter.placeholders(INSERT_PARAMETERS) + ")";
        return "INSERT INTO claim_lines (batch_id, " + DATA_COLUMNS + ") VALUES " + row + (", " + row).repeat(rows - 1);
    }

    /** The values that a column cannot hold, as a reason naming the column, or null when all fit. */
    static String problem(ClaimLine line) {
        for (Object[] decimal : new Object[][] {{"units", line.getUnits()}, {"billed_amount", line.getBilledAmount()},
            {"paid_amount", line.getPaidAmount()}}) {
            String problem = StoredDecimal.problem((BigDecimal) decimal[1]);
            if (problem != null) {
                return decimal[0] + " " + ((BigDecimal) decimal[1]).toPlainString() + " " + problem;
            }
        }
        return null;
    }

    /** The values of one row of {@link #insert}: batch_id, then the data columns. */
    static void write(RowValues row, long batchId, ClaimLine line) throws SQLException {
        row.bigint(batchId).text(line.getClaimId()).integer(line.getLineNumber()).text(line.getPatientId())
                .text(line.getPayerType().name()).text(line.getRenderingNpi()).date(line.getServiceDate())
                .text(line.getCptCode()).text(Cells.storedList(line.getModifiers()));
        StoredDecimal.write(row, line.getUnits());
        row.text(Cells.storedList(line.getDiagnosisCodes())).text(line.getPlaceOfService()).text(line.getBillType())
                .text(line.getPriorAuthNumber());
        StoredDecimal.write(row, line.getBilledAmount());
        StoredDecimal.write(row, line.getPaidAmount());
        row.bigint(line.getSourceLine());
    }

    /** A row of {@link #SELECT} as the reader would have loaded it; the patient id is {@code patientId}. */
    static ClaimLine read(ResultSet row, String patientId) throws SQLException {
        return new ClaimLine(row.getString(2), row.getInt(3), patientId, PayerType.valueOf(row.getString(5)),
                row.getString(6), row.getObject(7, LocalDate.class), row.getString(8),
                Cells.parseList(row.getString(9)), StoredDecimal.read(row, 10), Cells.parseList(row.getString(12)),
                row.getString(13), row.getString(14), row.getString(15), StoredDecimal.read(row, 16),
                StoredDecimal.read(row, 18), row.getLong(20));
    }

    /** The row of claims.csv that loads as this line. */
    static List<String> cells(ClaimLine line) {
        List<String> cells = new ArrayList<>(HEADER.length);
        cells.add(line.getClaimId());
        cells.add(Integer.toString(line.getLineNumber()));
        cells.add(line.getPatientId());
        cells.add(line.getPayerType().name());
        cells.add(line.getRenderingNpi());
        cells.add(Cells.date(line.getServiceDate()));
        cells.add(line.getCptCode());
        cells.add(Cells.list(line.getModifiers()));
        cells.add(Cells.decimal(line.getUnits()));
        cells.add(Cells.list(line.getDiagnosisCodes()));
        cells.add(Cells.text(line.getPlaceOfService()));
        cells.add(Cells.text(line.getBillType()));
        cells.add(Cells.text(line.getPriorAuthNumber()));
        cells.add(Cells.decimal(line.getBilledAmount()));
        cells.add(Cells.decimal(line.getPaidAmount()));
        return cells;
    }

}
