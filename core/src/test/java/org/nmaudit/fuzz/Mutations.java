package org.nmaudit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The ways the fuzzer breaks a CSV file: bytes, quotes, field counts, encodings, huge cells, NUL and
 * control characters, extreme numbers and dates, formulas, duplicate keys, headers only, truncation, line
 * ends, column order and names. Each works on the file's bytes read as ISO-8859-1 (one char per byte), so
 * that a file an earlier mutation left as invalid UTF-8 stays byte for byte what it was; a mutation
 * returns null to delete the file.
 */
final class Mutations {
    /** One named mutation of a file's content. */
    record Mutation(String name, BiFunction<Context, String, String> apply) {
    }

    /** What a mutation may use: the random numbers of its mutant and the file's name. */
    record Context(SplittableRandom random, String file) {
        int next(int bound) {
            return bound <= 0 ? 0 : random.nextInt(bound);
        }

        <T> T pick(List<T> values) {
            return values.get(next(values.size()));
        }
    }

    static final List<String> NUMBERS = List.of("1e308", "-1e308", "99999999999999999999999999", "-0", "NaN",
            "Infinity", "0x1F", "2147483648", "-2147483649", "9223372036854775808", "1,000", "$-0.00", "00000001",
            "1.", ".5", "1e-400", "", " ", "0", "-1", "3.14159265358979323846264338327950288", "١٢٣", "+5", "$$5",
            "5$", "(5.00)", "12.345", "-12.50");
    static final List<String> DATES = List.of("0000-01-01", "9999-12-31", "+10000-01-01", "-0001-01-01",
            "2024-02-30", "2023-02-29", "2024-02-29", "2024-13-01", "20240101", "2024-1-1", "1970-01-01", "2100-01-01",
            " 2024-01-01 ", "2024-01-01T00:00", "01/02/2024", "", "0001-01-01", "2025-12-31", "1900-01-01");
    static final List<String> TEXTS = List.of("=HYPERLINK(\"http://x\")", "@SUM(A1)", "-P1", "+1", "\tP1", "'=1",
            "\u0000", "\u0001\u0002", "\u001b[31m", "\u202eevil", "\u200b", "P1\u0301", "😀", "é", "\\", "\"",
            "a\"b", "NULL", "null", "N/A", " P1 ", "P1\r", "\u2028", "ﬁ", "İ", "ß");
    static final List<String> CONTROL = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c",
            "\u001b", "\u007f", "\r", "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffe", "\u200b");

    static final List<Mutation> ALL = List.of(
            new Mutation("flip a byte", (c, t) -> t.isEmpty() ? t : replaceAt(t, c.next(t.length()),
                    String.valueOf((char) c.next(256)))),
            new Mutation("insert random bytes", (c, t) -> insert(t, c.next(t.length() + 1), randomBytes(c))),
            new Mutation("delete a range", (c, t) -> {
                int from = c.next(t.length() + 1);
                return t.substring(0, from) + t.substring(Math.min(t.length(), from + 1 + c.next(40)));
            }),
            new Mutation("truncate", (c, t) -> t.substring(0, c.next(t.length() + 1))),
            new Mutation("insert a quote", (c, t) -> insert(t, c.next(t.length() + 1), "\"")),
            new Mutation("remove a quote", (c, t) -> {
                int q = nth(t, '"', c);
                return q < 0 ? t : t.substring(0, q) + t.substring(q + 1);
            }),
            new Mutation("insert a comma", (c, t) -> insert(t, c.next(t.length() + 1), ",")),
            new Mutation("remove a comma", (c, t) -> {
                int q = nth(t, ',', c);
                return q < 0 ? t : t.substring(0, q) + t.substring(q + 1);
            }),
            new Mutation("more fields in a row", (c, t) -> editRow(c, t, row -> row + ",extra".repeat(1 + c.next(3)))),
            new Mutation("fewer fields in a row", (c, t) -> editRow(c, t, row -> row.contains(",")
                    ? row.substring(0, row.lastIndexOf(',')) : row)),
            new Mutation("duplicate a row", (c, t) -> {
                List<String> lines = lines(t);
                if (lines.size() < 2) {
                    return t;
                }
                int i = 1 + c.next(lines.size() - 1);
                lines.add(1 + c.next(lines.size() - 1), lines.get(i));
                return String.join("\n", lines);
            }),
            new Mutation("duplicate key, other values", (c, t) -> {
                List<String> lines = lines(t);
                if (lines.size() < 2 || lines.get(1).isEmpty()) {
                    return t;
                }
                String[] cells = lines.get(1 + c.next(lines.size() - 1)).split(",", -1);
                if (cells.length > 3) {
                    cells[cells.length - 1] = asBytes(c.pick(NUMBERS));
                    cells[3] = asBytes(quoteIfNeeded(c.pick(TEXTS)));
                }
                lines.add(String.join(",", cells));
                return String.join("\n", lines);
            }),
            new Mutation("shuffle rows", (c, t) -> {
                List<String> lines = lines(t);
                for (int i = lines.size() - 1; i > 1; i--) {
                    int j = 1 + c.next(i);
                    String s = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, s);
                }
                return String.join("\n", lines);
            }),
            new Mutation("header only", (c, t) -> lines(t).get(0) + (c.next(2) == 0 ? "\n" : "")),
            new Mutation("empty file", (c, t) -> c.next(2) == 0 ? "" : "\n\n"),
            new Mutation("delete the file", (c, t) -> null),
            new Mutation("UTF-16 with a byte-order mark", (c, t) -> latin1(new String(utf8(t), StandardCharsets.UTF_8)
                    .getBytes(c.next(2) == 0 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE))),
            new Mutation("Latin-1 text", (c, t) -> insert(t, afterHeader(t, c), "caf\u00e9,")),
            new Mutation("UTF-8 byte-order mark", (c, t) -> asBytes("\ufeff").repeat(1 + c.next(2)) + t),
            new Mutation("invalid UTF-8", (c, t) -> insert(t, c.next(t.length() + 1),
                    c.pick(List.of("\u00c3", "\u00ff\u00fe", "\u00ed\u00a0\u0080", "\u00f0\u0090\u0080",
                            "\u00c0\u00af")))),
            new Mutation("huge cell", (c, t) -> editCell(c, t, v -> "x".repeat(1000 + c.next(150_000)))),
            new Mutation("huge quoted cell with line breaks", (c, t) -> editCell(c, t,
                    v -> "\"" + "line\n".repeat(1 + c.next(2000)) + "\"")),
            new Mutation("NUL or control character in a cell", (c, t) -> editCell(c, t,
                    v -> insert(v, c.next(v.length() + 1), asBytes(c.pick(CONTROL))))),
            new Mutation("extreme number", (c, t) -> editCell(c, t, v -> asBytes(c.pick(NUMBERS)))),
            new Mutation("extreme date", (c, t) -> editCell(c, t, v -> c.pick(DATES))),
            new Mutation("formula, control or unicode text in a cell", (c, t) -> editCell(c, t,
                    v -> asBytes(quoteIfNeeded(c.pick(TEXTS))))),
            new Mutation("upper-case header", (c, t) -> {
                List<String> lines = lines(t);
                lines.set(0, lines.get(0).toUpperCase(java.util.Locale.ROOT));
                return String.join("\n", lines);
            }),
            new Mutation("reorder columns", (c, t) -> {
                List<String> lines = lines(t);
                int a = c.next(20);
                int b = c.next(20);
                for (int i = 0; i < lines.size(); i++) {
                    String[] cells = lines.get(i).split(",", -1);
                    if (a < cells.length && b < cells.length) {
                        String s = cells[a];
                        cells[a] = cells[b];
                        cells[b] = s;
                        lines.set(i, String.join(",", cells));
                    }
                }
                return String.join("\n", lines);
            }),
            new Mutation("drop a column", (c, t) -> {
                List<String> lines = lines(t);
                int a = c.next(16);
                for (int i = 0; i < lines.size(); i++) {
                    List<String> cells = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
                    if (a < cells.size()) {
                        cells.remove(a);
                        lines.set(i, String.join(",", cells));
                    }
                }
                return String.join("\n", lines);
            }),
            new Mutation("rename a header cell", (c, t) -> {
                List<String> lines = lines(t);
                String[] cells = lines.get(0).split(",", -1);
                cells[c.next(cells.length)] = c.pick(List.of("patient_id", "claim_id", "", " ", "PATIENT_ID ",
                        "unknown", "line_number", "\"patient_id\"", "service_date", "note"));
                lines.set(0, String.join(",", cells));
                return String.join("\n", lines);
            }),
            new Mutation("a thousand columns", (c, t) -> editRow(c, t, row -> row + ",".repeat(1000))),
            new Mutation("CRLF line ends", (c, t) -> t.replace("\n", "\r\n")),
            new Mutation("lone CR line ends", (c, t) -> t.replace("\n", "\r")),
            new Mutation("no final line break", (c, t) -> t.endsWith("\n") ? t.substring(0, t.length() - 1) : t),
            new Mutation("blank and whitespace lines", (c, t) -> insert(t, afterHeader(t, c),
                    c.pick(List.of("\n", "\n\n\n", " \n", ",,,\n", "\t\n", "\"\"\n")))),
            new Mutation("spaces around cells", (c, t) -> editRow(c, t, row -> " " + row.replace(",", " , ") + " ")),
            new Mutation("many copies of the rows", (c, t) -> {
                List<String> lines = lines(t);
                List<String> out = new ArrayList<>(lines);
                for (int i = 0; i < 20; i++) {
                    out.addAll(lines.subList(1, lines.size()));
                }
                return String.join("\n", out);
            }));

    private Mutations() {
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Text as its UTF-8 bytes, one char per byte. */
    static String asBytes(String text) {
        return latin1(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String latin1) {
        return bytes(latin1);
    }

    private static String insert(String t, int at, String s) {
        return t.substring(0, at) + s + t.substring(at);
    }

    private static String replaceAt(String t, int at, String s) {
        return t.substring(0, at) + s + t.substring(at + 1);
    }

    private static String randomBytes(Context c) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + c.next(8);
        for (int i = 0; i < n; i++) {
            sb.append((char) c.next(256));
        }
        return sb.toString();
    }

    private static int nth(String t, char ch, Context c) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == ch) {
                at.add(i);
            }
        }
        return at.isEmpty() ? -1 : c.pick(at);
    }

    private static int afterHeader(String t, Context c) {
        int nl = t.indexOf('\n');
        return nl < 0 ? t.length() : nl + 1 + (c.next(2) == 0 ? 0 : c.next(t.length() - nl));
    }

    static List<String> lines(String t) {
        return new ArrayList<>(Arrays.asList(t.split("\n", -1)));
    }

    private static String editRow(Context c, String t, java.util.function.UnaryOperator<String> edit) {
        List<String> lines = lines(t);
        int i = lines.size() < 2 ? 0 : c.next(lines.size());
        lines.set(i, edit.apply(lines.get(i)));
        return String.join("\n", lines);
    }

    /** A cell of a data row (cells cut at commas, as a careless tool would) replaced. */
    private static String editCell(Context c, String t, java.util.function.UnaryOperator<String> edit) {
        List<String> lines = lines(t);
        if (lines.size() < 2) {
            return t;
        }
        int i = 1 + c.next(lines.size() - 1);
        String[] cells = lines.get(i).split(",", -1);
        int column = c.next(cells.length);
        cells[column] = edit.apply(cells[column]);
        lines.set(i, String.join(",", cells));
        return String.join("\n", lines);
    }

    private static String quoteIfNeeded(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
