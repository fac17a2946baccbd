package org.nmaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;

/**
 * Reads stored facts back, patients at a time, always through the patient_id indexes: a query names its
 * patients (an IN list) or a range of them, so it touches only their rows. Facts come back as the reader
 * loaded them: claim lines first, then each documentation file, each in the order it was stored.
 */
final class HistoryReader {
    /** Patients per IN list (see {@link HistoryWriter#IN_LIST} for why lists stay short). */
    static final int PATIENTS_PER_LIST = 100;
    /** Patients held at once while streaming every patient. */
    static final int PATIENTS_PER_RANGE = 1_000;

    private final Connection connection;

    HistoryReader(Connection connection) {
        this.connection = connection;
    }

    /** The facts of these patients (unknown ids have none), claim lines first, each table in stored order. */
    List<PatientFact> factsOf(Collection<String> patientIds) throws SQLException {
        List<String> ids = List.copyOf(new TreeSet<>(patientIds));
        List<Stored> claimLines = new ArrayList<>();
        Map<DocumentationTable<?>, List<Stored>> documentation = new LinkedHashMap<>();
        DocumentationTable.ALL.forEach(t -> documentation.put(t, new ArrayList<>()));
        for (int from = 0; from < ids.size(); from += PATIENTS_PER_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PATIENTS_PER_LIST));
            String where = " WHERE patient_id IN (" + HistoryWriter.placeholders(chunk.size()) + ")";
            Map<String, String> canonical = canonical(chunk);
            claimLines.addAll(claimLines(where, chunk, canonical));
            for (DocumentationTable<?> table : DocumentationTable.ALL) {
                documentation.get(table).addAll(documentation(table, where, chunk, canonical));
            }
        }
        List<PatientFact> facts = new ArrayList<>();
        addInStoredOrder(claimLines, facts);
        documentation.values().forEach(rows -> addInStoredOrder(rows, facts));
        return facts;
    }

    /**
     * Every stored patient's facts, one patient at a time in the database's order of patient_id, a range of
     * {@value #PATIENTS_PER_RANGE} patients held at once.
     */
    void forEachPatient(Consumer<List<PatientFact>> perPatient) throws SQLException {
        List<String> ids = patientIds();
        for (int from = 0; from < ids.size(); from += PATIENTS_PER_RANGE) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PATIENTS_PER_RANGE));
            // A range in the database's own order holds exactly these patients: the ids came in that order.
            List<String> range = List.of(chunk.get(0), chunk.get(chunk.size() - 1));
            String where = " WHERE patient_id >= ? AND patient_id <= ?";
            Map<String, String> canonical = canonical(chunk);
            Map<String, List<PatientFact>> byPatient = new LinkedHashMap<>();
            chunk.forEach(id -> byPatient.put(id, new ArrayList<>()));
            List<Stored> lines = claimLines(where, range, canonical);
            lines.sort(Comparator.comparingLong(Stored::seq));
            lines.forEach(s -> byPatient.get(s.fact().getPatientId()).add(s.fact()));
            for (DocumentationTable<?> table : DocumentationTable.ALL) {
                List<Stored> rows = documentation(table, where, range, canonical);
                rows.sort(Comparator.comparingLong(Stored::seq));
                rows.forEach(s -> byPatient.get(s.fact().getPatientId()).add(s.fact()));
            }
            for (List<PatientFact> facts : byPatient.values()) {
                perPatient.accept(facts);
            }
        }
    }

    /** Every patient with a stored claim line or documentation row, in the database's order. */
    List<String> patientIds() throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT patient_id FROM claim_lines");
        for (DocumentationTable<?> table : DocumentationTable.ALL) {
            sql.append(" UNION SELECT patient_id FROM ").append(table.table());
        }
        sql.append(" ORDER BY patient_id");
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString());
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private List<Stored> claimLines(String where, List<String> parameters, Map<String, String> canonical)
            throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(ClaimLinesTable.SELECT + where)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ClaimLine line = ClaimLinesTable.read(rows, canonical.get(rows.getString(4)));
                    out.add(new Stored(rows.getLong(1), line));
                }
            }
        }
        return out;
    }

    private List<Stored> documentation(DocumentationTable<?> table, String where, List<String> parameters,
            Map<String, String> canonical) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(table.selectSql() + where)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(new Stored(rows.getLong(1), table.read(rows, canonical.get(rows.getString(2)))));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement select, List<String> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            select.setString(i + 1, parameters.get(i));
        }
    }

    /** One String object per patient id: a patient's facts share it, as the CSV reader's facts do. */
    private static Map<String, String> canonical(List<String> ids) {
        Map<String, String> canonical = new HashMap<>();
        ids.forEach(id -> canonical.put(id, id));
        return canonical;
    }

    private static void addInStoredOrder(List<Stored> rows, List<PatientFact> into) {
        rows.sort(Comparator.comparingLong(Stored::seq));
        rows.forEach(s -> into.add(s.fact()));
    }

    /** A fact with its line_seq or row_id. */
    private record Stored(long seq, PatientFact fact) {
    }
}
