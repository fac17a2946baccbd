package org.nmaudit.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * One X12 file the generator writes, one segment per line: the ISA/GS header, transaction sets of at
 * most {@value #CLAIMS_PER_SET} claims (as the TR3s recommend), each closed with its segment count,
 * and the GE/IEA trailer.
 */
final class X12Envelope implements Closeable {
    static final int CLAIMS_PER_SET = 5000;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final BufferedWriter out;
    private final String transactionSet;
    private final String version;
    private final String[] header;
    private final int control;
    private int sets;
    private int segmentsInSet;
    private int claimsInSet;
    private boolean inSet;

    /**
     * @param header the segments after ST of each transaction set (BHT, 1000A/B names, or BPR, TRN ... N1*PE)
     */
    X12Envelope(Path file, String functionalCode, String transactionSet, String version, LocalDate date, int control,
            String... header) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII),
                1 << 16);
        this.transactionSet = transactionSet;
        this.version = version;
        this.header = header;
        this.control = control;
        raw(String.format("ISA*00*          *00*          *ZZ*%-15s*ZZ*%-15s*%s*1200*^*00501*%09d*0*T*:",
                "NMAUDITGEN", "CLEARINGHOUSE", YYMMDD.format(date), control));
        raw("GS*" + functionalCode + "*NMAUDITGEN*CLEARINGHOUSE*" + CCYYMMDD.format(date) + "*1200*" + control + "*X*"
                + version);
    }

    /** Opens a new transaction set when the current one is full (or none is open); true when one was opened. */
    boolean claim() throws IOException {
        boolean opened = false;
        if (inSet && claimsInSet == CLAIMS_PER_SET) {
            endSet();
        }
        if (!inSet) {
            sets++;
            segmentsInSet = 0;
            claimsInSet = 0;
            inSet = true;
            segment("ST*" + transactionSet + "*" + String.format("%04d", sets) + "*" + version);
            for (String h : header) {
                segment(h);
            }
            opened = true;
        }
        claimsInSet++;
        return opened;
    }

    void segment(String segment) throws IOException {
        segmentsInSet++;
        raw(segment);
    }

    private void endSet() throws IOException {
        segment("SE*" + (segmentsInSet + 1) + "*" + String.format("%04d", sets));
        inSet = false;
    }

    private void raw(String segment) throws IOException {
        out.write(segment);
        out.write("~\n");
    }

    @Override
    public void close() throws IOException {
        try {
            if (inSet) {
                endSet();
            }
            raw("GE*" + sets + "*" + control);
            raw(String.format("IEA*1*%09d", control));
        } finally {
            out.close();
        }
    }
}
