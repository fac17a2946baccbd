package org.nmaudit.input;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams one CSV data file through its {@link DataFile} row reader: the header checked, every row
 * validated, loaded facts and rejects handed on as they come, the SHA-256 taken on the same pass.
 */
final class CsvFileReader {
    private static final int PROGRESS_EVERY = 250_000;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

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
        long lastLine = 0;
        try (InputStream raw = folder.open(name);
                DigestInputStream digesting = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), sha256);
                Reader reader = utf8(digesting);
                CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> columns = null;
            int width = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (columns == null) {
                    if (isBlank(record)) {
                        continue;
                    }
                    columns = header(name, record, spec);
                    width = record.size();
                    continue;
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a fully empty line is not a row
                }
                read++;
                T fact = null;
                if (record.size() != width) {
                    String fields = record.size() + (record.size() == 1 ? " field" : " fields");
                    rejected.accept(new Reject(name, line, "", fields,
                            "row has " + fields + " but the header has " + width
                                    + "; check for an unquoted comma or a missing separator"));
                } else {
                    Row row = new Row(name, line, columns, record.toList());
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
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw new InputException(name + " not found: " + folder.displayName(name));
        } catch (UncheckedIOException e) {
            throw unreadable(name, lastLine + 1, e.getCause());
        } catch (IOException e) {
            throw unreadable(name, lastLine + 1, e);
        }
        return new FileSummary(name, true, Sha256.hex(sha256), read, accepted, read - accepted);
    }

    private Map<String, Integer> header(String file, CSVRecord record, DataFile<?> spec) throws InputException {
        Set<String> known = new LinkedHashSet<>(spec.requiredColumns());
        known.addAll(spec.optionalColumns());
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String column = record.get(i).trim().toLowerCase(Locale.ROOT);
            if (!known.contains(column)) {
                warnings.accept(file + ": unknown column '" + record.get(i).trim() + "' (column " + (i + 1)
                        + ") is ignored");
            } else if (columns.containsKey(column)) {
                warnings.accept(file + ": column '" + column + "' appears twice; the first (column "
                        + (columns.get(column) + 1) + ") is used and column " + (i + 1) + " is ignored");
            } else {
                columns.put(column, i);
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
                    + String.join(", ", missing) + " (the header names: " + String.join(", ", record.toList())
                    + ")");
        }
        return columns;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String v : record) {
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

    private static InputException unreadable(String file, long line, Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return new InputException(file + " line " + line + ": the file is not valid UTF-8; save it as UTF-8 CSV",
                    cause);
        }
        String detail = cause == null ? "unknown error" : cause.getMessage();
        return new InputException(file + " cannot be read near line " + line + ": " + detail
                + " (check the quoting: a field that contains a comma, quote or line break must be in double quotes,"
                + " with inner quotes doubled)", cause);
    }

}
