package org.nmaudit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.input.InputSink;
import org.nmaudit.input.NamedCellRows;
import org.nmaudit.input.Reject;
import org.nmaudit.scrub.ScrubBatch;

/**
 * Reads the JSON body of {@code POST /v1/scrub} and {@code POST /v1/history} into a batch of claims and
 * documentation rows. Each claim line is an object with the claims.csv columns as fields, each documentation
 * row an object with its file's columns; the values are validated by the very code that validates the CSV
 * files ({@link NamedCellRows}), so a value means the same in a request as in a CSV cell.
 *
 * <p>Everything wrong is collected, not only the first: malformed JSON, a field of the wrong type, an unknown
 * field, and every cell the CSV validation rejects. Any problem refuses the whole request (400, nothing is
 * scrubbed or stored): a request is one batch the clerk fixes and sends again.
 */
final class ClaimsRequestReader {
    static final String CLAIMS = "claims";
    static final String LINES = "lines";
    static final String AS_OF = "as_of";
    static final String RECORD = "record";
    /** The documentation rows of a request, by the input file whose columns they have. */
    static final Map<String, String> DOCUMENTATION = documentation();
    private static final String CLAIMS_FILE = NamedCellRows.fileNames().get(0);
    /** A value echoed in a problem at most this long. */
    private static final int VALUE_SHOWN = 100;
    /** A number with more digits before its point than any amount or count of the input files is refused. */
    private static final int MAX_INTEGER_DIGITS = 30;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a field given twice is a mistake, not "last wins"
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // 160.00 stays 160.00, as in the CSV cell
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** What a route accepts besides the claims and the documentation rows. */
    enum Purpose {
        /** POST /v1/scrub: also as_of and record. */
        SCRUB,
        /** POST /v1/history: claims and documentation rows only. */
        HISTORY
    }

    /**
     * A request read and validated.
     *
     * @param asOf the as_of date, or null for the scrub's default
     */
    record ClaimsRequest(ScrubBatch batch, LocalDate asOf, boolean record) {
    }

    private final Purpose purpose;
    private final List<RequestProblem> problems = new ArrayList<>();
    private final List<Reject> rowRejects = new ArrayList<>();
    private final ScrubBatch.Assembler batch = ScrubBatch.assembler();
    private final NamedCellRows rows = new NamedCellRows(new InputSink() {
        @Override
        public void loaded(PatientFact fact) {
            batch.loaded(fact);
        }

        @Override
        public void rejected(Reject reject) {
            batch.rejected(reject);
            rowRejects.add(reject);
        }

        @Override
        public void claimRow(org.nmaudit.input.ClaimRow row) {
            batch.claimRow(row);
        }
    });
    private final Map<String, Long> positions = new HashMap<>();
    /** The index in the request of each claim_id's claim, to refuse one claim sent as two. */
    private final Map<String, Integer> claimIndex = new HashMap<>();

    private ClaimsRequestReader(Purpose purpose) {
        this.purpose = purpose;
    }

    /** Reads a body, or throws a 400 listing every problem. */
    static ClaimsRequest read(byte[] body, Purpose purpose) {
        return new ClaimsRequestReader(purpose).read(body);
    }

    private ClaimsRequest read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw refused(List.of(RequestProblem.ofBody("the body is not valid JSON" + where + ": "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            throw refused(List.of(RequestProblem.ofBody("the body cannot be read: " + e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw refused(List.of(RequestProblem.ofBody("the body is empty: send a JSON object {\"claims\": [...]}")));
        }
        if (!root.isObject()) {
            throw refused(List.of(RequestProblem.ofBody("the body must be a JSON object {\"claims\": [...]}, not "
                    + kind(root))));
        }
        LocalDate asOf = null;
        boolean record = false;
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals(CLAIMS)) {
                claims(value);
            } else if (DOCUMENTATION.containsKey(name)) {
                documentation(name, value);
            } else if (purpose == Purpose.SCRUB && name.equals(AS_OF)) {
                asOf = asOf(value);
            } else if (purpose == Purpose.SCRUB && name.equals(RECORD)) {
                record = record(value);
            } else {
                problems.add(new RequestProblem(null, null, name, shown(value), "unknown field: a request has the"
                        + " fields " + String.join(", ", topFields()), pointer("", name)));
            }
        }
        if (!root.has(CLAIMS) && purpose == Purpose.SCRUB) {
            problems.add(new RequestProblem(null, null, CLAIMS, null, "claims is required: the claims to scrub,"
                    + " each {\"lines\": [{...claims.csv fields...}]}", "/" + CLAIMS));
        }
        if (purpose == Purpose.HISTORY && !root.has(CLAIMS) && DOCUMENTATION.keySet().stream().noneMatch(root::has)) {
            problems.add(RequestProblem.ofBody("nothing to store: send claims and/or documentation rows ("
                    + String.join(", ", DOCUMENTATION.keySet()) + ")"));
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        return new ClaimsRequest(batch.batch(rows.summary()), asOf, record);
    }

    private static ApiException refused(List<RequestProblem> problems) {
        return new ApiException(400, problems.size() + " problem(s) in the request; nothing was done: fix them and"
                + " send it again", problems);
    }

    private List<String> topFields() {
        List<String> names = new ArrayList<>(List.of(CLAIMS));
        if (purpose == Purpose.SCRUB) {
            names.add(AS_OF);
            names.add(RECORD);
        }
        names.addAll(DOCUMENTATION.keySet());
        return names;
    }

    private void claims(JsonNode claims) {
        String at = "/" + CLAIMS;
        if (!claims.isArray()) {
            problems.add(new RequestProblem(null, null, CLAIMS, shown(claims), "claims must be a list of claims, each"
                    + " {\"lines\": [...]}, not " + kind(claims), at));
            return;
        }
        if (claims.isEmpty() && purpose == Purpose.SCRUB) {
            problems.add(new RequestProblem(null, null, CLAIMS, "[]", "claims is empty: send at least one claim", at));
        }
        for (int i = 0; i < claims.size(); i++) {
            claim(claims.get(i), i, at + "/" + i);
        }
    }

    private void claim(JsonNode claim, int index, String at) {
        if (!claim.isObject()) {
            problems.add(new RequestProblem(null, null, null, shown(claim), "a claim must be an object {\"lines\":"
                    + " [...]}, not " + kind(claim), at));
            return;
        }
        for (Map.Entry<String, JsonNode> field : claim.properties()) {
            if (!field.getKey().equals(LINES)) {
                problems.add(new RequestProblem(null, null, field.getKey(), shown(field.getValue()), "unknown field:"
                        + " a claim has only \"lines\", each line with the claims.csv fields (claim_id among them)",
                        pointer(at, field.getKey())));
            }
        }
        JsonNode lines = claim.get(LINES);
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            problems.add(new RequestProblem(null, null, LINES, lines == null ? null : shown(lines), "a claim needs"
                    + " \"lines\": a non-empty list of claim lines, each with the claims.csv fields", at + "/" + LINES));
            return;
        }
        String claimId = null;
        for (int j = 0; j < lines.size(); j++) {
            String lineAt = at + "/" + LINES + "/" + j;
            JsonNode line = lines.get(j);
            if (!line.isObject()) {
                problems.add(new RequestProblem(claimId, null, null, shown(line), "a claim line must be an object with"
                        + " the claims.csv fields, not " + kind(line), lineAt));
                continue;
            }
            String id = scalarText(line.get("claim_id"));
            String lineNumber = scalarText(line.get("line_number"));
            row(CLAIMS_FILE, line, lineAt, id, lineNumber);
            if (id == null) {
                continue; // rejected as blank by the claims.csv validation
            }
            if (claimId == null) {
                claimId = id;
                Integer earlier = claimIndex.putIfAbsent(id, index);
                if (earlier != null && earlier != index) {
                    problems.add(new RequestProblem(id, lineNumber, "claim_id", id, "claim " + id + " is also sent as"
                            + " claim " + (earlier + 1) + " of the request: send all lines of a claim in one claim",
                            lineAt + "/claim_id"));
                }
            } else if (!id.equals(claimId)) {
                problems.add(new RequestProblem(id, lineNumber, "claim_id", id, "this line names claim " + id + " but"
                        + " the claim's first line names " + claimId + ": each claim's lines go in a claim of their"
                        + " own", lineAt + "/claim_id"));
            }
        }
    }

    private void documentation(String name, JsonNode list) {
        String at = "/" + name;
        String file = DOCUMENTATION.get(name);
        if (!list.isArray()) {
            problems.add(new RequestProblem(null, null, name, shown(list), name + " must be a list of rows, each with"
                    + " the " + file + " fields, not " + kind(list), at));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode row = list.get(i);
            if (!row.isObject()) {
                problems.add(new RequestProblem(null, null, null, shown(row), "a row of " + name + " must be an object"
                        + " with the " + file + " fields, not " + kind(row), at + "/" + i));
                continue;
            }
            row(file, row, at + "/" + i, null, null);
        }
    }

    /**
     * Validates one row as its CSV file's row: unknown fields and values of the wrong type are problems of the
     * request, the cells go through the file's validation, and each of its rejects becomes a problem here.
     */
    private void row(String file, JsonNode object, String at, String claim, String line) {
        List<String> columns = NamedCellRows.columns(file);
        Map<String, String> cells = new LinkedHashMap<>();
        Set<String> wrongType = new java.util.HashSet<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!columns.contains(name)) {
                problems.add(new RequestProblem(claim, line, name, shown(value), "unknown field: a row of " + file
                        + " has the fields " + String.join(", ", columns), pointer(at, name)));
                continue;
            }
            String text = cellText(value);
            if (text == null && !value.isNull()) {
                wrongType.add(name);
                problems.add(new RequestProblem(claim, line, name, shown(value), name + " must be a text or a number,"
                        + " as its " + file + " cell, not " + kind(value) + (value.isArray()
                        ? " (a list is one text separated by ;, e.g. \"Z45.42;G89.4\")" : ""), pointer(at, name)));
                continue;
            }
            if (text != null) {
                cells.put(name, text);
            }
        }
        long position = positions.merge(file, 1L, Long::sum);
        rowRejects.clear();
        rows.row(file, position, cells);
        for (Reject r : rowRejects) {
            if (wrongType.contains(r.column())) {
                continue; // already said: the field's value is of the wrong type
            }
            String field = r.column().isEmpty() ? null : r.column();
            problems.add(new RequestProblem(claim, line, field, r.value(), r.reason(),
                    field == null ? at : pointer(at, field)));
        }
    }

    private LocalDate asOf(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            try {
                return LocalDate.parse(value.textValue().trim(), DATE);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(new RequestProblem(null, null, AS_OF, shown(value), "as_of must be a date yyyy-MM-dd, e.g."
                + " \"2026-01-31\" (leave it out for the latest service_date of the history and the claims)",
                "/" + AS_OF));
        return null;
    }

    private boolean record(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (!value.isNull()) {
            problems.add(new RequestProblem(null, null, RECORD, shown(value), "record must be true or false", "/"
                    + RECORD));
        }
        return false;
    }

    /** A field's cell text: a text as it is, a number as written (160.00 stays 160.00), true/false; else null. */
    private static String cellText(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            BigDecimal d = value.decimalValue();
            return d.precision() - d.scale() > MAX_INTEGER_DIGITS ? null : d.toPlainString();
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        return null;
    }

    /** The trimmed text of a scalar field, or null when absent, blank or not a scalar (for naming a claim). */
    private static String scalarText(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = cellText(value);
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String shown(JsonNode value) {
        String text = value.isTextual() ? value.textValue() : value.toString();
        return text.length() <= VALUE_SHOWN ? text : text.substring(0, VALUE_SHOWN) + "...";
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a text";
            case NUMBER -> "a number" + (value.isIntegralNumber() ? "" : " this large");
            case BOOLEAN -> "true/false";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A JSON Pointer to a field (RFC 6901 escapes ~ and /). */
    private static String pointer(String parent, String field) {
        return parent + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    private static Map<String, String> documentation() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String file : NamedCellRows.fileNames().subList(1, NamedCellRows.fileNames().size())) {
            m.put(file.substring(0, file.length() - ".csv".length()).replace('-', '_'), file);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
