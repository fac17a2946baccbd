package org.nmaudit.input.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the 835 matching needs of an 837 claim whose CLM01 an 835 pays (x12-input.md §4): the member id,
 * the total, the filing indicator and, per line, the line item control number, procedure, modifiers,
 * from date and charge. Only claims an 835 names are kept.
 */
final class BilledClaim {
    final long position;
    final String claimId;
    final char frequency;
    final String memberId;
    final BigDecimal total;
    final String filingIndicator;
    final List<Line> lines = new ArrayList<>();

    /** One 837 line as the 835 matching sees it. */
    record Line(int ordinal, String control, String procedure, String revenueCode, List<String> modifiers,
            LocalDate from, BigDecimal charge) {
    }

    BilledClaim(Claim837 c, long position) {
        this.position = position;
        this.claimId = c.id();
        this.frequency = c.frequencyCode();
        this.memberId = c.memberId.text();
        this.total = X12Values.decimal(c.totalCharge.text());
        this.filingIndicator = c.filingIndicator.text();
        X12Values.Dates statement = X12Values.dates(c.statementFormat, c.statementDates.text());
        for (ServiceLine837 l : c.lines) {
            X12Values.Dates dates = X12Values.dates(l.dateFormat.text(), l.date.text());
            LocalDate from = dates.ok() && dates.from() != null ? dates.from()
                    : !c.professional() && l.date.blank() && statement.ok() ? statement.from() : null;
            String procedure = l.qualifier.text().equals("HC") ? l.procedure.text().toUpperCase(Locale.ROOT) : "";
            lines.add(new Line(l.ordinal, l.lineControl.text(), procedure, l.revenueCode.text(),
                    l.modifiers.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList(), from,
                    X12Values.decimal(l.charge.text())));
        }
    }

    boolean hasDate(LocalDate day) {
        for (Line l : lines) {
            if (day.equals(l.from())) {
                return true;
            }
        }
        return false;
    }
}
