package org.nmaudit.input.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * One 837 claim (loop 2300) with what the loops above it say: billing provider (2010AA), subscriber
 * (2000B/2010BA), patient (2000C/2010CA) and its service lines (2400). Holds one claim only; the
 * parser hands it on when the claim ends.
 */
final class Claim837 {
    final TransactionKind kind;
    /** The claim's ordinal among the claims of its file (0-based): with the file it identifies the claim. */
    final int ordinal;

    Element claimId = Element.ABSENT;
    Element totalCharge = Element.ABSENT;
    Element facilityCode = Element.ABSENT;
    Element frequency = Element.ABSENT;
    long clmSegment;

    Element billingNpi = Element.ABSENT;
    /** SBR of 2000B: the payer the claim is sent to. */
    boolean hasPayer;
    Element payerSequence = Element.ABSENT;
    Element filingIndicator = Element.ABSENT;
    Element memberId = Element.ABSENT;
    /** The claim sits under a 2000C patient loop: the patient is a dependent with no id of their own. */
    boolean dependent;
    Element patientLastName = Element.ABSENT;
    Element patientFirstName = Element.ABSENT;
    Element patientBirthDate = Element.ABSENT;
    long patientSegment;

    Element medicalRecordNumber = Element.ABSENT;
    Element priorAuthorization = Element.ABSENT;
    int priorAuthorizations;
    Element referral = Element.ABSENT;
    Element statementDates = Element.ABSENT;
    String statementFormat = "";
    Element renderingNpi = Element.ABSENT;
    int renderingProviders;
    final List<Diagnosis> diagnoses = new ArrayList<>();
    /** Segments of the claim that could not be read (ordinal and text): its lines are rejected. */
    final List<Element> unreadable = new ArrayList<>();

    final List<ServiceLine837> lines = new ArrayList<>();

    Claim837(TransactionKind kind, int ordinal) {
        this.kind = kind;
        this.ordinal = ordinal;
    }

    boolean professional() {
        return kind == TransactionKind.PROFESSIONAL;
    }

    String id() {
        return claimId.text();
    }

    /** CLM05-3: 1 original, 7 replacement, 8 void (other codes are read as originals). */
    char frequencyCode() {
        String f = frequency.text();
        return f.length() == 1 ? f.charAt(0) : '1';
    }
}
