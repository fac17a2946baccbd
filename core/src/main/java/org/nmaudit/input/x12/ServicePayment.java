package org.nmaudit.input.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One 835 service payment (loop 2110): the procedure as adjudicated (SVC01) and as submitted (SVC06),
 * the charge (SVC02), the payment (SVC03), the date and the line item control number (REF*6R).
 */
final class ServicePayment {
    final long segment;
    String qualifier = "";
    String procedure = "";
    List<String> modifiers = List.of();
    String submittedQualifier = "";
    String submittedProcedure = "";
    List<String> submittedModifiers = List.of();
    String revenueCode = "";
    BigDecimal charge;
    BigDecimal paid;
    LocalDate date;
    String lineControl = "";
    /** The line has a problem of its own (rejected); it is not matched. */
    boolean rejected;

    ServicePayment(long segment) {
        this.segment = segment;
    }

    /** The code to match an 837 line by: as submitted when the payer changed it (SVC06), else SVC01. */
    String matchQualifier() {
        return submittedProcedure.isEmpty() ? qualifier : submittedQualifier;
    }

    String matchProcedure() {
        return submittedProcedure.isEmpty() ? procedure : submittedProcedure;
    }

    List<String> matchModifiers() {
        return submittedProcedure.isEmpty() ? modifiers : submittedModifiers;
    }

    String describe() {
        if (procedure.isEmpty()) {
            return qualifier;
        }
        return qualifier.isEmpty() ? procedure : qualifier + ":" + procedure;
    }
}
