package org.nmaudit.input.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One 835 claim payment (loop 2100, CLP) and its service payments (2110, SVC). */
final class ClaimPayment {
    /** The 835 file's index in the reading order. */
    final int file;
    final long segment;
    String claimId = "";
    /** CLP02: 1 primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal ... */
    String status = "";
    BigDecimal charge;
    String paidText = "";
    String filingIndicator = "";
    String patientId = "";
    String insuredId = "";
    LocalDate statementFrom;
    final List<ServicePayment> lines = new ArrayList<>();

    ClaimPayment(int file, long segment) {
        this.file = file;
        this.segment = segment;
    }
}
