package org.nmaudit.input.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the claims of the 837 transaction sets of one file, one {@link Claim837} at a time. StAEDI
 * knows no 837 loops, so this class follows them itself (x12-input.md §1): HL03 opens the billing
 * provider (20), subscriber (22) and patient (23) levels; CLM opens loop 2300 under the subscriber or
 * the patient; the first SBR after CLM opens the other payers' loops 2320/2330, whose NM1s (NM1*82,
 * NM1*85 ...) are not this claim's providers; LX opens a service line 2400; an NM1 in the line opens
 * 2420x, and LIN or SVD the 2410 drug and 2430 prior-payer loops, whose REFs are not the line's.
 */
final class ClaimReader {
    /** "2300 HI-01" .. "2300 HI-12": where each diagnosis came from, worded once rather than for every claim. */
    private static final String[] DIAGNOSIS_SOURCES = new String[13];
    private static final String SV1_PROCEDURE_SOURCE = "2400 " + Segment.label("SV1", 1);
    private static final String SV1_POINTER_SOURCE = "2400 " + Segment.label("SV1", 7);
    private static final String SV2_PROCEDURE_SOURCE = "2400 " + Segment.label("SV2", 2);

    static {
        for (int e = 1; e < DIAGNOSIS_SOURCES.length; e++) {
            DIAGNOSIS_SOURCES[e] = "2300 " + Segment.label("HI", e);
        }
    }

    private final Consumer<Claim837> claims;
    private final Detail detail;
    private int nextOrdinal;

    /** How much of each claim is read. */
    enum Detail {
        /** Only CLM (claim id, total, CLM05): claims without context or lines, all the replacement and void history needs. */
        HEADS,
        /** Everything but the diagnoses (HI) and the patient's birth date (DMG): what the 835 matching needs. */
        BILLED,
        /** Everything claims.csv has (not the line control numbers, REF*6R, which only the 835 matching needs). */
        FULL
    }

    ClaimReader(Consumer<Claim837> claims) {
        this(claims, Detail.FULL);
    }

    ClaimReader(Consumer<Claim837> claims, Detail detail) {
        this.claims = claims;
        this.detail = detail;
    }

    EnvelopeRouter.TransactionReader start(TransactionKind kind) {
        return new Transaction(kind);
    }

    private enum Loop {
        HEADER, BILLING_PROVIDER, SUBSCRIBER, PATIENT, CLAIM, CLAIM_PROVIDER, OTHER_PAYER, LINE, LINE_DETAIL
    }

    /** The loops of one ST..SE. */
    private final class Transaction implements EnvelopeRouter.TransactionReader {
        private final TransactionKind kind;
        private Loop loop = Loop.HEADER;
        private String level = "";

        private Element billingNpi = Element.ABSENT;
        private boolean hasPayer;
        private Element payerSequence = Element.ABSENT;
        private Element filingIndicator = Element.ABSENT;
        private Element memberId = Element.ABSENT;
        private Element patientLast = Element.ABSENT;
        private Element patientFirst = Element.ABSENT;
        private Element patientBirth = Element.ABSENT;
        private long patientSegment;
        /** Unreadable segments above the claims (billing provider, subscriber, patient): the claims under them are not trusted. */
        private final List<Element> contextUnreadable = new ArrayList<>();

        private Claim837 claim;
        private ServiceLine837 line;

        Transaction(TransactionKind kind) {
            this.kind = kind;
        }

        /**
         * The segments the loops and the mapping need; the rest (addresses, contacts, CAS ...) is skipped unread.
         * HI and DMG change no loop, so a claim read without them has the same lines.
         */
        @Override
        public boolean wants(String tag) {
            return switch (tag) {
                case "CLM" -> true;
                case "HL", "NM1", "SBR", "DTP", "REF", "LX", "SV1", "SV2", "LIN", "SVD" -> detail != Detail.HEADS;
                case "HI", "DMG" -> detail == Detail.FULL;
                default -> false;
            };
        }

        @Override
        public void segment(Segment s) {
            switch (s.tag()) {
                case "HL" -> hierarchicalLevel(s);
                case "NM1" -> name(s);
                case "SBR" -> subscriber(s);
                case "DMG" -> {
                    if (loop == Loop.PATIENT) {
                        patientBirth = Element.of(s, "2010CA", 2);
                    }
                }
                case "CLM" -> claim(s);
                case "DTP" -> date(s);
                case "REF" -> reference(s);
                case "HI" -> {
                    if (claim != null && (loop == Loop.CLAIM || loop == Loop.CLAIM_PROVIDER)) {
                        diagnoses(s);
                    }
                }
                case "LX" -> {
                    if (claim != null) {
                        line = new ServiceLine837(claim.lines.size());
                        line.lineNumber = Element.of(s, "2400", 1);
                        line.lxSegment = s.ordinal();
                        claim.lines.add(line);
                        loop = Loop.LINE;
                    }
                }
                case "SV1" -> {
                    if (loop == Loop.LINE && line != null) {
                        professionalService(s);
                    }
                }
                case "SV2" -> {
                    if (loop == Loop.LINE && line != null) {
                        institutionalService(s);
                    }
                }
                case "LIN", "SVD" -> {
                    if (loop == Loop.LINE) {
                        loop = Loop.LINE_DETAIL;
                    }
                }
                default -> {
                    // other segments carry nothing claims.csv has
                }
            }
        }

        @Override
        public void unreadable(long ordinal, String text) {
            if (claim != null) {
                claim.unreadable.add(new Element(text, ordinal, line == null ? "2300" : "2400"));
            } else {
                contextUnreadable.add(new Element(text, ordinal, loopName()));
            }
        }

        @Override
        public void end() {
            flush();
        }

        private String loopName() {
            return switch (loop) {
                case BILLING_PROVIDER -> "2000A";
                case SUBSCRIBER -> "2000B";
                case PATIENT -> "2000C";
                default -> "1000";
            };
        }

        private void flush() {
            if (claim != null) {
                claims.accept(claim);
                claim = null;
                line = null;
            }
        }

        private void hierarchicalLevel(Segment s) {
            flush();
            level = s.element(3);
            switch (level) {
                case "20" -> {
                    loop = Loop.BILLING_PROVIDER;
                    billingNpi = new Element("", s.ordinal(), "2010AA NM1-09");
                    contextUnreadable.clear();
                    resetSubscriber();
                }
                case "22" -> {
                    loop = Loop.SUBSCRIBER;
                    resetSubscriber();
                }
                case "23" -> {
                    loop = Loop.PATIENT;
                    resetPatient(s.ordinal());
                }
                default -> loop = Loop.HEADER;
            }
        }

        private void resetSubscriber() {
            hasPayer = false;
            payerSequence = Element.ABSENT;
            filingIndicator = Element.ABSENT;
            memberId = Element.ABSENT;
            resetPatient(0);
        }

        private void resetPatient(long segment) {
            patientLast = Element.ABSENT;
            patientFirst = Element.ABSENT;
            patientBirth = Element.ABSENT;
            patientSegment = segment;
        }

        private void name(Segment s) {
            String entity = s.element(1);
            boolean npi = s.element(8).equals("XX");
            switch (loop) {
                case BILLING_PROVIDER -> {
                    if (entity.equals("85")) {
                        billingNpi = npi ? Element.of(s, "2010AA", 9) : new Element("", s.ordinal(), "2010AA NM1-09");
                    }
                }
                case SUBSCRIBER -> {
                    if (entity.equals("IL")) {
                        memberId = Element.of(s, "2010BA", 9);
                    }
                }
                case PATIENT -> {
                    if (entity.equals("QC")) {
                        patientLast = Element.of(s, "2010CA", 3);
                        patientFirst = Element.of(s, "2010CA", 4);
                        patientSegment = s.ordinal();
                    }
                }
                case CLAIM, CLAIM_PROVIDER -> {
                    loop = Loop.CLAIM_PROVIDER;
                    if (entity.equals("82") && npi && claim != null) {
                        if (claim.renderingProviders++ == 0) {
                            claim.renderingNpi = Element.of(s, "2310B", 9);
                        }
                    }
                }
                case LINE, LINE_DETAIL -> {
                    loop = Loop.LINE_DETAIL;
                    if (entity.equals("82") && npi && line != null) {
                        if (line.renderingProviders++ == 0) {
                            line.renderingNpi = Element.of(s, "2420A", 9);
                        }
                    }
                }
                default -> {
                    // 1000A/B names and the other payers' 2330 loops
                }
            }
        }

        private void subscriber(Segment s) {
            if (loop == Loop.SUBSCRIBER) {
                hasPayer = true;
                payerSequence = Element.of(s, "2000B", 1);
                filingIndicator = Element.of(s, "2000B", 9);
            } else if (claim != null && (loop == Loop.CLAIM || loop == Loop.CLAIM_PROVIDER)) {
                loop = Loop.OTHER_PAYER; // 2320: every NM1 up to the next LX is another payer's
            }
        }

        private void claim(Segment s) {
            flush();
            Claim837 c = new Claim837(kind, nextOrdinal++);
            c.claimId = Element.of(s, "2300", 1);
            c.totalCharge = Element.of(s, "2300", 2);
            c.facilityCode = Element.of(s, "2300", 5, 1);
            c.frequency = Element.of(s, "2300", 5, 3);
            c.clmSegment = s.ordinal();
            c.billingNpi = billingNpi;
            c.hasPayer = hasPayer;
            c.payerSequence = payerSequence;
            c.filingIndicator = filingIndicator;
            c.memberId = memberId;
            c.dependent = level.equals("23");
            if (c.dependent) {
                c.patientLastName = patientLast;
                c.patientFirstName = patientFirst;
                c.patientBirthDate = patientBirth;
                c.patientSegment = patientSegment;
            }
            c.unreadable.addAll(contextUnreadable);
            claim = c;
            line = null;
            loop = Loop.CLAIM;
        }

        private void date(Segment s) {
            String qualifier = s.element(1);
            if (loop == Loop.CLAIM && claim != null && qualifier.equals("434")) {
                claim.statementFormat = s.element(2);
                claim.statementDates = Element.of(s, "2300", 3);
            } else if (loop == Loop.LINE && line != null && qualifier.equals("472")) {
                line.dateFormat = Element.of(s, "2400", 2);
                line.date = Element.of(s, "2400", 3);
            }
        }

        private void reference(Segment s) {
            String qualifier = s.element(1);
            if (loop == Loop.CLAIM && claim != null) {
                switch (qualifier) {
                    case "EA" -> {
                        if (claim.medicalRecordNumber.blank()) {
                            claim.medicalRecordNumber = Element.of(s, "2300", 2);
                        }
                    }
                    case "G1" -> {
                        if (claim.priorAuthorizations++ == 0) {
                            claim.priorAuthorization = Element.of(s, "2300", 2);
                        }
                    }
                    case "9F" -> claim.referral = Element.of(s, "2300", 2);
                    default -> {
                    }
                }
            } else if (loop == Loop.LINE && line != null) {
                switch (qualifier) {
                    case "6R" -> {
                        if (detail == Detail.BILLED && line.lineControl.blank()) {
                            line.lineControl = Element.of(s, "2400", 2);
                        }
                    }
                    case "G1" -> {
                        if (line.priorAuthorizations++ == 0) {
                            line.priorAuthorization = Element.of(s, "2400", 2);
                        }
                    }
                    case "9F" -> line.referral = Element.of(s, "2400", 2);
                    default -> {
                    }
                }
            }
        }

        private void diagnoses(Segment s) {
            for (int e = 1; e <= 12; e++) {
                String qualifier = s.component(e, 1);
                if (Diagnosis.ICD10.contains(qualifier) || Diagnosis.ICD9.contains(qualifier)) {
                    claim.diagnoses.add(new Diagnosis(qualifier, s.component(e, 2), s.ordinal(), DIAGNOSIS_SOURCES[e]));
                }
            }
        }

        private void professionalService(Segment s) {
            ServiceLine837 l = line;
            l.hasService = true;
            l.serviceTag = "SV1";
            l.serviceSegment = s.ordinal();
            l.qualifier = Element.of(s, "2400", 1, 1);
            l.procedure = Element.of(s, "2400", 1, 2);
            l.modifiers = s.nonBlankComponents(1, 3, 6);
            l.modifierSource = SV1_PROCEDURE_SOURCE;
            l.charge = Element.of(s, "2400", 2);
            l.unitBasis = Element.of(s, "2400", 3);
            l.quantity = Element.of(s, "2400", 4);
            l.placeOfService = Element.of(s, "2400", 5);
            l.pointers = s.nonBlankComponents(7, 1, 4);
            l.pointerText = s.text(7);
            l.pointerSource = SV1_POINTER_SOURCE;
        }

        private void institutionalService(Segment s) {
            ServiceLine837 l = line;
            l.hasService = true;
            l.serviceTag = "SV2";
            l.serviceSegment = s.ordinal();
            l.revenueCode = Element.of(s, "2400", 1);
            l.qualifier = Element.of(s, "2400", 2, 1);
            l.procedure = Element.of(s, "2400", 2, 2);
            l.modifiers = s.nonBlankComponents(2, 3, 6);
            l.modifierSource = SV2_PROCEDURE_SOURCE;
            l.charge = Element.of(s, "2400", 3);
            l.unitBasis = Element.of(s, "2400", 4);
            l.quantity = Element.of(s, "2400", 5);
        }
    }
}
