package org.nmaudit.input;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams one CSV data file through its {@link DataFile} row reader: the header checked, every row
 * validated, loaded facts and rejects handed on as they come, the SHA-256 taken on the same pass.
 *
 * <p>Before parsing, a file saved in another format (UTF-16, semicolon-separated, ...) is named as such
 * ({@link ForeignFormat}). While parsing, {@link RecordGuard} keeps every record within the input
 * limits and gives each its physical lines; a bad UTF-8 byte is located exactly ({@link Utf8Fault}).
 * Input text in messages goes through {@link EchoedText}.
 */
final class CsvFileReader {
    private static final int PROGRESS_EVERY = 250_000;
    /** Above this size a file is parsed on a thread of its own while its rows are validated. */
    private static final long PARSE_ALONGSIDE_ABOVE_BYTES = 4L << 20;
    /** Header names echoed in the missing-columns message, each cut to this. */
    private static final int NAME_SHOWN = 40;
    /** Header names echoed in the missing-columns message at most. */
    private static final int NAMES_SHOWN = 30;
    /** A value of a row cut at a limit, as rejects.csv shows it. */
    private static final int CUT_VALUE_SHOWN = 100;

    private final ReadProgress progress;
    private final Consumer<String> warnings;

    CsvFileReader(ReadProgress progress, Consumer<String> warnings) {
        this.progress = progress;
        this.warnings = warnings;
    }

    <T> FileSummary read(InputFolder folder, DataFile<T> spec, Consumer<T> loaded, Consumer<Reject> rejected)
            throws InputException {
        String name = spec.fileName();
        MessageDigest sha256 = Sha256.newDigest();
        long read = 0;
        long accepted = 0;
        RecordGuard guard = null;
        try (InputStream raw = folder.open(name);
                BufferedInputStream buffered = new BufferedInputStream(raw, ForeignFormat.HEAD_BYTES);
                DigestInputStream digesting = new DigestInputStream(buffered, sha256)) {
            refuseForeignFormat(name, buffered);
            RecordFields fields = new RecordFields();
            guard = new RecordGuard(utf8(digesting), fields);
            RecordGuard parsed = guard;
            try (ParsedRecords records = ParsedRecords.of(guard, fields,
                            () -> digesting.transferTo(OutputStream.nullOutputStream()), // every byte in the SHA-256
                            folder.size(name) > PARSE_ALONGSIDE_ABOVE_BYTES)) {
                Map<String, Integer> columns = null;
                List<String> header = null;
                for (ParsedRecords.Parsed record = records.next(); record != null; record = records.next()) {
                    RecordGuard.Span span = record.span();
                    if (span.unclosedQuote()) {
                        records.finish();
                        throw unclosedQuote(name, parsed);
                    }
                    long line = span.startLine();
                    if (columns == null) {
                        if (span.excess() == null && isBlank(record)) {
                            continue;
                        }
                        refuseCutHeader(name, span);
                        header = record.cells();
                        columns = header(name, header, spec);
                        continue;
                    }
                    if (span.excess() == null && record.size() == 1 && record.get(0).isEmpty()) {
                        continue; // a fully empty line is not a row
                    }
                    read++;
                    T fact = null;
                    if (span.excess() != null) {
                        rejected.accept(cutRow(name, span, header, record));
                        spec.malformed(new Row(name, line, columns, record.cells()));
                    } else if (record.size() != header.size()) {
                        rejected.accept(wrongFieldCount(name, span, header.size(), record));
                        spec.malformed(new Row(name, line, columns, record.cells()));
                    } else {
                        Row row = new Row(name, line, columns, record.cells());
                        fact = spec.read(row);
                        row.problems().forEach(rejected);
                    }
                    if (fact != null) {
                        accepted++;
                        loaded.accept(fact);
                    }
                    if (read % PROGRESS_EVERY == 0) {
                        progress.rowsRead(name, read);
                    }
                }
                if (columns == null) {
                    throw new InputException(name + " is empty: it needs at least a header row naming its columns");
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name + " not found: " + folder.displayName(name));
        } catch (UncheckedIOException e) {
            throw unreadable(name, folder, guard, e.getCause());
        } catch (IOException e) {
            throw unreadable(name, folder, guard, e);
        }
        return new FileSummary(name, true, Sha256.hex(sha256), read, accepted, read - accepted);
    }

    /** UTF-16, a workbook or another separator, told from the first bytes, which are then read again. */
    private static void refuseForeignFormat(String name, BufferedInputStream in) throws IOException, InputException {
        in.mark(ForeignFormat.HEAD_BYTES);
        byte[] head = new byte[ForeignFormat.HEAD_BYTES];
        int length = in.readNBytes(head, 0, head.length);
        in.reset();
        String problem = ForeignFormat.problem(name, head, length);
        if (problem != null) {
            throw new InputException(problem);
        }
    }

    private static void refuseCutHeader(String file, RecordGuard.Span span) throws InputException {
        if (span.excess() == null) {
            return;
        }
        String what = switch (span.excess()) {
            case COLUMNS -> "has more than " + RecordGuard.MAX_COLUMNS + " columns";
            case CELL -> "has a column name (column " + (span.field() + 1) + ") longer than "
                    + String.format("%,d", RecordGuard.MAX_CELL_CHARS) + " characters";
            case RECORD -> "is longer than " + String.format("%,d", RecordGuard.MAX_RECORD_CHARS) + " characters";
        };
        throw new InputException(file + " line " + span.startLine() + ": the header row " + what + ", which no input"
                + " file has (the header names the columns, e.g. claim_id,line_number,...); is it the right file,"
                + " saved as comma-separated CSV?");
    }

    private Map<String, Integer> header(String file, List<String> names, DataFile<?> spec) throws InputException {
        Set<String> known = new LinkedHashSet<>(spec.requiredColumns());
        known.addAll(spec.optionalColumns());
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String column = trimmed(names.get(i)).toLowerCase(Locale.ROOT);
            if (!known.contains(column)) {
                warnings.accept(file + ": unknown column '" + EchoedText.of(trimmed(names.get(i))) + "' (column "
                        + (i + 1) + ") is ignored");
            } else if (columns.containsKey(column)) {
                warnings.accept(file + ": column '" + column + "' appears twice; the first (column "
                        + (columns.get(column) + 1) + ") is used and column " + (i + 1) + " is ignored");
            } else {
                // interned: the row readers ask for columns by literal name, a dozen times a row, and the map
                // then finds each by identity instead of comparing the characters
                columns.put(column.intern(), i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : spec.requiredColumns()) {
            if (!columns.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(file + " is missing required column" + (missing.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", missing) + " (the header names: " + shownNames(names) + ")");
        }
        return columns;
    }

    /** The header's names as a message may show them: escaped, each cut, and not too many. */
    private static String shownNames(List<String> names) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < names.size() && i < NAMES_SHOWN; i++) {
            shown.add(EchoedText.of(names.get(i), NAME_SHOWN));
        }
        String more = names.size() > NAMES_SHOWN ? ", ... " + (names.size() - NAMES_SHOWN) + " more" : "";
        return String.join(", ", shown) + more;
    }

    /**
     * A header name without the white space around it, Unicode's too: a non-breaking space that a
     * spreadsheet left after "claim_id" is as invisible as a plain one.
     */
    static String trimmed(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && invisible(name.charAt(start))) {
            start++;
        }
        while (end > start && invisible(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    private static Reject wrongFieldCount(String file, RecordGuard.Span span, int width, ParsedRecords.Parsed record) {
        String fields = record.size() + (record.size() == 1 ? " field" : " fields");
        String hint = "; check for an unquoted comma or a missing separator";
        if (record.size() == 1 && record.get(0).indexOf(';') >= 0) {
            hint = "; the row looks semicolon-separated: nmaudit reads comma-separated CSV";
        } else if (span.endLine() > span.startLine()) {
            hint = "; the row runs over lines " + span.startLine() + "-" + span.endLine() + ", because a double quote"
                    + " opens a field that the next double quote closes: check for a stray double quote";
        }
        return new Reject(file, span.startLine(), "", fields, "row has " + fields + " but the header has " + width
                + hint);
    }

    /** A row cut by {@link RecordGuard}: rejected whole, naming the limit and where it was passed. */
    private static Reject cutRow(String file, RecordGuard.Span span, List<String> header,
            ParsedRecords.Parsed record) {
        int field = span.field();
        String column = "";
        String value = "";
        String reason;
        String lines = span.endLine() > span.startLine() ? " (the row runs over lines " + span.startLine() + "-"
                + span.endLine() + ": is a double quote missing or stray?)" : "";
        switch (span.excess()) {
            case CELL -> {
                column = field < header.size() ? trimmed(header.get(field)).toLowerCase(Locale.ROOT) : "";
                value = field < record.size() ? cut(record.get(field)) : "";
                reason = "the cell in column " + (field + 1) + (column.isEmpty() ? "" : " (" + column + ")")
                        + " is longer than " + String.format("%,d", RecordGuard.MAX_CELL_CHARS)
                        + " characters (64 KB), more than any value of an input file needs" + lines;
            }
            case COLUMNS -> {
                value = "more than " + RecordGuard.MAX_COLUMNS + " fields";
                reason = "row has more than " + RecordGuard.MAX_COLUMNS + " fields but the header has " + header.size()
                        + lines;
            }
            default -> {
                value = "more than " + String.format("%,d", RecordGuard.MAX_RECORD_CHARS) + " characters";
                reason = "row is longer than " + String.format("%,d", RecordGuard.MAX_RECORD_CHARS)
                        + " characters (1 MB), more than any row of an input file needs" + lines;
            }
        }
        return new Reject(file, span.startLine(), column, value, reason);
    }

    private static String cut(String value) {
        int length = value.codePointCount(0, value.length());
        return length <= CUT_VALUE_SHOWN ? value : value.substring(0, value.offsetByCodePoints(0, CUT_VALUE_SHOWN))
                + "...";
    }

    private static boolean isBlank(ParsedRecords.Parsed record) {
        for (String v : record.values()) {
            if (!v.trim().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 that fails loudly on bad bytes, with a leading byte-order mark skipped. */
    private static Reader utf8(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static InputException unclosedQuote(String file, RecordGuard guard) {
        return new InputException(file + " line " + guard.unclosedQuoteLine() + ": a double quote opens a field"
                + " here that is never closed (the file ends inside it); a field that holds a comma, quote or line"
                + " break must be in double quotes with inner quotes doubled, any other double quote is a stray one");
    }

    private static InputException unreadable(String file, InputFolder folder, RecordGuard guard, Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return notUtf8(file, folder, guard, cause);
        }
        if (guard != null && guard.unclosedQuoteLine() > 0) {
            return unclosedQuote(file, guard);
        }
        String where = guard == null ? "" : " line " + guard.currentRecordLine();
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        if (message.contains(RecordFields.TEXT_AFTER_CLOSING_QUOTE)) {
            return new InputException(file + where + ": a field in double quotes has text after its closing quote,"
                    + " before the next comma (as a stray double quote makes); a field that holds a comma, quote or"
                    + " line break must be in double quotes with inner quotes doubled", cause);
        }
        return new InputException(file + " cannot be read" + (where.isEmpty() ? "" : " near" + where) + ": "
                + (cause == null ? "input/output error" : IoErrors.describe(cause)), cause);
    }

    /** The exact line of the first byte that is not UTF-8, found by reading the file again. */
    private static InputException notUtf8(String file, InputFolder folder, RecordGuard guard, Throwable cause) {
        Utf8Fault fault;
        try {
            fault = Utf8Fault.find(folder, file);
        } catch (IOException e) {
            fault = null;
        }
        if (fault == null) {
            long line = guard == null ? 1 : guard.currentRecordLine();
            return new InputException(file + " near line " + line + ": the file is not valid UTF-8; save it as UTF-8"
                    + " CSV", cause);
        }
        String windows = fault.asWindows1252();
        String before = fault.before().isEmpty() ? "at the start of the line"
                : "after \"" + EchoedText.of(tail(fault.before(), 30)) + "\"";
        return new InputException(String.format("%s line %d: byte %s (byte %,d of the file, %s) is not UTF-8%s; save"
                + " the file as UTF-8 CSV (in Excel: \"CSV UTF-8 (Comma delimited)\")", file, fault.line(),
                fault.hex(), fault.offset() + 1, before, windows == null ? ""
                        : ": it is \"" + windows + "\" in Windows-1252, so the file was probably saved as"
                                + " Windows-1252 (ANSI)"), cause);
    }

    private static String tail(String text, int max) {
        return text.length() <= max ? text : "..." + text.substring(text.length() - max);
    }
}
