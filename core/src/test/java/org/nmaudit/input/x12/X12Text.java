package org.nmaudit.input.x12;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: small X12 files written from their segments (without terminators), one per line, with the
 * envelope and the SE count around them, so a test shows only the loops it is about.
 */
final class X12Text {
    static final String NPI_BILLING = "1493258762";
    static final String NPI_ROSS = "1629183744";
    static final String NPI_SHAH = "1873645208";
    static final String NPI_HOSPITAL = "1718452968";

    private X12Text() {
    }

    /** An 837P interchange dated {@code yymmdd} (ISA09) around {@code body} (the segments after BHT). */
    static String professional(String yymmdd, String... body) {
        return interchange(yymmdd, "HC", "837", "005010X222A1", withHeader(body));
    }

    static String institutional(String yymmdd, String... body) {
        return interchange(yymmdd, "HC", "837", "005010X223A2", withHeader(body));
    }

    static String remittance(String yymmdd, String... body) {
        List<String> segments = new ArrayList<>(List.of("BPR*I*0*C*NON************20250701", "TRN*1*T1*1999999999",
                "N1*PR*PAYER", "N1*PE*SPINE AND PAIN ASSOCIATES*XX*" + NPI_BILLING));
        segments.addAll(List.of(body));
        return interchange(yymmdd, "HP", "835", "005010X221A1", segments);
    }

    private static List<String> withHeader(String... body) {
        List<String> segments = new ArrayList<>(List.of("BHT*0019*00*B1*20250501*1200*CH",
                "NM1*41*2*SUBMITTER*****46*S1", "NM1*40*2*RECEIVER*****46*R1"));
        segments.addAll(List.of(body));
        return segments;
    }

    /** ISA, GS (GS08 = version), ST, the segments, SE with the right count, GE, IEA. */
    static String interchange(String yymmdd, String functionalCode, String set, String version, List<String> body) {
        List<String> s = new ArrayList<>();
        s.add("ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *" + yymmdd
                + "*1200*^*00501*000000001*0*T*:");
        s.add("GS*" + functionalCode + "*SENDER*RECEIVER*20" + yymmdd + "*1200*1*X*" + version);
        s.add("ST*" + set + "*0001*" + version);
        s.addAll(body);
        s.add("SE*" + (body.size() + 2) + "*0001");
        s.add("GE*1*1");
        s.add("IEA*1*000000001");
        StringBuilder b = new StringBuilder();
        for (String segment : s) {
            b.append(segment).append("~\n");
        }
        return b.toString();
    }

    /** A billing provider (HL 1) and a subscriber who is the patient (HL 2), Medicare Part B. */
    static List<String> billingAndSubscriber(String filingIndicator) {
        return List.of("HL*1**20*1", "NM1*85*2*SPINE AND PAIN ASSOCIATES*****XX*" + NPI_BILLING,
                "HL*2*1*22*0", "SBR*P*18*******" + filingIndicator, "NM1*IL*1*RIVERA*MARIA****MI*1EG4TE5MK73",
                "DMG*D8*19560310*F", "NM1*PR*2*MEDICARE*****PI*00952");
    }

    static String[] concat(List<String> head, String... rest) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    static Path write(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
