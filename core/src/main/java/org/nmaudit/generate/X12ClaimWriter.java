package org.nmaudit.generate;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes the generated claim lines as a billing system and a payer would send them (x12-input.md):
 * professional lines as 837P, institutional lines (those with a bill_type) as 837I, and every paid line
 * in an 835 with the line item control number of its 837 line.
 *
 * <p>The X12 form reads back into exactly the claims.csv rows, with one exception: an 837I carries no
 * place of service, so institutional lines lose theirs (their setting is in the bill type). To stay
 * faithful a claim is split into several CLM loops with the same CLM01 where one CLM cannot carry its
 * rows: an 837I's diagnoses, billing NPI, bill type and prior authorization belong to the whole claim,
 * as do an 837P's patient and payer; an 837P line that differs from the claim in rendering NPI, place
 * of service or prior authorization says so on the line (2420A, SV105, REF*G1). The deliberately broken
 * copies of rows keep their defect (a dollar amount with a decimal comma, a payer that is no filing
 * indicator, a date that does not exist), so the reader rejects them as it rejects the CSV rows, and the
 * 835 pays only the good rows.
 */
final class X12ClaimWriter implements Closeable {
    static final String PROFESSIONAL = "claims-professional.837";
    static final String INSTITUTIONAL = "claims-institutional.837";
    static final String REMITTANCES = "remittances.835";
    static final List<String> FILES = List.of(PROFESSIONAL, INSTITUTIONAL, REMITTANCES);

    /** The practice's group NPI: the billing provider of every 837P. */
    static final String PRACTICE_NPI = "1590000000";
    private static final int MAX_PROFESSIONAL_DIAGNOSES = 12;
    private static final Pattern AMOUNT = Pattern.compile("\\$?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");

    private final X12Envelope professional;
    private final X12Envelope institutional;
    private final X12Envelope remittances;
    private final Hierarchy professionalLevels = new Hierarchy();
    private final Hierarchy institutionalLevels = new Hierarchy();
    private long payerClaimNumber;

    X12ClaimWriter(Path dir, LocalDate sent) throws IOException {
        professional = new X12Envelope(dir.resolve(PROFESSIONAL), "HC", "837", "005010X222A1", sent, 1,
                "BHT*0019*00*NMAUDITGEN1*" + sent.toString().replace("-", "") + "*1200*CH",
                "NM1*41*2*NMAUDIT GENERATED PRACTICE*****46*NMGEN", "PER*IC*BILLING*TE*5555550100",
                "NM1*40*2*CLEARINGHOUSE*****46*CH001");
        institutional = new X12Envelope(dir.resolve(INSTITUTIONAL), "HC", "837", "005010X223A2", sent, 2,
                "BHT*0019*00*NMAUDITGEN2*" + sent.toString().replace("-", "") + "*1200*CH",
                "NM1*41*2*NMAUDIT GENERATED FACILITIES*****46*NMGENF", "PER*IC*PATIENT ACCOUNTS*TE*5555550199",
                "NM1*40*2*CLEARINGHOUSE*****46*CH001");
        LocalDate paid = sent.plusDays(1);
        remittances = new X12Envelope(dir.resolve(REMITTANCES), "HP", "835", "005010X221A1", paid, 3,
                "BPR*H*0*C*NON************" + paid.toString().replace("-", ""),
                "TRN*1*NMAUDITGEN*1999999999", "N1*PR*GENERATED PAYERS", "N3*PO BOX 1", "N4*SPRINGFIELD*IL*62701",
                "PER*BL*PROVIDER SERVICES*TE*8005550123", "N1*PE*NMAUDIT GENERATED PRACTICE*XX*" + PRACTICE_NPI);
    }

    /**
     * Writes one generated claim: its good rows (claims.csv cells, ClaimRows order) and the broken copies of
     * some of them.
     */
    void write(Claim claim, List<String[]> good, List<String[]> broken, int patientIndex) throws IOException {
        List<Row> rows = new ArrayList<>();
        int control = 0;
        for (String[] r : good) {
            rows.add(new Row(r, true, ++control));
        }
        for (String[] r : broken) {
            rows.add(new Row(r, false, ++control));
        }
        boolean dependent = patientIndex % 5 == 3;
        for (Block block : blocks(rows)) {
            if (block.institutional) {
                writeInstitutional(claim, block, dependent);
            } else {
                writeProfessional(block, dependent);
            }
            writeRemittance(block);
        }
    }

    /** One row with what it needs in X12. */
    private static final class Row {
        final String[] cells;
        final boolean good;
        final String control;
        final List<String> diagnoses = new ArrayList<>();

        Row(String[] cells, boolean good, int control) {
            this.cells = cells;
            this.good = good;
            this.control = cells[ClaimRows.CLAIM_ID] + "-" + control;
            for (String item : cells[9].split(";")) {
                String code = item.trim().replace(".", "").toUpperCase(Locale.ROOT);
                if (!code.isEmpty()) {
                    diagnoses.add(code);
                }
            }
        }

        String cell(int i) {
            return cells[i];
        }

        boolean institutional() {
            return !cells[11].isEmpty();
        }
    }

    /** The rows one CLM loop carries. */
    private static final class Block {
        final boolean institutional;
        final List<Object> key;
        final List<Row> rows = new ArrayList<>();
        final List<String> diagnoses = new ArrayList<>();

        Block(boolean institutional, List<Object> key) {
            this.institutional = institutional;
            this.key = key;
        }

        Row first() {
            return rows.get(0);
        }
    }

    /** Groups rows into CLM loops: consecutive rows whose claim-level values agree share one. */
    private static List<Block> blocks(List<Row> rows) {
        List<Block> blocks = new ArrayList<>();
        Map<List<Object>, Block> open = new LinkedHashMap<>();
        for (Row r : rows) {
            boolean institutional = r.institutional();
            List<Object> key = institutional
                    ? List.of(true, r.cell(2), r.cell(3), r.cell(4), r.cell(11), r.cell(12), r.diagnoses)
                    : List.of(false, r.cell(2), r.cell(3), r.cell(10).isEmpty(), r.diagnoses.isEmpty());
            Block b = open.get(key);
            if (b != null && !institutional) {
                List<String> union = new ArrayList<>(b.diagnoses);
                r.diagnoses.stream().filter(d -> !union.contains(d)).forEach(union::add);
                if (union.size() > MAX_PROFESSIONAL_DIAGNOSES) {
                    b = null;
                }
            }
            if (b == null) {
                b = new Block(institutional, key);
                open.put(key, b);
                blocks.add(b);
            }
            b.rows.add(r);
            for (String d : r.diagnoses) {
                if (!b.diagnoses.contains(d)) {
                    b.diagnoses.add(d);
                }
            }
        }
        return blocks;
    }

    /** The HL ids of one 837 file: a billing provider (20) and its subscribers (22, and 23 for a dependent). */
    private static final class Hierarchy {
        int next;
        String billingNpi;
        String subscriberKey;
        int billingId;
    }

    private void writeProfessional(Block b, boolean dependent) throws IOException {
        X12Envelope out = professional;
        Row first = b.first();
        levels(out, professionalLevels, PRACTICE_NPI, "NMAUDIT GENERATED PRACTICE", first, dependent, "208VP0014X");
        String pos = first.cell(10);
        out.segment("CLM*" + first.cell(0) + "*" + total(b) + "***" + pos + ":B:1*Y*A*Y*Y");
        String claimAuth = first.cell(12);
        boolean sharedAuth = b.rows.stream().allMatch(r -> r.cell(12).equals(claimAuth));
        if (sharedAuth && !claimAuth.isEmpty()) {
            out.segment("REF*G1*" + claimAuth);
        }
        out.segment("REF*EA*" + first.cell(2));
        diagnoses(out, b.diagnoses);
        String rendering = first.cell(4);
        out.segment("NM1*82*1*RENDERING*PROVIDER****XX*" + rendering);
        for (Row r : b.rows) {
            out.segment("LX*" + r.cell(1));
            StringBuilder pointers = new StringBuilder();
            for (String d : r.diagnoses) {
                pointers.append(pointers.length() == 0 ? "" : ":").append(b.diagnoses.indexOf(d) + 1);
            }
            String linePos = r.cell(10).equals(pos) ? "" : r.cell(10);
            out.segment(withoutTrailingSeparators("SV1*" + procedure(r) + "*" + amount(r.cell(13)) + "*UN*" + units(r)
                    + "*" + linePos + "**" + pointers));
            out.segment("DTP*472*D8*" + r.cell(5).replace("-", ""));
            out.segment("REF*6R*" + r.control);
            if (!sharedAuth && !r.cell(12).isEmpty()) {
                out.segment("REF*G1*" + r.cell(12));
            }
            if (!r.cell(4).equals(rendering)) {
                out.segment("NM1*82*1*RENDERING*PROVIDER****XX*" + r.cell(4));
            }
        }
    }

    private void writeInstitutional(Claim claim, Block b, boolean dependent) throws IOException {
        X12Envelope out = institutional;
        Row first = b.first();
        String name = claim.facility == null ? "FACILITY" : claim.facility.name().toUpperCase(Locale.ROOT);
        levels(out, institutionalLevels, first.cell(4), name, first, dependent, "282N00000X");
        String billType = first.cell(11);
        String facilityCode = billType.substring(0, billType.length() - 1);
        String frequency = billType.substring(billType.length() - 1);
        out.segment("CLM*" + first.cell(0) + "*" + total(b) + "***" + facilityCode + ":A:" + frequency + "*Y*A*Y*Y");
        LocalDate from = null;
        LocalDate to = null;
        for (Row r : b.rows) {
            LocalDate d = date(r.cell(5));
            if (d != null) {
                from = from == null || d.isBefore(from) ? d : from;
                to = to == null || d.isAfter(to) ? d : to;
            }
        }
        if (from != null) {
            out.segment("DTP*434*RD8*" + from.toString().replace("-", "") + "-" + to.toString().replace("-", ""));
        }
        out.segment("CL1*3**01");
        if (!first.cell(12).isEmpty()) {
            out.segment("REF*G1*" + first.cell(12));
        }
        out.segment("REF*EA*" + first.cell(2));
        diagnoses(out, b.diagnoses);
        for (Row r : b.rows) {
            out.segment("LX*" + r.cell(1));
            out.segment("SV2*" + revenueCode(r.cell(6)) + "*" + procedure(r) + "*" + amount(r.cell(13)) + "*UN*"
                    + units(r));
            out.segment("DTP*472*D8*" + r.cell(5).replace("-", ""));
            out.segment("REF*6R*" + r.control);
        }
    }

    /** Opens the HL levels a claim needs: a new billing provider or subscriber only when it changes. */
    private static void levels(X12Envelope out, Hierarchy h, String billingNpi, String billingName, Row first,
            boolean dependent, String taxonomy) throws IOException {
        if (out.claim()) {
            h.next = 0;
            h.billingNpi = null;
        }
        String patient = first.cell(2);
        String subscriberKey = patient + "|" + first.cell(3);
        if (!billingNpi.equals(h.billingNpi)) {
            h.billingId = ++h.next;
            h.billingNpi = billingNpi;
            h.subscriberKey = null;
            out.segment("HL*" + h.billingId + "**20*1");
            out.segment("PRV*BI*PXC*" + taxonomy);
            out.segment("NM1*85*2*" + billingName + "*****XX*" + billingNpi);
            out.segment("N3*100 MAIN ST");
            out.segment("N4*SPRINGFIELD*IL*62701");
            out.segment("REF*EI*371234567");
        }
        if (!subscriberKey.equals(h.subscriberKey)) {
            h.subscriberKey = subscriberKey;
            int subscriber = ++h.next;
            out.segment("HL*" + subscriber + "*" + h.billingId + "*22*" + (dependent ? "1" : "0"));
            out.segment("SBR*P*18*******" + filingIndicator(first.cell(3), first.institutional()));
            if (dependent) {
                out.segment("NM1*IL*1*GUARDIAN*OF " + patient + "****MI*MBR" + patient + "G");
                out.segment("NM1*PR*2*PAYER*****PI*PAYER1");
                out.segment("HL*" + (++h.next) + "*" + subscriber + "*23*0");
                out.segment("PAT*19");
                out.segment("NM1*QC*1*" + patient + "*A");
                out.segment("DMG*D8*19700101*U");
            } else {
                out.segment("NM1*IL*1*" + patient + "*A****MI*MBR" + patient);
                out.segment("DMG*D8*19700101*U");
                out.segment("NM1*PR*2*PAYER*****PI*PAYER1");
            }
        }
    }

    /** The 835 payment of a CLM loop's good rows that were paid; nothing when none was. */
    private void writeRemittance(Block b) throws IOException {
        List<Row> paid = b.rows.stream().filter(r -> r.good && !r.cell(14).isEmpty()).toList();
        if (paid.isEmpty()) {
            return;
        }
        Row first = b.first();
        BigDecimal sum = BigDecimal.ZERO;
        for (Row r : paid) {
            sum = sum.add(new BigDecimal(amount(r.cell(14))));
        }
        X12Envelope out = remittances;
        if (out.claim()) {
            out.segment("LX*1");
        }
        String billType = first.cell(11);
        String facility = billType.isEmpty() ? ""
                : "*" + billType.substring(billType.length() - 3, billType.length() - 1) + "*"
                        + billType.substring(billType.length() - 1);
        out.segment("CLP*" + first.cell(0) + "*1*" + total(b) + "*" + sum.toPlainString() + "*0*"
                + filingIndicator(first.cell(3), first.institutional()) + "*PCN" + (++payerClaimNumber) + facility);
        out.segment("NM1*QC*1*" + first.cell(2) + "*A****MI*MBR" + first.cell(2));
        for (Row r : paid) {
            out.segment("SVC*" + procedure(r) + "*" + amount(r.cell(13)) + "*" + amount(r.cell(14)) + "**" + units(r));
            out.segment("DTM*472*" + r.cell(5).replace("-", ""));
            out.segment("REF*6R*" + r.control);
        }
    }

    private static String withoutTrailingSeparators(String segment) {
        int end = segment.length();
        while (end > 0 && segment.charAt(end - 1) == '*') {
            end--;
        }
        return segment.substring(0, end);
    }

    private static void diagnoses(X12Envelope out, List<String> codes) throws IOException {
        if (codes.isEmpty()) {
            return;
        }
        StringBuilder hi = new StringBuilder("HI");
        for (int i = 0; i < codes.size(); i++) {
            if (i > 0 && i % 12 == 0) {
                out.segment(hi.toString());
                hi = new StringBuilder("HI");
            }
            hi.append('*').append(i == 0 ? "ABK:" : "ABF:").append(codes.get(i));
        }
        out.segment(hi.toString());
    }

    /** HC:code:modifiers, as the source system spells the code (a lower-case HCPCS stays lower-case). */
    private static String procedure(Row r) {
        StringBuilder b = new StringBuilder("HC:").append(r.cell(6));
        for (String m : r.cell(7).split(";")) {
            if (!m.trim().isEmpty()) {
                b.append(':').append(m.trim());
            }
        }
        return b.toString();
    }

    private static String units(Row r) {
        return r.cell(8).isEmpty() ? "1" : r.cell(8);
    }

    /** A claims.csv amount as an X12 decimal; a malformed one ($407,00) keeps its defect. */
    static String amount(String cell) {
        String t = cell.trim();
        if (AMOUNT.matcher(t).matches()) {
            return t.replace("$", "").replace(",", "");
        }
        return t.replace("$", "");
    }

    private static String total(Block b) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Row r : b.rows) {
            String a = amount(r.cell(13));
            if (AMOUNT.matcher(a).matches()) {
                sum = sum.add(new BigDecimal(a));
            }
        }
        return sum.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A payer_type as a claim filing indicator; a text that is no payer type stays as it is (and is rejected). */
    static String filingIndicator(String payerType, boolean institutional) {
        return switch (payerType.trim().toUpperCase(Locale.ROOT)) {
            case "MEDICARE" -> institutional ? "MA" : "MB";
            case "MEDICARE_ADVANTAGE" -> "16";
            case "MEDICAID" -> "MC";
            case "COMMERCIAL" -> "CI";
            case "OTHER" -> "11";
            default -> payerType;
        };
    }

    /** The revenue code of a facility line: devices 0278, everything else the operating room 0360. */
    private static String revenueCode(String cpt) {
        String c = cpt.toUpperCase(Locale.ROOT);
        return c.startsWith("C") || c.startsWith("L") ? "0278" : "0360";
    }

    private static LocalDate date(String iso) {
        try {
            return LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (X12Envelope e : new X12Envelope[] {professional, institutional, remittances}) {
            try {
                e.close();
            } catch (IOException ex) {
                first = Objects.requireNonNullElse(first, ex);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
