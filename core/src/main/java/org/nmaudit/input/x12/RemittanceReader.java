package org.nmaudit.input.x12;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nmaudit.input.Reject;

/**
 * Reads the 835 transaction sets of one file into {@link ClaimPayment}s: CLP opens a claim payment
 * (2100), SVC a service payment (2110); the 2000 LX (a header number, not a line) and PLB close the
 * claim. A service payment whose own values cannot be read (a paid amount that is no number, a claim
 * without CLP01) is rejected here, with the 835 file, the SVC segment and the element.
 */
final class RemittanceReader {
    private final String file;
    private final int fileIndex;
    private final Consumer<ClaimPayment> payments;
    private final Consumer<Reject> rejected;
    private long serviceLines;
    private long rejectedLines;

    RemittanceReader(String file, int fileIndex, Consumer<ClaimPayment> payments, Consumer<Reject> rejected) {
        this.file = file;
        this.fileIndex = fileIndex;
        this.payments = payments;
        this.rejected = rejected;
    }

    long serviceLines() {
        return serviceLines;
    }

    long rejectedLines() {
        return rejectedLines;
    }

    EnvelopeRouter.TransactionReader start() {
        return new Transaction();
    }

    private final class Transaction implements EnvelopeRouter.TransactionReader {
        private ClaimPayment claim;
        private ServicePayment line;

        @Override
        public boolean wants(String tag) {
            return switch (tag) {
                case "CLP", "NM1", "DTM", "SVC", "REF", "LX", "PLB" -> true;
                default -> false;
            };
        }

        @Override
        public void segment(Segment s) {
            switch (s.tag()) {
                case "CLP" -> {
                    flush();
                    claim = new ClaimPayment(fileIndex, s.ordinal());
                    claim.claimId = s.element(1);
                    claim.status = s.element(2);
                    claim.charge = X12Values.decimal(s.element(3));
                    claim.paidText = s.element(4);
                    claim.filingIndicator = s.element(6);
                }
                case "NM1" -> {
                    if (claim != null && line == null) {
                        if (s.element(1).equals("QC")) {
                            claim.patientId = s.element(9);
                        } else if (s.element(1).equals("IL")) {
                            claim.insuredId = s.element(9);
                        }
                    }
                }
                case "DTM" -> date(s);
                case "SVC" -> service(s);
                case "REF" -> {
                    if (line != null && s.element(1).equals("6R") && line.lineControl.isEmpty()) {
                        line.lineControl = s.element(2);
                    }
                }
                case "LX", "PLB" -> flush();
                default -> {
                    // CAS adjustments, AMT, QTY, LQ: not needed for paid_amount
                }
            }
        }

        @Override
        public void unreadable(long ordinal, String text) {
            if (line != null && !line.rejected) {
                reject(line, "", text, "2110 segment " + ordinal + ": '" + text + "' could not be read, so this"
                        + " service payment is not used");
            }
        }

        @Override
        public void end() {
            flush();
        }

        private void flush() {
            if (claim != null) {
                payments.accept(claim);
            }
            claim = null;
            line = null;
        }

        private void date(Segment s) {
            String qualifier = s.element(1);
            LocalDate d = X12Values.date(s.element(2));
            if (line != null && (qualifier.equals("472") || qualifier.equals("150"))) {
                if (d == null && !line.rejected) {
                    reject(line, "service_date", s.element(2), "2110 " + s.label(2) + ": service date "
                            + s.element(2) + " is not a date CCYYMMDD that exists");
                } else if (line.date == null || qualifier.equals("472")) {
                    line.date = d;
                }
            } else if (line == null && claim != null && qualifier.equals("232")) {
                claim.statementFrom = d;
            }
        }

        private void service(Segment s) {
            serviceLines++;
            ServicePayment p = new ServicePayment(s.ordinal());
            line = p;
            p.qualifier = s.component(1, 1);
            p.procedure = s.component(1, 2).toUpperCase(Locale.ROOT);
            p.modifiers = upper(s.nonBlankComponents(1, 3, 6));
            p.submittedQualifier = s.component(6, 1);
            p.submittedProcedure = s.component(6, 2).toUpperCase(Locale.ROOT);
            p.submittedModifiers = upper(s.nonBlankComponents(6, 3, 6));
            p.revenueCode = s.element(4);
            String chargeText = s.element(2);
            p.charge = X12Values.decimal(chargeText);
            p.paid = X12Values.decimal(s.element(3));
            if (claim == null) {
                reject(p, "claim_id", "", "2110 SVC: service payment outside a claim payment (no CLP before it)");
                return;
            }
            claim.lines.add(p);
            if (claim.claimId.isEmpty()) {
                reject(p, "claim_id", "", "2100 CLP-01: the claim payment has no claim id (CLP01), so its service"
                        + " payments cannot be matched to an 837 line");
            }
            if (p.paid == null) {
                reject(p, "paid_amount", s.element(3), "2110 " + s.label(3) + ": paid amount '" + s.element(3)
                        + "' is not a number");
            }
            if (p.charge == null && !chargeText.isEmpty()) {
                reject(p, "billed_amount", chargeText, "2110 " + s.label(2) + ": charge '" + chargeText
                        + "' is not a number");
            }
        }

        private void reject(ServicePayment p, String column, String value, String reason) {
            if (!p.rejected) {
                rejectedLines++;
            }
            p.rejected = true;
            rejected.accept(new Reject(file, p.segment, column, value, reason));
        }
    }

    private static List<String> upper(List<String> values) {
        if (values.isEmpty()) {
            return List.of(); // most service lines carry no modifier
        }
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }
}
