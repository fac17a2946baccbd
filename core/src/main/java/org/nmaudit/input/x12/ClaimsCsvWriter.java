package org.nmaudit.input.x12;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.input.ClaimLineValidator;
import org.nmaudit.input.Reject;

/**
 * Writes what {@code x12 to-csv} read: claims.csv in the columns of data-format.md (the file an audit
 * would read instead of the X12 files) and rejects.csv ({@code file, line, column, value, reason}), both
 * streamed as lines come. Text taken from the input that a spreadsheet would evaluate as a formula is
 * written with a leading apostrophe. The two files appear in the output folder only when complete.
 */
public final class ClaimsCsvWriter implements Closeable {
    public static final String CLAIMS_CSV = "claims.csv";
    public static final String REJECTS_CSV = "rejects.csv";
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final Path folder;
    private final Path claimsPart;
    private final Path rejectsPart;
    private final CSVPrinter claims;
    private final CSVPrinter rejects;
    private long lines;
    private long rejectRows;
    private boolean committed;

    public ClaimsCsvWriter(Path folder) throws IOException {
        this.folder = folder;
        Files.createDirectories(folder);
        claimsPart = folder.resolve(CLAIMS_CSV + ".part");
        rejectsPart = folder.resolve(REJECTS_CSV + ".part");
        claims = printer(claimsPart, ClaimLineValidator.COLUMNS.toArray(String[]::new));
        rejects = printer(rejectsPart, "file", "line", "column", "value", "reason");
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        BufferedWriter out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        return new CSVPrinter(out, CSV.builder().setHeader(header).get());
    }

    public long lines() {
        return lines;
    }

    public long rejects() {
        return rejectRows;
    }

    /** One loaded claim line as a claims.csv row. */
    public void line(ClaimLine l) {
        try {
            claims.printRecord(text(l.getClaimId()), l.getLineNumber(), text(l.getPatientId()), l.getPayerType().name(),
                    l.getRenderingNpi(), l.getServiceDate(), l.getCptCode(), String.join(";", l.getModifiers()),
                    l.getUnits().toPlainString(), String.join(";", l.getDiagnosisCodes()),
                    blank(l.getPlaceOfService()), blank(l.getBillType()), text(l.getPriorAuthNumber()),
                    amount(l.getBilledAmount()), amount(l.getPaidAmount()));
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One problem of a rejected line. */
    public void reject(Reject r) {
        try {
            rejects.printRecord(r.file(), r.line(), r.column(), text(r.value()), text(r.reason()));
            rejectRows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts both files in place; until then an earlier claims.csv and rejects.csv in the folder stay as they were. */
    public void commit() throws IOException {
        claims.close(true);
        rejects.close(true);
        move(claimsPart, folder.resolve(CLAIMS_CSV));
        move(rejectsPart, folder.resolve(REJECTS_CSV));
        committed = true;
    }

    /** Without {@link #commit()}, removes the partial files. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                claims.close();
                rejects.close();
            } finally {
                Files.deleteIfExists(claimsPart);
                Files.deleteIfExists(rejectsPart);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /** Text from the input: a leading =, +, -, @, tab or carriage return would make a spreadsheet formula. */
    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char first = s.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + s : s;
    }
}
